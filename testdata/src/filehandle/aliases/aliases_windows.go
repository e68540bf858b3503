package aliases // want package:"resourcefacts"

// Release aliases: on Windows syscall.Close and windows.Close are
// CloseHandle, and a raw handle wrapped by os.NewFile is closed by the
// file. None of these leaks (WL1005 stays silent).

import (
	"os"
	"syscall"

	"golang.org/x/sys/windows"
)

// The shape of a Go port of a POSIX tool: the handle from CreateFile is
// closed with syscall.Close, which on Windows is CloseHandle.
func fileSizeSyscall(path string) (int64, error) {
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return 0, err
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ, syscall.FILE_SHARE_READ, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return 0, err
	}
	defer syscall.Close(h)
	var fi syscall.ByHandleFileInformation
	if err := syscall.GetFileInformationByHandle(h, &fi); err != nil {
		return 0, err
	}
	return int64(fi.FileSizeHigh)<<32 | int64(fi.FileSizeLow), nil
}

// windows.Close is x/sys's CloseHandle under its POSIX name.
func lockVolume(p *uint16) error {
	h, err := windows.CreateFile(p, windows.GENERIC_READ, windows.FILE_SHARE_READ, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return err
	}
	defer windows.Close(h)
	var n uint32
	buf := make([]byte, 16)
	return windows.ReadFile(h, buf, &n, nil)
}

// syscall.CloseHandle on a handle from windows.OpenProcess: the same
// kernel call through the other package.
func processAlive(pid uint32) bool {
	h, err := windows.OpenProcess(windows.SYNCHRONIZE, false, pid)
	if err != nil {
		return false
	}
	defer syscall.CloseHandle(syscall.Handle(h))
	ev, err := windows.WaitForSingleObject(h, 0)
	return err == nil && ev != 0
}

// Closed by syscall.Close on the error path, handed to os.NewFile on
// success.
func openHandleFile(path string) (*os.File, error) { // want openHandleFile:`fresh\(0 from os.NewFile\)`
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return nil, err
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ, syscall.FILE_SHARE_READ, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		return nil, err
	}
	var fi syscall.ByHandleFileInformation
	if err := syscall.GetFileInformationByHandle(h, &fi); err != nil {
		syscall.Close(h)
		return nil, err
	}
	return os.NewFile(uintptr(h), path), nil
}

// A duplicated handle released with windows.Close.
func dupAndUse(src windows.Handle) error { // want dupAndUse:`borrows\[0\]`
	var dup windows.Handle
	self := windows.CurrentProcess()
	if err := windows.DuplicateHandle(self, src, self, &dup, 0, false, windows.DUPLICATE_SAME_ACCESS); err != nil {
		return err
	}
	defer windows.Close(dup)
	_, err := windows.WaitForSingleObject(dup, 0)
	return err
}

// Positive sibling: the same handle with no release on the early return.
func fileSizeLeak(path string) (int64, error) {
	p, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		return 0, err
	}
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ, syscall.FILE_SHARE_READ, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0) // want `h from syscall.CreateFile is not released on the path through the return at line \d+`
	if err != nil {
		return 0, err
	}
	var fi syscall.ByHandleFileInformation
	if err := syscall.GetFileInformationByHandle(h, &fi); err != nil {
		return 0, err
	}
	syscall.Close(h)
	return int64(fi.FileSizeLow), nil
}
