// Package filehandle defines an analyzer that reports files and Windows
// handles that are not released on every path, and the Windows failures
// that follow from files left open: handles piling up in loops, dropped
// Close errors on files written to, and Remove/Rename of files still open
// (WL1001–WL1005).
//
// All five checks rest on one release engine (internal/resource and
// internal/paths): a closed table of acquire → release pairs, a search of
// each function's control-flow graph from the acquisition to every
// return, the classification of each use of the resource (borrowed,
// released, escaped), and facts that carry across packages which
// functions close their parameters, return fresh resources or never
// return. See ../../docs/checks/WL1001.md and following.
package filehandle

import "github.com/winlint/winlint/internal/catalog"

const doc = `report files and Windows handles not released on every path (WL1001–WL1005)

The filehandle analyzer follows every *os.File and Windows handle from
the call that opens it to each return of the function: it reports files
not closed on some path, handles not released, defer Close in loops,
dropped Close errors on files written to, and Remove/Rename of files that
are still open (which fails on Windows with a sharing violation).`

// Family is the filehandle analyzer with its checks.
var Family = catalog.NewFamily(Analyzer, WL1001, WL1002, WL1003, WL1004, WL1005)

var WL1001 = &catalog.Check{
	ID:       "WL1001",
	Title:    "file not closed on some path",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "An `*os.File` from `os.Open`, `Create`, `OpenFile`, `CreateTemp`, `NewFile`, `OpenRoot`, " +
		"`(*os.Root).Open`/`Create`/`OpenFile`, or from a function known to return a fresh file, is " +
		"neither closed nor handed on before some return of the function. The diagnostic is at the " +
		"open; its related information points at the return that leaks.\n\n" +
		"On Windows a file that is still open cannot be deleted or renamed: `os.Open` shares the file " +
		"without `FILE_SHARE_DELETE`, so `Remove` and `Rename` fail with a sharing violation until the " +
		"handle is closed (or, at some unknown time, the finalizer closes it). Log rotation, updates and " +
		"temp-file cleanup fail (`syscall/syscall_windows.go Open` shares files with `FILE_SHARE_READ|FILE_SHARE_WRITE` " +
		"only; golang/go#32088 asked for `FILE_SHARE_DELETE` and was declined). The \"512 open files\" limit is " +
		"the C runtime's stdio limit (`_setmaxstdio`), which Go does not use: it calls CreateFile directly, " +
		"and Windows allows 2^24 handles per process " +
		"(https://learn.microsoft.com/en-us/windows/win32/sysinfo/kernel-objects). The cost of a leak is the sharing violation.\n\n" +
		"Files (and, for WL1005, handles) stored in an unexported field of a type of the package are the " +
		"type's: when its release method (`Close`, `Stop`, `Shutdown`, `Release`…) never closes the " +
		"field, or returns an earlier release's error before closing it, that is reported; a type " +
		"without a release method keeps them for the life of the process.\n\n" +
		"Not reported: the `if err != nil` branch of the opening call (the error it returned, not " +
		"reassigned); branches where the file is nil; files returned, stored in a field, global, map, " +
		"slice or closure, sent on a channel, or passed to a function that is not known to only borrow " +
		"them (`io.Copy`, `bufio.NewReader`, `json.NewDecoder`, `fmt.Fprintf`, methods of the file…); " +
		"files given to a function that closes its parameter (learned across packages); paths that end " +
		"in `os.Exit`, `log.Fatal`, `panic` or a function that never returns; `main.main`, whose return " +
		"ends the process.\n\n" +
		"Fix: `defer f.Close()` right after the error check (a suggested fix inserts it when the file is " +
		"closed nowhere), or close it before each return.",
	Bad: `package config

import (
	"encoding/json"
	"os"
)

func load(name string, v any) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	return json.NewDecoder(f).Decode(v) // f stays open
}`,
	Good: `package config

import (
	"encoding/json"
	"os"
)

func load(name string, v any) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return json.NewDecoder(f).Decode(v)
}`,
}

var WL1002 = &catalog.Check{
	ID:       "WL1002",
	Title:    "defer Close in a loop keeps every file open until the function returns",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "`defer f.Close()` (or a deferred release of a handle) inside a loop whose body opens `f`: " +
		"deferred calls run when the function returns, not at the end of the iteration, so every file " +
		"the loop opened stays open until then. On Windows none of them can be deleted or renamed " +
		"meanwhile (Go opens files without `FILE_SHARE_DELETE`: `syscall/syscall_windows.go Open`), and a long loop holds thousands of handles.\n\n" +
		"Not reported: loops that leave (return or break) after the defer, so that it runs once; a loop " +
		"body wrapped in a function literal, whose defer runs at the end of each call; a body that also " +
		"closes the file itself on the way round; files kept past the iteration on purpose (assigned, " +
		"appended or stored to a variable declared outside the loop, or the parent of the next " +
		"acquisition, as when walking a registry path key by key).\n\n" +
		"Fix: move the body into a function (`func() error { …; defer f.Close(); … }()`), or close the " +
		"file explicitly at the end of each iteration.",
	Bad: `package sum

import (
	"io"
	"os"
)

func size(names []string) (n int64, err error) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return 0, err
		}
		defer f.Close() // runs when size returns
		m, err := io.Copy(io.Discard, f)
		if err != nil {
			return 0, err
		}
		n += m
	}
	return n, nil
}`,
	Good: `package sum

import (
	"io"
	"os"
)

func size(names []string) (n int64, err error) {
	for _, name := range names {
		m, err := sizeOf(name)
		if err != nil {
			return 0, err
		}
		n += m
	}
	return n, nil
}

func sizeOf(name string) (int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close() // runs at the end of each file
	return io.Copy(io.Discard, f)
}`,
}

var WL1003 = &catalog.Check{
	ID:    "WL1003",
	Title: "Close error dropped on a file opened for writing",
	// On by default since the grown corpus (issue 13): 11 findings, 11
	// true, after files opened O_SYNC and bare returns under err != nil
	// (error paths) went silent.
	Default:  true,
	Severity: catalog.Warning,
	Doc: "`defer f.Close()`, `f.Close()` or `_ = f.Close()` where `f` was opened for writing " +
		"(`os.Create`, `os.CreateTemp`, `OpenFile` with `O_WRONLY`, `O_RDWR`, `O_CREATE`, `O_APPEND` or " +
		"`O_TRUNC`, folded from constants) and the function checks neither a `Close` nor a `Sync` of " +
		"`f`. The error of the last write to disk may surface only at `Close`; dropping it reports " +
		"success for a truncated file. No linter in the default sets catches this: errcheck's Close " +
		"exclusion hides it, and gosec's old G307 is listed among its retired rules (the ID now names another rule).\n\n" +
		"Not reported: read-only files (`os.Open`, `OpenFile` with `O_RDONLY` or flags not known); a " +
		"function that also checks `f.Close()` (the defer is then a safety net) or a `f.Sync()`; a " +
		"dropped close on an error path (one that returns an error, or returns under `err != nil`); files " +
		"opened with `O_SYNC` (each write reports its own error); files " +
		"only created and never written by the function (or written by a child process); files the " +
		"function removes afterwards; `_test.go` files, where a failed write shows up as a failing test.\n\n" +
		"Fix: `if err := f.Close(); err != nil { return err }` at the end of the writes, or capture it " +
		"in a named result (`defer func() { err = errors.Join(err, f.Close()) }()`).",
	Bad: `package report

import "os"

func save(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close() // a failed flush is lost
	_, err = f.Write(data)
	return err
}`,
	Good: `package report

import "os"

func save(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}`,
}

var WL1004 = &catalog.Check{
	ID:       "WL1004",
	Title:    "file removed or renamed while still open fails on Windows",
	Default:  true,
	Severity: catalog.Error,
	Doc: "`os.Remove`, `os.Rename` or `os.RemoveAll` of a path whose `*os.File` is still open in the " +
		"same function. Go opens files without `FILE_SHARE_DELETE`, so on Windows `DeleteFile` and " +
		"`MoveFileEx` fail with `ERROR_SHARING_VIOLATION` while the handle is open; the same code works " +
		"on Unix (`syscall/syscall_windows.go Open` shares with `FILE_SHARE_READ|FILE_SHARE_WRITE` only; " +
		"`os/os_windows_test.go` expects `ERROR_SHARING_VIOLATION`; golang/go#32088). The classic shapes: the atomic write that renames the temporary file " +
		"before closing it, and `defer f.Close()` registered **before** `defer os.Remove(name)` — " +
		"deferred calls run last-in first-out, so the removal runs first.\n\n" +
		"The path is matched when it is the same variable, constant or `f.Name()` as the one the file " +
		"was opened with (for `RemoveAll`, the directory the file was created in or joined from).\n\n" +
		"Not reported: Remove or Rename after Close; `defer os.Remove(name)` registered before " +
		"`defer f.Close()`; files opened through `os.Root` or `OpenInRoot`, which Go opens with " +
		"`FILE_SHARE_DELETE` (`internal/syscall/windows/at_windows.go`); paths that cannot be matched.\n\n" +
		"Fix: close the file first; for the deferred pair, register the removal first or do both in one " +
		"deferred function (`defer func() { f.Close(); os.Remove(name) }()`).",
	Bad: `package atomic

import "os"

func write(name string, data []byte) error {
	f, err := os.CreateTemp(".", "tmp")
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return os.Rename(f.Name(), name) // sharing violation on Windows
}`,
	Good: `package atomic

import "os"

func write(name string, data []byte) error {
	f, err := os.CreateTemp(".", "tmp")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}`,
}

var WL1005 = &catalog.Check{
	ID:       "WL1005",
	Title:    "Windows handle not released on some path",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "A Windows handle or handle-like object is not released before some return of the function: " +
		"x/sys/windows and syscall `CreateFile`, `OpenProcess`, `CreateEvent`, `CreateMutex`, " +
		"`CreateToolhelp32Snapshot`, `CreateFileMapping`, `DuplicateHandle` (out-parameter) → " +
		"`CloseHandle`; `OpenProcessToken` (out-parameter) → `Token.Close`; `MapViewOfFile` → " +
		"`UnmapViewOfFile`; `FindFirstFile` → `FindClose`; `LoadLibrary` → `FreeLibrary`; " +
		"`registry.OpenKey`/`CreateKey` → `Key.Close`; `mgr.Connect` → `Disconnect`; " +
		"`(*mgr.Mgr).OpenService`/`CreateService` → `Close`; `eventlog.Open` → `Close` (and `OpenEvent`, " +
		"`OpenMutex`, `OpenThread`, `CreateJobObject`, `LoadLibraryEx`, `mgr.ConnectRemote`). Functions " +
		"that return such a handle fresh are learned as facts and their callers checked the same way. Unlike " +
		"`*os.File`, these have no finalizer: the handle (and the kernel object: the process, the " +
		"mapping, the service handle that blocks deletion of the service) lives until the process exits " +
		"(only `*os.File` gets a finalizer, `runtime.SetFinalizer` in `os/file_windows.go`; a raw handle stays " +
		"open until `CloseHandle`: https://learn.microsoft.com/en-us/windows/win32/api/handleapi/nf-handleapi-closehandle).\n\n" +
		"Also reported: a handle released with the release function of another kind — `CloseHandle` " +
		"(which `syscall.Close` and `windows.Close` are on Windows) on a find handle (`FindClose`), a " +
		"module (`FreeLibrary`), a mapped view (`UnmapViewOfFile`) or a registry key (`RegCloseKey`, " +
		"`Key.Close`): the call fails and the resource stays allocated.\n\n" +
		"Not reported, as for WL1001: the error branch of the acquiring call, branches where the handle " +
		"is zero or invalid, handles returned or stored, handles given to `os.NewFile` (which takes " +
		"ownership) or to a function that is not known to borrow them, paths ending the process. " +
		"Passing a handle to another x/sys/windows or syscall function borrows it.\n\n" +
		"Fix: `defer windows.CloseHandle(h)` (or the release in the table) right after the error check.",
	Bad: `package procs

import "golang.org/x/sys/windows"

func alive(pid uint32) bool {
	h, err := windows.OpenProcess(windows.SYNCHRONIZE, false, pid)
	if err != nil {
		return false
	}
	ev, err := windows.WaitForSingleObject(h, 0)
	return err == nil && ev != 0 // h leaks
}`,
	Good: `package procs

import "golang.org/x/sys/windows"

func alive(pid uint32) bool {
	h, err := windows.OpenProcess(windows.SYNCHRONIZE, false, pid)
	if err != nil {
		return false
	}
	defer windows.CloseHandle(h)
	ev, err := windows.WaitForSingleObject(h, 0)
	return err == nil && ev != 0
}`,
}
