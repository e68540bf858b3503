// Raw-handle shapes from public bug reports: two owners of one handle
// after os.NewFile (WL3002), Fd through a field (WL3001), a goroutine
// using a file's raw handle after the file is closed and a standard
// handle left pointing at a closed file (WL3003).
package rawfd

import (
	"fmt"
	"os"
	"runtime"
	"sync"
	"syscall"

	"golang.org/x/sys/windows"
)

// os.NewFile took ownership of h, and the deferred CloseHandle closes it a
// second time when the function returns.
func openPipe(name *uint16) (*os.File, error) {
	h, err := windows.CreateFile(name, windows.GENERIC_READ|windows.GENERIC_WRITE, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil, err
	}
	defer windows.CloseHandle(h) // want `os.NewFile at line \d+ made an \*os.File that owns h: closing h here as well closes the handle twice`
	return os.NewFile(uintptr(h), "pipe"), nil
}

// The same with syscall.Close after the file was made.
func readAll(name *uint16, buf []byte) (int, error) {
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ, 0, nil, syscall.OPEN_EXISTING, 0, 0)
	if err != nil {
		return 0, err
	}
	f := os.NewFile(uintptr(h), "in")
	n, err := f.Read(buf)
	syscall.Close(h) // want `os.NewFile at line \d+ made an \*os.File that owns h`
	return n, err
}

// Silent: the raw close only on the error path before NewFile, and the
// file closes the handle afterwards.
func openPipeOK(name *uint16) (*os.File, error) {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return nil, err
	}
	var st windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(h, &st); err != nil {
		windows.CloseHandle(h)
		return nil, err
	}
	return os.NewFile(uintptr(h), "pipe"), nil
}

type console struct {
	out *os.File
}

// Fd through a field of a local value that is not used again.
func consoleMode(path string) (uint32, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	c := &console{out: f}
	var mode uint32
	err = windows.GetConsoleMode(windows.Handle(c.out.Fd()), &mode) // want `c is not used after c.out.Fd\(\): once c is unreachable the file's finalizer may close the descriptor`
	return mode, err
}

// Silent: the field's owner is kept alive.
func consoleModeOK(path string) (uint32, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	c := &console{out: f}
	var mode uint32
	err = windows.GetConsoleMode(windows.Handle(c.out.Fd()), &mode)
	runtime.KeepAlive(c.out)
	c.out.Close()
	return mode, err
}

// A goroutine reads through the raw handle while the function closes the
// file without waiting.
func pump(f *os.File, out chan<- []byte) {
	h := windows.Handle(f.Fd())
	go func() { // want `the goroutine uses h, the raw handle of f, while this function closes f at line \d+ without waiting for the goroutine`
		buf := make([]byte, 512)
		var n uint32
		windows.ReadFile(h, buf, &n, nil)
		out <- buf[:n]
	}()
	f.Close()
}

// Silent: the function waits for the goroutine before closing.
func pumpOK(f *os.File, out chan<- []byte) {
	h := windows.Handle(f.Fd())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		buf := make([]byte, 512)
		var n uint32
		windows.ReadFile(h, buf, &n, nil)
		out <- buf[:n]
	}()
	wg.Wait()
	f.Close()
}

// The log file becomes the process's standard error, then is closed
// without restoring it: panics and child processes write to a dead handle.
func redirectStderr(path string, run func()) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close() // want `f is closed while its handle is still the process's standard handle windows.STD_ERROR_HANDLE \(SetStdHandle at line \d+\)`
	if err := windows.SetStdHandle(windows.STD_ERROR_HANDLE, windows.Handle(f.Fd())); err != nil {
		return err
	}
	run()
	return nil
}

// Silent: the previous handle is restored before the file is closed.
func redirectStderrOK(path string, run func()) error {
	old, err := windows.GetStdHandle(windows.STD_ERROR_HANDLE)
	if err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := windows.SetStdHandle(windows.STD_ERROR_HANDLE, windows.Handle(f.Fd())); err != nil {
		return err
	}
	defer windows.SetStdHandle(windows.STD_ERROR_HANDLE, old)
	run()
	return nil
}

// Redirected for the life of the process, but the file is not kept: its
// finalizer closes the handle that is now standard error.
func redirectForever(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	return windows.SetStdHandle(windows.STD_ERROR_HANDLE, windows.Handle(f.Fd())) // want `f is not used after f.Fd\(\)`
}

var stderrLog *os.File

// Silent: kept in a package variable for the life of the process.
func redirectForeverOK(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	stderrLog = f
	return windows.SetStdHandle(windows.STD_ERROR_HANDLE, windows.Handle(f.Fd()))
}

type program struct{ output any }

// Silent: the descriptor is only printed, and the file asserted out of a
// value that keeps it (the shape of a bubbletea test).
func describeOutput(p *program) string {
	if f, ok := p.output.(*os.File); ok {
		return fmt.Sprintf("fd %v", f.Fd())
	}
	return ""
}
