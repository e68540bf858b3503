// Regressions from the standard library (GOOS=windows): shapes that must
// stay silent.
package rawfd

import (
	"os"
	"runtime"
	"syscall"
	"testing"
)

type procAttr struct {
	Files []*os.File
}

// startWithFiles keeps the files alive through their owner (os/exec_posix.go
// StartProcess): runtime.KeepAlive(attr) after the raw use.
func startWithFiles(attr *procAttr) []uintptr {
	var fds []uintptr
	for _, f := range attr.Files {
		fds = append(fds, f.Fd())
	}
	syscall.Getpid()
	runtime.KeepAlive(attr)
	return fds
}

// forgetSocket uses a closed socket's number only as a map key
// (net/internal/socktest/sys_windows.go Closesocket): not a handle use.
func forgetSocket(table map[syscall.Handle]int, s syscall.Handle) error {
	err := syscall.Closesocket(s)
	delete(table, s)
	return err
}

// openOrFatal closes h on the failure branch, then t.Fatal: the later
// use is on another path (internal/poll/fd_windows_test.go newFile).
func openOrFatal(t testing.TB, name string) syscall.Handle {
	p, _ := syscall.UTF16PtrFromString(name)
	h, err := syscall.CreateFile(p, syscall.GENERIC_READ, 0, nil, syscall.OPEN_EXISTING, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := syscall.GetFileType(h); err != nil {
		syscall.CloseHandle(h)
		t.Fatal(err)
	}
	syscall.FlushFileBuffers(h)
	return h
}

// Still reported: the socket is passed to a call after its close.
func closeThenUse(s syscall.Handle) {
	syscall.Closesocket(s)
	syscall.Shutdown(s, syscall.SHUT_RDWR) // want `s is used after syscall.Closesocket closed it`
}
