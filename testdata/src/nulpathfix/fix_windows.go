// Suggested fixes of WL4001; fix_windows.go.golden holds the result.
package nulpathfix

import (
	"syscall"

	"golang.org/x/sys/windows"
)

type info struct{ size int64 }

func openDefine(name string) (windows.Handle, error) {
	p := windows.StringToUTF16Ptr(name) // want `windows.StringToUTF16Ptr panics if name contains a NUL byte`
	return windows.CreateFile(p, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
}

func openInline(name string) (windows.Handle, error) {
	return windows.CreateFile(windows.StringToUTF16Ptr(name), windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0) // want `windows.StringToUTF16Ptr panics`
}

func remove(path string) error {
	windows.DeleteFile(windows.StringToUTF16Ptr(path)) // want `windows.StringToUTF16Ptr panics`
	return nil
}

func statLike(path string) (info, bool, error) {
	pathp := 0
	_ = pathp
	_ = syscall.StringBytePtr(path) // want `syscall.StringBytePtr panics`
	return info{}, true, nil
}

func encode(dir string) ([]uint16, error) {
	return syscall.StringToUTF16(dir + `\x`), nil // want `syscall.StringToUTF16 panics`
}

// No fix: the function cannot return an error.
func noError(path string) {
	windows.DeleteFile(windows.StringToUTF16Ptr(path)) // want `windows.StringToUTF16Ptr panics`
}

// No fix: the conversion is only evaluated on one side of &&.
func shortCircuit(ok bool, path string) error {
	if ok && windows.StringToUTF16Ptr(path) != nil { // want `windows.StringToUTF16Ptr panics`
		return nil
	}
	return nil
}

// No fix: err is already something else in this scope.
func errTaken(path string) error {
	err := 3
	_ = err
	windows.DeleteFile(windows.StringToUTF16Ptr(path)) // want `windows.StringToUTF16Ptr panics`
	return nil
}

// No fix: the conversion is the communication of a select case.
func selectCase(ch chan *uint16, path string) error {
	select {
	case ch <- windows.StringToUTF16Ptr(path): // want `windows.StringToUTF16Ptr panics`
	default:
	}
	return nil
}

func recvCase(recv func(*uint16) chan int, path string) error {
	select {
	case v := <-recv(windows.StringToUTF16Ptr(path)): // want `windows.StringToUTF16Ptr panics`
		_ = v
	}
	return nil
}
