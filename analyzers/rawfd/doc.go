// Package rawfd defines an analyzer that reports raw descriptors and
// handles used behind the back of their owner: Fd values that outlive
// their *os.File, second owners of one descriptor, raw handles shared with
// globals or goroutines and closed under them, raw handles used after
// their close, and deadlines set after Fd (WL3001–WL3005).
//
// "Is f used or closed after this point?" is answered on the function's
// control-flow graph by internal/paths, and the handle-returning calls
// come from internal/resource's table, shared with the filehandle family.
// See ../../docs/checks/WL3001.md and following.
package rawfd

import "github.com/winlint/winlint/internal/catalog"

const doc = `report raw descriptors and handles shared behind their owner's back (WL3001–WL3005)

The rawfd analyzer finds f.Fd() values that outlive f (its finalizer may
close the descriptor), second owners of a live descriptor (os.NewFile of
f.Fd(), raw closes of f.Fd(), two NewFile calls on one fd), raw handles
stored in globals or captured by goroutines while their creator closes
them, raw handles used after their close, and deadlines set on a pipe or
socket after Fd put it in blocking mode.`

// Family is the rawfd analyzer with its checks.
var Family = catalog.NewFamily(Analyzer, WL3001, WL3002, WL3003, WL3004, WL3005)

var WL3001 = &catalog.Check{
	ID:       "WL3001",
	Title:    "f.Fd() whose *os.File is not used afterwards may be closed by the finalizer",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "`(*os.File).Fd` returns the raw descriptor, but does not keep `f` alive. When `f` is not used " +
		"after the call — no `Close`, no `runtime.KeepAlive(f)`, no later method call — the garbage " +
		"collector may run `f`'s finalizer (`runtime.SetFinalizer(f.file, (*file).close)`) while the raw " +
		"value is still in use, closing the descriptor under the syscall; the number may then be reused by " +
		"another file. `runtime.SetFinalizer`'s own documentation (`runtime/mfinal.go`) uses this case as its example, " +
		"and `(*os.File).Fd`'s says so too (`os/file.go`); on Linux, `fstat(fd)` returns EBADF after `runtime.GC()`.\n\n" +
		"A field of a local value (`s.file.Fd()`, `s` not used again) is reported like a local file.\n\n" +
		"Not reported: `os.Stdin`, `os.Stdout`, `os.Stderr` and other package-level files, fields of " +
		"parameters and parameters (someone else holds them); files used later on some path, closed by a `defer`, or " +
		"captured by a closure or goroutine; files that escape (returned, stored, passed to a function); " +
		"`f.Fd()` whose result is discarded (called only to switch to blocking mode).\n\n" +
		"Fix: `f.SyscallConn()` and `Control(func(fd uintptr) { … })`, which holds a reference for the " +
		"duration of the callback, or `runtime.KeepAlive(f)` after the last use of the descriptor.",
	Bad: `package lock

import (
	"os"
	"syscall"
)

func flush(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	return syscall.Fsync(syscall.Handle(f.Fd())) // f may be finalized during the call
}`,
	Good: `package lock

import (
	"os"
	"syscall"
)

func flush(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return syscall.Fsync(syscall.Handle(f.Fd()))
}`,
}

var WL3002 = &catalog.Check{
	ID:       "WL3002",
	Title:    "second owner of a live descriptor: NewFile of f.Fd(), raw close of f.Fd(), NewFile twice",
	Default:  true,
	Severity: catalog.Error,
	Doc: "An `*os.File` owns its descriptor: its `Close` and its finalizer close it. Reported:\n\n" +
		"- `os.NewFile(f.Fd(), …)` while `f` is still used or closed later (or `f` is a package-level " +
		"file such as `os.Stdout`): two owners, two finalizers;\n" +
		"- `syscall.Close`, `syscall.CloseHandle`, `windows.CloseHandle`, `unix.Close` of `f.Fd()` (or of " +
		"a variable holding it): `f.Close` or the finalizer closes the number again later;\n" +
		"- two `os.NewFile` calls on the same descriptor variable, the second reachable from the first.\n\n" +
		"Closing one owner leaves the other with a dead number that the next `Open` reuses; the second " +
		"`Close` (or finalizer) then closes an **unrelated file** (the `os.NewFile` and `Fd` docs in " +
		"`os/file.go` warn of this; on Linux the number is reused by the next open, and the later read fails with EBADF). Windows recycles handle values the same way.\n\n" +
		"Also reported: closing the raw handle or descriptor that `os.NewFile` took (a deferred close, or " +
		"one after NewFile): the file and the raw close both own it.\n\n" +
		"Not reported: `os.NewFile` of a descriptor from a raw call (`syscall.Open`, `windows.CreateFile`, " +
		"`syscall.Socket`), which transfers ownership, with the raw value closed only before it; `os.NewFile(f.Fd())` when `f` is never used again; " +
		"files from `net.Conn.File()`, which are duplicates.\n\n" +
		"Fix: use `f` itself, close it with `f.Close()`, or duplicate the descriptor " +
		"(`windows.DuplicateHandle`, `syscall.Dup`) before giving it a new owner.",
	Bad: `package pipe

import "os"

func reopen(f *os.File) (*os.File, error) {
	g := os.NewFile(f.Fd(), f.Name()) // two owners of one descriptor
	return g, f.Close()               // g now holds a dead (or reused) number
}`,
	Good: `package pipe

import "os"

func reopen(f *os.File) (*os.File, error) {
	return f, nil // one owner
}`,
}

var WL3003 = &catalog.Check{
	ID:       "WL3003",
	Title:    "raw handle stored in a global or captured by a goroutine and closed by its creator",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "A raw descriptor or handle from `syscall.Open`, `syscall.Socket`, `windows.CreateFile`, " +
		"`windows.CreateEvent`, `windows.OpenProcess`… has no owner object and no finalizer: whoever closes " +
		"it must be the last user. Reported when the creating function closes it (directly or by `defer`) " +
		"and also\n\n" +
		"- stores it in a package-level variable, where other code keeps using a dead handle; or\n" +
		"- hands it to a goroutine (captured or as an argument) without waiting for the goroutine (no " +
		"channel receive, `select`, or `Wait` call after the `go` statement).\n\n" +
		"The closed number is recycled by the next `CreateFile`/`open`, so the late user reads, writes or " +
		"closes an unrelated object (see the `Fd` doc in `os/file.go`).\n\n" +
		"Also reported: a goroutine using a file's raw handle (`h := f.Fd()`) while the function " +
		"closes `f` without waiting for it; closing a file whose handle `SetStdHandle` made a standard " +
		"handle, in a function that never restores that standard handle; closing a package-level raw " +
		"handle that a goroutine of the package uses, with no wait for that goroutine before the close.\n\n" +
		"Not reported: handles stored globally and never closed by their creator (ownership moves to the " +
		"global); goroutines that close the handle themselves; functions that wait after starting the " +
		"goroutine.\n\n" +
		"Fix: give the handle one owner: let the goroutine close it, or wait for the goroutine before " +
		"closing; wrap it in an `*os.File` (`os.NewFile`) when it must be shared.",
	Bad: `package watch

import "golang.org/x/sys/windows"

func watch(name *uint16, handle func(windows.Handle)) error {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, windows.FILE_SHARE_READ, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return err
	}
	defer windows.CloseHandle(h)
	go handle(h) // may run after CloseHandle
	return nil
}`,
	Good: `package watch

import "golang.org/x/sys/windows"

func watch(name *uint16, handle func(windows.Handle)) error {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, windows.FILE_SHARE_READ, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return err
	}
	go func() {
		defer windows.CloseHandle(h) // the goroutine owns h
		handle(h)
	}()
	return nil
}`,
}

var WL3004 = &catalog.Check{
	ID:       "WL3004",
	Title:    "raw descriptor or handle used after it was closed",
	Default:  true,
	Severity: catalog.Error,
	Doc: "After `windows.CloseHandle(h)`, `syscall.Close(fd)`, `syscall.CloseHandle(h)`, " +
		"`windows.FindClose(h)`… the number is free, and the next open reuses it. Passing it to a call on " +
		"some path after the close — a read, a write, a second close — acts on whatever object now has " +
		"that number, or fails with EBADF / ERROR_INVALID_HANDLE at best " +
		"(https://learn.microsoft.com/en-us/windows/win32/api/handleapi/nf-handleapi-closehandle).\n\n" +
		"The paths are those of the function's control-flow graph: a use is reported when some path from " +
		"the close reaches it without the variable being assigned again.\n\n" +
		"Not reported: deferred closes; uses on paths where the variable was reassigned; comparisons and " +
		"formatting (`h != 0`, `fmt.Sprintf(\"%v\", h)`); uses in other functions.\n\n" +
		"Fix: close once, after the last use; set the variable to an invalid value " +
		"(`windows.InvalidHandle`, -1) right after closing when later code tests it.",
	Bad: `package ev

import "golang.org/x/sys/windows"

func signal() error {
	h, err := windows.CreateEvent(nil, 1, 0, nil)
	if err != nil {
		return err
	}
	windows.CloseHandle(h)
	return windows.SetEvent(h) // h may be another object by now
}`,
	Good: `package ev

import "golang.org/x/sys/windows"

func signal() error {
	h, err := windows.CreateEvent(nil, 1, 0, nil)
	if err != nil {
		return err
	}
	defer windows.CloseHandle(h)
	return windows.SetEvent(h)
}`,
}

var WL3005 = &catalog.Check{
	ID:       "WL3005",
	Title:    "deadline set on a pipe or socket after Fd() has no effect",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "`Fd()` switches a pollable descriptor to blocking mode (Unix: `SetBlocking`; Windows: the " +
		"handle is disassociated from the runtime's I/O completion port). From then on " +
		"`SetDeadline`, `SetReadDeadline` and `SetWriteDeadline` still return nil, but a Read blocks past " +
		"its deadline (the `Fd` doc in `os/file.go`: \"On Unix and Windows, File.SetDeadline methods will stop working\"; " +
		"on Linux a read with a 50 ms deadline is still blocked after 1 s). " +
		"Reported when the file comes from `os.Pipe`, `os.NewFile` or a `net` connection's or listener's " +
		"`File()` and a deadline is set on it on some path after `Fd()`.\n\n" +
		"Not reported: deadlines set before `Fd()`; regular files (their deadlines fail with " +
		"`ErrNoDeadline` anyway); files whose origin is not visible in the function.\n\n" +
		"Fix: use `f.SyscallConn()` and `Control`, which keeps the descriptor non-blocking and registered " +
		"with the poller, instead of `Fd()`.",
	Bad: `package rpc

import (
	"os"
	"time"
)

func read(inherit func(uintptr)) ([]byte, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	defer w.Close()
	inherit(w.Fd())
	r.Fd()
	r.SetReadDeadline(time.Now().Add(time.Second)) // no effect after Fd
	buf := make([]byte, 512)
	n, err := r.Read(buf)
	return buf[:n], err
}`,
	Good: `package rpc

import (
	"os"
	"time"
)

func read(inherit func(uintptr)) ([]byte, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	defer w.Close()
	inherit(w.Fd())
	r.SetReadDeadline(time.Now().Add(time.Second))
	buf := make([]byte, 512)
	n, err := r.Read(buf)
	return buf[:n], err
}`,
}
