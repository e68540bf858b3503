// Second owners of a live descriptor (WL3002).
package rawfd

import (
	"os"
	"syscall"

	"golang.org/x/sys/windows"
)

// Positive cases.

func newFileThenClose(f *os.File) (*os.File, error) {
	g := os.NewFile(f.Fd(), f.Name()) // want `os.NewFile\(f.Fd\(\)\) makes a second owner of f's descriptor while f is still used: closing either one \(or a finalizer\) closes the other's descriptor`
	return g, f.Close()
}

func newFileDeferred(name string) *os.File {
	f, _ := os.Open(name)
	defer f.Close()
	return os.NewFile(f.Fd(), name) // want `os.NewFile\(f.Fd\(\)\) makes a second owner`
}

func newFileOfStdout() *os.File {
	return os.NewFile(os.Stdout.Fd(), "stdout") // want `os.NewFile\(os.Stdout.Fd\(\)\) makes a second owner of os.Stdout's descriptor, which os.Stdout keeps`
}

func newFileViaVar(f *os.File) {
	fd := f.Fd()
	g := os.NewFile(uintptr(fd), "dup") // want `os.NewFile\(f.Fd\(\)\) makes a second owner`
	g.Close()
	f.Write([]byte("x"))
}

func rawCloseHandle(f *os.File) {
	syscall.CloseHandle(syscall.Handle(f.Fd())) // want `syscall.CloseHandle closes the descriptor of f behind its back: f.Close \(or its finalizer\) will later close whatever file reuses the number; call f.Close\(\) instead`
}

func rawCloseWindows(name string) {
	f, _ := os.Open(name)
	windows.CloseHandle(windows.Handle(f.Fd())) // want `windows.CloseHandle closes the descriptor of f behind its back`
}

func rawCloseVar(f *os.File) {
	fd := f.Fd()
	syscall.Close(syscall.Handle(fd)) // want `syscall.Close closes the descriptor of f`
}

func twoNewFiles(fd uintptr) (*os.File, *os.File) {
	a := os.NewFile(fd, "a")
	b := os.NewFile(fd, "b") // want `second os.NewFile of fd \(first at line \d+\): two \*os.File own one descriptor and each closes it`
	return a, b
}

func twoNewFilesConverted(h windows.Handle) {
	r := os.NewFile(uintptr(h), "r")
	defer r.Close()
	w := os.NewFile(uintptr(h), "w") // want `second os.NewFile of h`
	defer w.Close()
}

func newFileDropped(name string) *os.File {
	f, _ := os.Open(name)
	return os.NewFile(f.Fd(), name) // want `os.NewFile\(f.Fd\(\)\) makes a second owner of f's descriptor: f is not used again, so its finalizer will close the descriptor the new file owns`
}

// Negative cases.

func newFileOfRawHandle(name *uint16) (*os.File, error) {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(h), "file"), nil // ownership moves to the *os.File
}

func newFileOfSyscallOpen(path string) *os.File {
	fd, err := syscall.Open(path, syscall.O_RDONLY, 0)
	if err != nil {
		return nil
	}
	return os.NewFile(uintptr(fd), path)
}

func newFileEitherBranch(fd uintptr, read bool) *os.File {
	var f *os.File
	if read {
		f = os.NewFile(fd, "r")
	} else {
		f = os.NewFile(fd, "w")
	}
	return f
}

func newFileReassigned(fds []uintptr) []*os.File {
	var out []*os.File
	fd := fds[0]
	out = append(out, os.NewFile(fd, "0"))
	fd = fds[1]
	out = append(out, os.NewFile(fd, "1"))
	return out
}

func closeProperly(f *os.File) error {
	return f.Close()
}

func closeRawHandle(name *uint16) {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	windows.CloseHandle(h)
}
