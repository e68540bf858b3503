package handles // want package:"resourcefacts"

// WL1005: Windows handles from x/sys/windows and syscall that are not
// released on some path. Each positive case is followed by the idiom
// that stays silent.

import (
	"errors"
	"os"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// A process handle used once and dropped.
func isRunning(pid uint32) bool {
	h, err := windows.OpenProcess(windows.SYNCHRONIZE, false, pid) // want `h from windows.OpenProcess is not released on the path through the return at line \d+; defer windows.CloseHandle\(h\)`
	if err != nil {
		return false
	}
	ev, err := windows.WaitForSingleObject(h, 0)
	return err == nil && ev != 0
}

func isRunningOK(pid uint32) bool {
	h, err := windows.OpenProcess(windows.SYNCHRONIZE, false, pid)
	if err != nil {
		return false
	}
	defer windows.CloseHandle(h)
	ev, err := windows.WaitForSingleObject(h, 0)
	return err == nil && ev != 0
}

// A process snapshot: the early return inside the walk leaks it.
func findPID(exe string) (uint32, error) {
	snap, err := windows.CreateToolhelp32Snapshot(windows.TH32CS_SNAPPROCESS, 0) // want `snap from windows.CreateToolhelp32Snapshot is not released`
	if err != nil {
		return 0, err
	}
	var pe windows.ProcessEntry32
	pe.Size = uint32(unsafe.Sizeof(pe))
	for err = windows.Process32First(snap, &pe); err == nil; err = windows.Process32Next(snap, &pe) {
		if windows.UTF16ToString(pe.ExeFile[:]) == exe {
			return pe.ProcessID, nil
		}
	}
	windows.CloseHandle(snap)
	if errors.Is(err, windows.ERROR_NO_MORE_FILES) {
		return 0, os.ErrNotExist
	}
	return 0, err
}

func findPIDOK(exe string) (uint32, error) {
	snap, err := windows.CreateToolhelp32Snapshot(windows.TH32CS_SNAPPROCESS, 0)
	if err != nil {
		return 0, err
	}
	defer windows.CloseHandle(snap)
	var pe windows.ProcessEntry32
	pe.Size = uint32(unsafe.Sizeof(pe))
	for err = windows.Process32First(snap, &pe); err == nil; err = windows.Process32Next(snap, &pe) {
		if windows.UTF16ToString(pe.ExeFile[:]) == exe {
			return pe.ProcessID, nil
		}
	}
	return 0, err
}

// The process token (an out-parameter) is never closed.
func elevated() bool {
	var tok windows.Token
	if err := windows.OpenProcessToken(windows.CurrentProcess(), windows.TOKEN_QUERY, &tok); err != nil { // want `tok from windows.OpenProcessToken is not released on the path through the return at line \d+; defer tok.Close\(\)`
		return false
	}
	return tok.IsElevated()
}

func elevatedOK() bool {
	var tok windows.Token
	if err := windows.OpenProcessToken(windows.CurrentProcess(), windows.TOKEN_QUERY, &tok); err != nil {
		return false
	}
	defer tok.Close()
	return tok.IsElevated()
}

// Closing the token through CloseHandle and a conversion counts.
func elevatedHandleOK() bool {
	var tok windows.Token
	err := windows.OpenProcessToken(windows.CurrentProcess(), windows.TOKEN_QUERY, &tok)
	if err != nil {
		return false
	}
	e := tok.IsElevated()
	windows.CloseHandle(windows.Handle(tok))
	return e
}

// CreateFile: a second error returns without closing.
func readHeader(path string) ([]byte, error) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, err
	}
	h, err := windows.CreateFile(p, windows.GENERIC_READ, windows.FILE_SHARE_READ, nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0) // want `h from windows.CreateFile is not released on the path through the return at line \d+`
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 64)
	var n uint32
	if err := windows.ReadFile(h, buf, &n, nil); err != nil {
		return nil, err
	}
	windows.CloseHandle(h)
	return buf[:n], nil
}

// Handing the handle to os.NewFile transfers ownership: the file closes it.
func openShared(path string) (*os.File, error) { // want openShared:`fresh\(0 from os.NewFile\)`
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return nil, err
	}
	h, err := windows.CreateFile(p, windows.GENERIC_READ, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE, nil, windows.OPEN_EXISTING, windows.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(h), path), nil
}

// A handle checked against InvalidHandle instead of err.
func openOrNothing(p *uint16) {
	h, _ := windows.CreateFile(p, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if h == windows.InvalidHandle {
		return
	}
	windows.CloseHandle(h)
}

// An event created and forgotten.
func signal(name *uint16) error {
	ev, err := windows.CreateEvent(nil, 1, 0, name) // want `ev from windows.CreateEvent is not released`
	if err != nil {
		return err
	}
	return windows.SetEvent(ev)
}

// An event owned by a struct that closes it.
type notifier struct{ ev windows.Handle }

func newNotifier() (*notifier, error) {
	ev, err := windows.CreateEvent(nil, 0, 0, nil)
	if err != nil {
		return nil, err
	}
	return &notifier{ev: ev}, nil
}

func (n *notifier) Close() error { return windows.CloseHandle(n.ev) }

// A named mutex held for the life of a call, then leaked.
func singleInstance(name *uint16) error {
	m, err := windows.CreateMutex(nil, true, name) // want `m from windows.CreateMutex is not released`
	if err != nil {
		return err
	}
	return windows.ReleaseMutex(m)
}

// The mutex handle is returned to the caller, who keeps it for the
// lifetime of the process.
func lockInstance(name *uint16) (windows.Handle, error) { // want lockInstance:`fresh\(0 from golang.org/x/sys/windows.CreateMutex\)`
	return windows.CreateMutex(nil, true, name)
}

// DuplicateHandle's target handle is an out-parameter.
func dupForChild(child windows.Handle, h windows.Handle) error { // want dupForChild:`borrows\[0 1\]`
	var dup windows.Handle
	err := windows.DuplicateHandle(windows.CurrentProcess(), h, child, &dup, 0, true, windows.DUPLICATE_SAME_ACCESS) // want `dup from windows.DuplicateHandle is not released`
	if err != nil {
		return err
	}
	var code uint32
	return windows.GetExitCodeProcess(dup, &code)
}

// A file mapping closed, but its view never unmapped.
func mapFirstByte(f windows.Handle) (byte, error) { // want mapFirstByte:`borrows\[0\]`
	m, err := windows.CreateFileMapping(f, nil, windows.PAGE_READONLY, 0, 0, nil)
	if err != nil {
		return 0, err
	}
	defer windows.CloseHandle(m)
	addr, err := windows.MapViewOfFile(m, windows.FILE_MAP_READ, 0, 0, 1) // want `addr from windows.MapViewOfFile is not released on the path through the return at line \d+; defer windows.UnmapViewOfFile\(addr\)`
	if err != nil {
		return 0, err
	}
	return *(*byte)(unsafe.Pointer(addr)), nil
}

func mapOK(f windows.Handle) error { // want mapOK:`borrows\[0\]`
	m, err := windows.CreateFileMapping(f, nil, windows.PAGE_READONLY, 0, 0, nil)
	if err != nil {
		return err
	}
	defer windows.CloseHandle(m)
	addr, err := windows.MapViewOfFile(m, windows.FILE_MAP_READ, 0, 0, 1)
	if err != nil {
		return err
	}
	return windows.UnmapViewOfFile(addr)
}

// A directory search handle left open when the walk stops early.
func hasMatch(pattern *uint16, want string) (bool, error) {
	var fd windows.Win32finddata
	h, err := windows.FindFirstFile(pattern, &fd) // want `h from windows.FindFirstFile is not released`
	if err != nil {
		return false, err
	}
	for {
		if windows.UTF16ToString(fd.FileName[:]) == want {
			return true, nil
		}
		if err := windows.FindNextFile(h, &fd); err != nil {
			break
		}
	}
	return false, windows.FindClose(h)
}

func listOK(pattern *uint16) ([]string, error) {
	var fd windows.Win32finddata
	h, err := windows.FindFirstFile(pattern, &fd)
	if err != nil {
		return nil, err
	}
	defer windows.FindClose(h)
	var names []string
	for {
		names = append(names, windows.UTF16ToString(fd.FileName[:]))
		if err := windows.FindNextFile(h, &fd); err != nil {
			return names, nil
		}
	}
}

// A DLL loaded for one lookup and never freed.
func hasProc(dll, name string) bool {
	lib, err := windows.LoadLibrary(dll) // want `lib from windows.LoadLibrary is not released`
	if err != nil {
		return false
	}
	_, err = windows.GetProcAddress(lib, name)
	return err == nil
}

func hasProcOK(dll, name string) bool {
	lib, err := windows.LoadLibrary(dll)
	if err != nil {
		return false
	}
	defer windows.FreeLibrary(lib)
	_, err = windows.GetProcAddress(lib, name)
	return err == nil
}

// The syscall package's handles are tracked the same way.
func terminate(pid uint32) error {
	h, err := syscall.OpenProcess(syscall.PROCESS_TERMINATE, false, pid) // want `h from syscall.OpenProcess is not released on the path through the return at line \d+; defer syscall.CloseHandle\(h\)`
	if err != nil {
		return err
	}
	return syscall.TerminateProcess(h, 1)
}

func terminateOK(pid uint32) error {
	h, err := syscall.OpenProcess(syscall.PROCESS_TERMINATE, false, pid)
	if err != nil {
		return err
	}
	defer syscall.CloseHandle(h)
	return syscall.TerminateProcess(h, 1)
}

// A deferred closure that releases.
func waitExit(pid uint32) (code uint32, err error) {
	h, err := windows.OpenProcess(windows.SYNCHRONIZE|windows.PROCESS_QUERY_LIMITED_INFORMATION, false, pid)
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := windows.CloseHandle(h); err == nil {
			err = cerr
		}
	}()
	if _, err := windows.WaitForSingleObject(h, windows.INFINITE); err != nil {
		return 0, err
	}
	err = windows.GetExitCodeProcess(h, &code)
	return code, err
}

// Error branches written with errors.Is, joined by ||, are error branches
// of the acquiring call too.
func cwdOK(pid uint32) (string, error) {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, pid)
	if errors.Is(err, windows.ERROR_ACCESS_DENIED) || errors.Is(err, windows.ERROR_INVALID_PARAMETER) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	defer syscall.CloseHandle(syscall.Handle(h))
	return "", nil
}

// The failure branch may compare err with a sentinel: nothing was opened
// there (regression from windows_exporter's OpenService use).
func sentinelBranch(pid uint32) error {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, pid)
	if err == windows.ERROR_ACCESS_DENIED {
		return nil
	}
	if err != nil {
		return err
	}
	defer windows.CloseHandle(h)
	return nil
}

// A comparison with a sentinel is no proof of success either: the handle
// still leaks on the path where err is something else and not checked.
func sentinelNotEnough(pid uint32) error {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, pid) // want `h from windows.OpenProcess is not released on the path through the return`
	if err != windows.ERROR_ACCESS_DENIED {
		_ = h
		return nil
	}
	return err
}

// A DLL loaded once per process and kept: pinned on purpose (regression
// from hcsshim's cimwriter).
var loadWriter = sync.OnceValue(func() error {
	h, err := windows.LoadLibrary("cimwriter.dll")
	if err != nil {
		return err
	}
	_ = h
	return nil
})

func loadEveryCall() error {
	h, err := windows.LoadLibrary("cimwriter.dll") // want `h from windows.LoadLibrary is not released`
	if err != nil {
		return err
	}
	_ = h
	return nil
}
