// Raw handles used after their close (WL3004).
package rawfd

import (
	"fmt"
	"sync/atomic"
	"syscall"

	"golang.org/x/sys/windows"
)

// Positive cases.

func signalClosed() error {
	h, err := windows.CreateEvent(nil, 1, 0, nil)
	if err != nil {
		return err
	}
	windows.CloseHandle(h)
	return windows.SetEvent(h) // want `h is used after windows.CloseHandle closed it at line \d+: the number may already belong to another file or handle`
}

func writeClosed(path string, buf []byte) {
	fd, err := syscall.Open(path, syscall.O_WRONLY, 0)
	if err != nil {
		return
	}
	syscall.Close(fd)
	syscall.Write(fd, buf) // want `fd is used after syscall.Close closed it`
}

func doubleClose(name *uint16) {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	windows.CloseHandle(h)
	windows.CloseHandle(h) // want `h is used after windows.CloseHandle closed it`
}

func closeInBranch(name *uint16, quick bool) {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	if quick {
		windows.CloseHandle(h) // no return: falls through to the read
	}
	windows.ReadFile(h, make([]byte, 8), nil, nil) // want `h is used after windows.CloseHandle closed it`
	windows.CloseHandle(h)
}

func findAfterClose(pattern *uint16) {
	var data windows.Win32finddata
	h, err := windows.FindFirstFile(pattern, &data)
	if err != nil {
		return
	}
	windows.FindClose(h)
	windows.FindNextFile(h, &data) // want `h is used after windows.FindClose closed it`
}

func closeInLoop(handles []windows.Handle, ev windows.Handle) {
	for range handles {
		windows.SetEvent(ev) // want `ev is used after windows.CloseHandle closed it`
		windows.CloseHandle(ev)
	}
}

// Negative cases.

func deferredClose() error {
	h, err := windows.CreateEvent(nil, 1, 0, nil)
	if err != nil {
		return err
	}
	defer windows.CloseHandle(h)
	return windows.SetEvent(h)
}

func closeAndReopen(name *uint16) {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	windows.CloseHandle(h)
	h, err = windows.CreateFile(name, windows.GENERIC_WRITE, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	windows.WriteFile(h, []byte("x"), nil, nil)
	windows.CloseHandle(h)
}

func closeOnError(name *uint16) error {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return err
	}
	if err := windows.ReadFile(h, make([]byte, 8), nil, nil); err != nil {
		windows.CloseHandle(h)
		return err
	}
	windows.SetEvent(h)
	return windows.CloseHandle(h)
}

func closeThenInvalidate(ev windows.Handle) {
	windows.CloseHandle(ev)
	ev = windows.InvalidHandle
	if ev != windows.InvalidHandle {
		windows.SetEvent(ev)
	}
}

func closeThenLog(h windows.Handle) {
	windows.CloseHandle(h)
	fmt.Printf("closed handle %v\n", h)
	if h != 0 {
		return
	}
}

func closePerIteration(names []*uint16) {
	for _, name := range names {
		h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
		if err != nil {
			continue
		}
		windows.ReadFile(h, make([]byte, 8), nil, nil)
		windows.CloseHandle(h)
	}
}

// hcsshim's makeOpenFiles: the range variable is a new handle at each
// iteration.
func closeRangeVar(hs []syscall.Handle, open func(syscall.Handle) error) error {
	var err error
	for _, h := range hs {
		if err == nil {
			err = open(h)
		}
		if err != nil {
			syscall.Close(h)
		}
	}
	return err
}

// Silent: after the close the old value is only compared in an atomic
// compare-and-swap, and the loop reloads the handle (rjeczalik/notify's
// closeHandle).
type watchedDir struct{ handle syscall.Handle }

func closeAll(dirs []*watchedDir) (err error) {
	for _, g := range dirs {
		for {
			handle := syscall.Handle(atomic.LoadUintptr((*uintptr)(&g.handle)))
			if handle == syscall.InvalidHandle {
				break
			}
			if e := syscall.CloseHandle(handle); e != nil && err == nil {
				err = e
			}
			if atomic.CompareAndSwapUintptr((*uintptr)(&g.handle), uintptr(handle), uintptr(syscall.InvalidHandle)) {
				break
			}
		}
	}
	return err
}
