// Fd reached through a method value (fd := f.Fd, get := s.file.Fd, or
// helper(f.Fd)) whose call is the last use of the file (WL3001).
package rawfd

import (
	"os"
	"runtime"

	"golang.org/x/sys/windows"
)

// Positive cases.

// The handle is made non-inheritable through a method value, and the file
// is not used again: it may be finalized under SetHandleInformation.
func noInheritValue(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	fd := f.Fd
	return windows.SetHandleInformation(windows.Handle(fd()), windows.HANDLE_FLAG_INHERIT, 0) // want `f is not used after fd\(\) called the method value f.Fd: its finalizer may close the descriptor while the raw value is still in use; call runtime.KeepAlive\(f\) after the last use of the descriptor, or use f.SyscallConn\(\).Control`
}

// The raw value is kept in a variable and used by a later call.
func fileIndexValue(name string) (uint32, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	var handle = f.Fd
	h := windows.Handle(handle()) // want `f is not used after handle\(\) called the method value f.Fd`
	var info windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(h, &info); err != nil {
		return 0, err
	}
	return info.FileIndexLow, nil
}

type journal struct {
	file *os.File
	name string
}

// The method value of a field of a local value that is not used again.
func flushJournal(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	j := &journal{file: f, name: name}
	get := j.file.Fd
	return windows.FlushFileBuffers(windows.Handle(get())) // want `j is not used after get\(\) called the method value j.file.Fd: once j is unreachable the file's finalizer may close the descriptor while the raw value is still in use; call runtime.KeepAlive\(j.file\) after the last use of the descriptor`
}

// setInherit runs its func() uintptr once and uses the handle: the file
// behind the method value is not kept alive by it during the syscall.
func setInherit(fd func() uintptr, inherit bool) error {
	var flags uint32
	if inherit {
		flags = windows.HANDLE_FLAG_INHERIT
	}
	return windows.SetHandleInformation(windows.Handle(fd()), windows.HANDLE_FLAG_INHERIT, flags)
}

func inheritLog(name string) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return err
	}
	return setInherit(f.Fd, true) // want `f is not used after setInherit, which calls the method value f.Fd: its finalizer may close the descriptor`
}

// The method value goes to the helper through a variable.
func inheritLogVar(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	fd := f.Fd
	err = setInherit(fd, false) // want `f is not used after setInherit, which calls the method value f.Fd`
	return err
}

type console2 struct{}

func (console2) mode(get func() uintptr) (uint32, error) {
	var m uint32
	err := windows.GetConsoleMode(windows.Handle(get()), &m)
	return m, err
}

// A method of this package is followed like a function.
func conoutMode(c console2) (uint32, error) {
	f, err := os.OpenFile("CONOUT$", os.O_RDWR, 0)
	if err != nil {
		return 0, err
	}
	return c.mode(f.Fd) // want `f is not used after c.mode, which calls the method value f.Fd`
}

// Negative cases.

func noInheritValueClosed(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	fd := f.Fd
	return windows.SetHandleInformation(windows.Handle(fd()), windows.HANDLE_FLAG_INHERIT, 0)
}

func fileIndexValueKeepAlive(name string) (uint32, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	handle := f.Fd
	var info windows.ByHandleFileInformation
	err = windows.GetFileInformationByHandle(windows.Handle(handle()), &info)
	runtime.KeepAlive(f)
	return info.FileIndexLow, err
}

// Silent: the method value itself is kept alive, and it holds f.
func fileIndexValueKeepValue(name string) (uint32, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	handle := f.Fd
	var info windows.ByHandleFileInformation
	err = windows.GetFileInformationByHandle(windows.Handle(handle()), &info)
	runtime.KeepAlive(handle)
	return info.FileIndexLow, err
}

// Silent: the file is used (closed) after the descriptor.
func flushThenClose(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	fd := f.Fd
	if err := windows.FlushFileBuffers(windows.Handle(fd())); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Silent: the first call is followed by a second one, which keeps f alive.
func twoCalls(name string) (uint32, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	fd := f.Fd
	var m uint32
	if err := windows.GetConsoleMode(windows.Handle(fd()), &m); err != nil {
		return 0, err
	}
	return m, windows.SetConsoleMode(windows.Handle(fd()), m|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING)
}

// Silent: the standard streams live as long as the process.
func stdoutModeValue() (uint32, error) {
	fd := os.Stdout.Fd
	var m uint32
	err := windows.GetConsoleMode(windows.Handle(fd()), &m)
	return m, err
}

// Silent: a parameter's file is held by the caller.
func paramValue(f *os.File) error {
	fd := f.Fd
	return windows.FlushFileBuffers(windows.Handle(fd()))
}

// Silent: the method value escapes; whoever calls it holds f meanwhile.
func handleGetter(name string) (func() uintptr, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return f.Fd, nil
}

type rawSource struct {
	fd func() uintptr
}

func storedValue(name string) (*rawSource, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	get := f.Fd
	return &rawSource{fd: get}, nil
}

var inheritHooks []func() uintptr

// addHook keeps the function: the method value outlives the call.
func addHook(get func() uintptr) {
	inheritHooks = append(inheritHooks, get)
}

func hookLog(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	addHook(f.Fd)
	return nil
}

// Silent: the method value runs in a closure that is not followed.
func closureValue(name string, run func(func() error) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	fd := f.Fd
	return run(func() error { return windows.FlushFileBuffers(windows.Handle(fd())) })
}

// Silent: the result is discarded (the call only switches to blocking mode).
func blockingValue(name string) {
	r, err := os.Open(name)
	if err != nil {
		return
	}
	fd := r.Fd
	fd()
}

// Silent: the field's owner is used after the descriptor.
func flushJournalOK(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	j := &journal{file: f, name: name}
	get := j.file.Fd
	err = windows.FlushFileBuffers(windows.Handle(get()))
	j.file.Close()
	return err
}

// Silent: the file is used after the helper.
func inheritLogOK(name string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := setInherit(f.Fd, true); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// Silent: the descriptor goes to a new owner (WL3002's business).
func newOwnerValue(name string) *os.File {
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	fd := f.Fd
	return os.NewFile(fd(), name)
}
