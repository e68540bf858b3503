// Package callee identifies the function or method a call expression calls,
// through type information, and matches it against names such as
// "net.Listen" or "(*net.Dialer).DialContext".
//
// Names are package path qualified: "golang.org/x/sys/windows.CreateFile",
// "(*golang.org/x/sys/windows/svc/mgr.Mgr).OpenService". Matching never
// relies on how the identifier is spelled at the call site, so renamed
// imports and dot-imports are handled, and a local function that happens to
// be called Listen is not mistaken for net.Listen.
package callee

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Func returns the function or method statically called by call, or nil
// for calls of function values, builtins and conversions.
func Func(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// Name returns the qualified name of fn: "pkg/path.F" for functions,
// "(pkg/path.T).M" or "(*pkg/path.T).M" for methods of named types (generic
// receivers without their type arguments) and "(pkg/path.I).M" for
// interface methods of named interfaces. It returns "" for methods of
// unnamed types.
func Name(fn *types.Func) string {
	if fn == nil {
		return ""
	}
	fn = fn.Origin()
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || sig.Recv() == nil {
		if fn.Pkg() == nil {
			return fn.Name()
		}
		return PkgPath(fn.Pkg()) + "." + fn.Name()
	}
	recv := sig.Recv().Type()
	ptr := ""
	if p, ok := recv.(*types.Pointer); ok {
		ptr = "*"
		recv = p.Elem()
	}
	named, ok := types.Unalias(recv).(*types.Named)
	if !ok {
		// An interface method's receiver is the interface type itself;
		// find the named interface it was declared in, if any.
		return ""
	}
	obj := named.Origin().Obj()
	if obj.Pkg() == nil {
		return "(" + ptr + obj.Name() + ")." + fn.Name()
	}
	return "(" + ptr + PkgPath(obj.Pkg()) + "." + obj.Name() + ")." + fn.Name()
}

// PkgPath returns pkg's import path with any vendor prefix removed, so that
// the standard library's vendored golang.org/x packages and GOPATH-style
// vendoring match the canonical path.
func PkgPath(pkg *types.Package) string {
	p := pkg.Path()
	if i := strings.LastIndex(p, "/vendor/"); i >= 0 {
		return p[i+len("/vendor/"):]
	}
	return strings.TrimPrefix(p, "vendor/")
}

// CallName returns the qualified name of the function call calls, or "".
func CallName(info *types.Info, call *ast.CallExpr) string {
	return Name(Func(info, call))
}

// IsOneOf reports whether call calls one of the named functions.
func IsOneOf(info *types.Info, call *ast.CallExpr, names ...string) bool {
	n := CallName(info, call)
	if n == "" {
		return false
	}
	for _, want := range names {
		if n == want {
			return true
		}
	}
	return false
}

// A Table maps qualified function names to values of type T, and finds the
// entry for a call.
type Table[T any] map[string]T

// Lookup returns the entry for the function call calls.
func (t Table[T]) Lookup(info *types.Info, call *ast.CallExpr) (v T, name string, ok bool) {
	name = CallName(info, call)
	if name == "" {
		return v, "", false
	}
	v, ok = t[name]
	return v, name, ok
}

// IsNamedType reports whether t is the named type path.name, or a pointer
// to it (path without vendor prefix, as PkgPath gives it).
func IsNamedType(t types.Type, path, name string) bool {
	if t == nil {
		return false
	}
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	return PkgPath(n.Obj().Pkg()) == path && n.Obj().Name() == name
}

// ImportsAny reports whether pkg imports, directly, any of the given package
// paths. Analyzers use it as a fast path: a package that imports none of the
// APIs a check looks for cannot call them.
func ImportsAny(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		for _, p := range paths {
			if PkgPath(imp) == p {
				return true
			}
		}
	}
	return false
}
