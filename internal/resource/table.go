// Package resource is winlint's release engine: the closed table of calls
// that acquire a resource (files, Windows handles, registry keys, service
// manager connections…) with the calls that release it, the
// classification of each use of a resource variable (borrowed, released,
// escaped, overwritten), and the facts that carry what a function does
// with its parameters and results across packages.
//
// Analyzers combine it with package paths: an Engine builds one
// paths.Graph per function and answers "is v released or escaped on every
// path from its acquisition to each return?" (see Engine.Leaks).
package resource

import (
	"go/ast"
	"go/types"

	"github.com/winlint/winlint/internal/callee"
)

// Class says which check family a resource belongs to.
type Class int

const (
	File   Class = iota // *os.File and *os.Root (WL1001)
	Handle              // Windows handles and handle-like objects (WL1005)
)

// A Spec describes one acquiring function.
type Spec struct {
	Func   string // qualified name of the acquiring function
	Base   string // the table entry this spec derives from (Func for table entries)
	Result int    // index of the resource among the results, or -1
	// More lists further results that are resources of the same kind
	// (os.Pipe returns two files).
	More    []int
	OutArg  int // index of the *T argument receiving the resource, or -1
	Err     int // index of the error result, or -1
	PathArg int // index of the file name argument, or -1
	FlagArg int // index of the open flags argument (OpenFile), or -1
	Class   Class
	// Writable: the file is always opened for writing (Create, CreateTemp).
	Writable bool
	// Root: the file is opened through os.Root, with FILE_SHARE_DELETE.
	Root bool
	// Release is how the resource is released, as a Go expression with
	// %s for the variable ("%s.Close()", "windows.CloseHandle(%s)"); the
	// package qualifier is replaced by the one the file uses.
	Release string
	// ReleasePkg is the import path of a release function's package, or
	// "" for a method.
	ReleasePkg string
	// Kind is the kind of handle (see releaseKinds): a release function
	// of another kind does not release it. "" accepts any release.
	Kind string
}

const (
	xwin     = "golang.org/x/sys/windows"
	registry = "golang.org/x/sys/windows/registry"
	mgr      = "golang.org/x/sys/windows/svc/mgr"
	eventlog = "golang.org/x/sys/windows/svc/eventlog"
)

// Packages are the import paths of the table's acquiring functions: a
// package that imports none of them (and no package with facts) cannot
// acquire a resource.
var Packages = []string{"os", "syscall", xwin, registry, mgr, eventlog}

var table = map[string]*Spec{}

func add(s Spec) {
	if s.OutArg == 0 && s.Result == 0 && s.Err == 0 {
		panic("resource: bad spec " + s.Func)
	}
	sp := s
	sp.Base = s.Func
	table[s.Func] = &sp
}

func init() {
	file := func(name string, path, flag int, writable, root bool) {
		add(Spec{Func: name, Result: 0, OutArg: -1, Err: 1, PathArg: path, FlagArg: flag,
			Class: File, Writable: writable, Root: root, Release: "%s.Close()"})
	}
	file("os.Open", 0, -1, false, false)
	file("os.Create", 0, -1, true, false)
	file("os.OpenFile", 0, 1, false, false)
	file("os.CreateTemp", -1, -1, true, false)
	file("os.OpenInRoot", 1, -1, false, true)
	file("(*os.Root).Open", 0, -1, false, true)
	file("(*os.Root).Create", 0, -1, true, true)
	file("(*os.Root).OpenFile", 0, 1, false, true)
	file("os.OpenRoot", -1, -1, false, false)
	file("(*os.Root).OpenRoot", -1, -1, false, true)
	add(Spec{Func: "os.Pipe", Result: 0, More: []int{1}, OutArg: -1, Err: 2, PathArg: -1, FlagArg: -1,
		Class: File, Release: "%s.Close()"})
	add(Spec{Func: "os.NewFile", Result: 0, OutArg: -1, Err: -1, PathArg: -1, FlagArg: -1,
		Class: File, Release: "%s.Close()"})

	for _, pkg := range []string{xwin, "syscall"} {
		q := "windows"
		if pkg == "syscall" {
			q = "syscall"
		}
		h := func(name string) {
			add(Spec{Func: pkg + "." + name, Result: 0, OutArg: -1, Err: 1, PathArg: -1, FlagArg: -1,
				Class: Handle, Release: q + ".CloseHandle(%s)", ReleasePkg: pkg, Kind: kernel})
		}
		for _, n := range []string{"CreateFile", "OpenProcess", "CreateEvent", "CreateMutex",
			"CreateToolhelp32Snapshot", "CreateFileMapping", "OpenEvent", "OpenMutex", "CreateJobObject", "OpenThread"} {
			h(n)
		}
		add(Spec{Func: pkg + ".OpenProcessToken", Result: -1, OutArg: 2, Err: 0, PathArg: -1, FlagArg: -1,
			Class: Handle, Release: "%s.Close()", Kind: kernel})
		add(Spec{Func: pkg + ".DuplicateHandle", Result: -1, OutArg: 3, Err: 0, PathArg: -1, FlagArg: -1,
			Class: Handle, Release: q + ".CloseHandle(%s)", ReleasePkg: pkg, Kind: kernel})
		add(Spec{Func: pkg + ".MapViewOfFile", Result: 0, OutArg: -1, Err: 1, PathArg: -1, FlagArg: -1,
			Class: Handle, Release: q + ".UnmapViewOfFile(%s)", ReleasePkg: pkg, Kind: view})
		add(Spec{Func: pkg + ".FindFirstFile", Result: 0, OutArg: -1, Err: 1, PathArg: -1, FlagArg: -1,
			Class: Handle, Release: q + ".FindClose(%s)", ReleasePkg: pkg, Kind: find})
		for _, n := range []string{"LoadLibrary", "LoadLibraryEx"} {
			add(Spec{Func: pkg + "." + n, Result: 0, OutArg: -1, Err: 1, PathArg: -1, FlagArg: -1,
				Class: Handle, Release: q + ".FreeLibrary(%s)", ReleasePkg: pkg, Kind: module})
		}
		add(Spec{Func: pkg + ".RegOpenKeyEx", Result: -1, OutArg: 4, Err: 0, PathArg: -1, FlagArg: -1,
			Class: Handle, Release: q + ".RegCloseKey(%s)", ReleasePkg: pkg, Kind: regkey})
	}
	add(Spec{Func: registry + ".OpenKey", Result: 0, OutArg: -1, Err: 1, PathArg: -1, FlagArg: -1,
		Class: Handle, Release: "%s.Close()", Kind: regkey})
	add(Spec{Func: registry + ".CreateKey", Result: 0, OutArg: -1, Err: 2, PathArg: -1, FlagArg: -1,
		Class: Handle, Release: "%s.Close()", Kind: regkey})
	add(Spec{Func: mgr + ".Connect", Result: 0, OutArg: -1, Err: 1, PathArg: -1, FlagArg: -1,
		Class: Handle, Release: "%s.Disconnect()"})
	add(Spec{Func: mgr + ".ConnectRemote", Result: 0, OutArg: -1, Err: 1, PathArg: -1, FlagArg: -1,
		Class: Handle, Release: "%s.Disconnect()"})
	add(Spec{Func: "(*" + mgr + ".Mgr).OpenService", Result: 0, OutArg: -1, Err: 1, PathArg: -1, FlagArg: -1,
		Class: Handle, Release: "%s.Close()"})
	add(Spec{Func: "(*" + mgr + ".Mgr).CreateService", Result: 0, OutArg: -1, Err: 1, PathArg: -1, FlagArg: -1,
		Class: Handle, Release: "%s.Close()"})
	add(Spec{Func: eventlog + ".Open", Result: 0, OutArg: -1, Err: 1, PathArg: -1, FlagArg: -1,
		Class: Handle, Release: "%s.Close()"})
}

// Kinds of Windows handles, each with its own release function: a find
// handle is closed by FindClose, a module by FreeLibrary, a mapped view by
// UnmapViewOfFile, a registry key by RegCloseKey; CloseHandle (which
// syscall.Close and windows.Close call on Windows) releases kernel
// objects only.
const (
	kernel = "kernel object"
	find   = "find handle"
	module = "module handle"
	view   = "mapped view"
	regkey = "registry key"
)

// releaseKinds says which kind of handle each release function releases.
var releaseKinds = map[string]string{
	xwin + ".CloseHandle":          kernel,
	"syscall.CloseHandle":          kernel,
	xwin + ".Close":                kernel,
	"syscall.Close":                kernel,
	"(" + xwin + ".Token).Close":   kernel,
	"(syscall.Token).Close":        kernel,
	xwin + ".FindClose":            find,
	"syscall.FindClose":            find,
	xwin + ".FreeLibrary":          module,
	"syscall.FreeLibrary":          module,
	xwin + ".UnmapViewOfFile":      view,
	"syscall.UnmapViewOfFile":      view,
	xwin + ".RegCloseKey":          regkey,
	"syscall.RegCloseKey":          regkey,
	"(" + registry + ".Key).Close": regkey,
}

// WrongRelease reports whether the release function or method named
// release is meant for another kind of handle than the one s acquires
// (CloseHandle on a find handle), and returns the kind s acquires.
func WrongRelease(s *Spec, release string) (kind string, wrong bool) {
	k := releaseKinds[release]
	if s.Kind == "" || k == "" || k == s.Kind {
		return s.Kind, false
	}
	return s.Kind, true
}

// releases are the functions and methods that release the resource given
// as their first argument or receiver.
var releases = map[string]bool{
	xwin + ".Close":                           true, // CloseHandle under its POSIX name
	"syscall.Close":                           true,
	xwin + ".RegCloseKey":                     true,
	"syscall.RegCloseKey":                     true,
	"(*os.File).Close":                        true,
	"(*os.Root).Close":                        true,
	xwin + ".CloseHandle":                     true,
	"syscall.CloseHandle":                     true,
	xwin + ".UnmapViewOfFile":                 true,
	"syscall.UnmapViewOfFile":                 true,
	xwin + ".FindClose":                       true,
	"syscall.FindClose":                       true,
	xwin + ".FreeLibrary":                     true,
	"syscall.FreeLibrary":                     true,
	"(" + xwin + ".Token).Close":              true,
	"(syscall.Token).Close":                   true,
	"(" + registry + ".Key).Close":            true,
	"(*" + mgr + ".Mgr).Disconnect":           true,
	"(*" + mgr + ".Service).Close":            true,
	"(*" + eventlog + ".Log).Close":           true,
	"(io.Closer).Close":                       true,
	"(io.ReadCloser).Close":                   true,
	"(io.WriteCloser).Close":                  true,
	"(io.ReadWriteCloser).Close":              true,
	"(*golang.org/x/sys/windows.DLL).Release": true,
}

// Lookup returns the table entry of the function call calls, or nil.
// Functions learned through a FuncFact to return a fresh resource are
// found by the Engine, not here.
func Lookup(info *types.Info, call *ast.CallExpr) *Spec {
	s, _, ok := callee.Table[*Spec](table).Lookup(info, call)
	if !ok {
		return nil
	}
	return s
}

// ByName returns the table entry of the named acquiring function, or nil.
func ByName(name string) *Spec { return table[name] }

// IsRelease reports whether the named function or method releases the
// resource that is its receiver or first argument.
func IsRelease(name string) bool { return releases[name] }

// borrowers are functions that use a file or handle argument during the
// call without keeping it or closing it. Any other function given a
// resource is assumed to take it (escape), unless a fact says otherwise.
var borrowers = map[string]bool{}

func init() {
	for _, n := range []string{
		"io.Copy", "io.CopyN", "io.CopyBuffer", "io.ReadAll", "io.ReadFull", "io.ReadAtLeast",
		"io.WriteString", "io.LimitReader", "io.NewSectionReader", "io.TeeReader",
		"io.MultiReader", "io.MultiWriter", "io.NewOffsetWriter",
		"io/ioutil.ReadAll",
		"bufio.NewReader", "bufio.NewReaderSize", "bufio.NewWriter", "bufio.NewWriterSize",
		"bufio.NewScanner", "bufio.NewReadWriter",
		"encoding/json.NewDecoder", "encoding/json.NewEncoder",
		"encoding/xml.NewDecoder", "encoding/xml.NewEncoder",
		"encoding/gob.NewDecoder", "encoding/gob.NewEncoder",
		"encoding/csv.NewReader", "encoding/csv.NewWriter",
		"encoding/binary.Read", "encoding/binary.Write",
		"encoding/pem.Encode",
		"fmt.Fprint", "fmt.Fprintf", "fmt.Fprintln", "fmt.Fscan", "fmt.Fscanf", "fmt.Fscanln",
		"compress/gzip.NewReader", "compress/gzip.NewWriter", "compress/gzip.NewWriterLevel",
		"archive/zip.NewReader", "archive/zip.NewWriter", "archive/tar.NewReader", "archive/tar.NewWriter",
		"(*text/template.Template).Execute", "(*text/template.Template).ExecuteTemplate",
		"(*html/template.Template).Execute", "(*html/template.Template).ExecuteTemplate",
		"(*bytes.Buffer).ReadFrom", "(*bytes.Buffer).WriteTo",
		"log.New", "(*log.Logger).SetOutput", "log.SetOutput",
		"os.Chmod", "os.Stat",
		"runtime.KeepAlive", "runtime.SetFinalizer",
		"golang.org/x/term.IsTerminal", "golang.org/x/term.MakeRaw", "golang.org/x/term.GetSize",
		"len", "cap", "print", "println",
	} {
		borrowers[n] = true
	}
}

// IsBorrower reports whether the named function only borrows a resource
// given to it.
func IsBorrower(name string) bool {
	if borrowers[name] {
		return true
	}
	return false
}

// Types of resources, for facts about parameters and results.
var resourceTypes = map[string]bool{
	"os.File": true, "os.Root": true,
	xwin + ".Handle": true, "syscall.Handle": true,
	xwin + ".Token": true, "syscall.Token": true,
	registry + ".Key": true, mgr + ".Mgr": true, mgr + ".Service": true, eventlog + ".Log": true,
}

// IsResourceType reports whether t (or what it points to) is one of the
// table's resource types.
func IsResourceType(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return resourceTypes[callee.PkgPath(n.Obj().Pkg())+"."+n.Obj().Name()]
}

// isWinAPI reports whether fn is a Windows API wrapper that takes a
// handle by value and only uses it during the call.
func isWinAPI(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	switch callee.PkgPath(fn.Pkg()) {
	case xwin, "syscall", "internal/syscall/windows", registry:
		return true
	}
	return false
}
