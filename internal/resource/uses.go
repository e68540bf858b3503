package resource

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/winlint/winlint/internal/callee"
)

// UseKind says what one use of a resource variable does with it.
type UseKind int

const (
	Borrow    UseKind = iota // used during the statement, still owned
	Release                  // closed (or handed to a function that closes it)
	Escape                   // may outlive the function or be closed elsewhere
	Overwrite                // the variable is assigned a new value
)

// A Use is the classification of the uses of a variable in one node.
type Use struct {
	Kind     UseKind
	Deferred bool          // a Release by a deferred call (or deferred closure)
	Call     *ast.CallExpr // the releasing call, for Release
	Checked  bool          // for Release: the call's error result is used
}

// ClassifyNode classifies the uses of v in the graph node n (a simple
// statement, a condition or a var spec). It does not descend into the
// bodies of compound statements, which are not graph nodes. Uses inside a
// function literal are Escape, except a deferred or immediately called
// literal that releases v.
func (e *Engine) ClassifyNode(n ast.Node, v *types.Var) Use {
	var out Use
	var rel, deferredRel *Use
	escape, overwrite := false, false
	var stack []ast.Node
	ast.Inspect(n, func(m ast.Node) bool {
		if m == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		if id, ok := m.(*ast.Ident); ok && e.objOf(id) == v {
			u := e.classify(id, stack, n)
			switch u.Kind {
			case Release:
				uu := u
				if u.Deferred {
					deferredRel = &uu
				} else {
					rel = &uu
				}
			case Escape:
				escape = true
			case Overwrite:
				overwrite = true
			}
		}
		stack = append(stack, m)
		return true
	})
	switch {
	case rel != nil:
		out = *rel
	case escape:
		out.Kind = Escape
	case deferredRel != nil:
		out = *deferredRel
	case overwrite:
		out.Kind = Overwrite
	}
	return out
}

func (e *Engine) objOf(id *ast.Ident) types.Object {
	if o := e.info.Uses[id]; o != nil {
		return o
	}
	return e.info.Defs[id]
}

// classify classifies one use of a resource variable; stack holds the
// ancestors of id inside the node, outermost first.
func (e *Engine) classify(id ast.Expr, stack []ast.Node, root ast.Node) Use {
	// A use inside a function literal: the literal captures v.
	for i, anc := range stack {
		lit, ok := anc.(*ast.FuncLit)
		if !ok {
			continue
		}
		inner := e.classify(id, stack[i+1:], lit.Body)
		if inner.Kind == Borrow {
			// A closure that only borrows v may still be stored and
			// called after the function returns: treat as escape unless
			// it is called on the spot or deferred.
		}
		var parent ast.Node
		if i > 0 {
			parent = stack[i-1]
		}
		call, ok := parent.(*ast.CallExpr)
		if !ok || ast.Unparen(call.Fun) != lit {
			return Use{Kind: Escape}
		}
		var gp ast.Node
		if i > 1 {
			gp = stack[i-2]
		}
		switch inner.Kind {
		case Release:
			if _, ok := gp.(*ast.DeferStmt); ok {
				inner.Deferred = true
			}
			if _, ok := gp.(*ast.GoStmt); ok {
				return Use{Kind: Escape}
			}
			return inner
		case Borrow:
			if _, ok := gp.(*ast.GoStmt); ok {
				return Use{Kind: Escape}
			}
			return inner
		}
		return Use{Kind: Escape}
	}

	var e0 ast.Node = id
	for i := len(stack) - 1; i >= 0; i-- {
		p := stack[i]
		switch p := p.(type) {
		case *ast.ParenExpr:
			e0 = p
			continue
		case *ast.StarExpr:
			return Use{Kind: Borrow}
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				return Use{Kind: Escape}
			}
			return Use{Kind: Borrow}
		case *ast.BinaryExpr:
			return Use{Kind: Borrow}
		case *ast.IndexExpr, *ast.IndexListExpr, *ast.SliceExpr:
			return Use{Kind: Borrow}
		case *ast.TypeAssertExpr:
			return Use{Kind: Escape} // r.(io.Closer).Close() may hide a release
		case *ast.SelectorExpr:
			if p.X != e0 {
				return Use{Kind: Borrow}
			}
			sel := e.info.Selections[p]
			if sel == nil || sel.Kind() == types.FieldVal {
				return Use{Kind: Borrow}
			}
			// A method: called on the spot, or a method value.
			if i == 0 {
				return Use{Kind: Escape}
			}
			call, ok := stack[i-1].(*ast.CallExpr)
			if !ok || ast.Unparen(call.Fun) != p {
				return Use{Kind: Escape} // method value: f.Close stored or passed
			}
			fn, _ := sel.Obj().(*types.Func)
			if e.isReleaseMethod(fn) {
				return e.releaseUse(call, stack[:i-1])
			}
			return e.afterCall(call, stack[:i-1], Use{Kind: Borrow})
		case *ast.CallExpr:
			if ast.Unparen(p.Fun) == e0 {
				return Use{Kind: Borrow} // calling a func-typed value
			}
			// A conversion is transparent, except to an interface
			// (unsafe.Pointer(addr) of a mapped view is followed: a
			// dereference borrows, a stored pointer escapes).
			if tv, ok := e.info.Types[p.Fun]; ok && tv.IsType() {
				t := tv.Type.Underlying()
				if _, isIface := t.(*types.Interface); isIface {
					return Use{Kind: Escape}
				}
				e0 = p
				continue
			}
			argi := -1
			for j, a := range p.Args {
				if a == e0 {
					argi = j
				}
			}
			if argi < 0 {
				return Use{Kind: Escape}
			}
			return e.argUse(p, argi, stack[:i])
		case *ast.AssignStmt:
			for _, l := range p.Lhs {
				if l == e0 {
					if e0 == ast.Node(id) {
						return Use{Kind: Overwrite}
					}
					return Use{Kind: Borrow}
				}
			}
			for j, r := range p.Rhs {
				if r == e0 && len(p.Lhs) == len(p.Rhs) {
					if l, ok := p.Lhs[j].(*ast.Ident); ok && l.Name == "_" {
						return Use{Kind: Borrow}
					}
				}
			}
			return Use{Kind: Escape}
		case *ast.IncDecStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.CaseClause, *ast.ExprStmt:
			return Use{Kind: Borrow}
		case *ast.ValueSpec:
			for _, n := range p.Names {
				if n == e0 {
					return Use{Kind: Overwrite}
				}
			}
			return Use{Kind: Escape}
		default:
			// Return, composite literal, key-value, send, go, …
			return Use{Kind: Escape}
		}
	}
	if root == e0 {
		// A bare condition such as "ok" cannot be a resource; or a
		// range key/value node.
		return Use{Kind: Borrow}
	}
	return Use{Kind: Escape}
}

func (e *Engine) isReleaseMethod(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	name := callee.Name(fn)
	if releases[name] {
		return true
	}
	// Any Close() error method of an interface (io.Closer embedded in
	// some other interface) closes.
	if fn.Name() == "Close" {
		if sig, ok := fn.Type().(*types.Signature); ok && sig.Params().Len() == 0 {
			if r := sig.Recv(); r != nil {
				if _, ok := r.Type().Underlying().(*types.Interface); ok {
					return true
				}
			}
		}
	}
	return false
}

// argUse classifies a resource passed as argument argi of call.
func (e *Engine) argUse(call *ast.CallExpr, argi int, above []ast.Node) Use {
	fn := callee.Func(e.info, call)
	if fn == nil {
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if _, ok := e.info.Uses[id].(*types.Builtin); ok && borrowers[id.Name] {
				return Use{Kind: Borrow}
			}
		}
		return Use{Kind: Escape}
	}
	name := callee.Name(fn)
	if argi == 0 && releases[name] {
		return e.releaseUse(call, above)
	}
	if f := e.FuncFact(fn); f != nil {
		if contains(f.Closes, argi) {
			return e.releaseUse(call, above)
		}
		if contains(f.Borrows, argi) {
			if e.wrapperKept(fn, call, above) {
				return Use{Kind: Escape}
			}
			return e.afterCall(call, above, Use{Kind: Borrow})
		}
	}
	if borrowers[name] || stdBorrows(fn, argi) {
		if e.wrapperKept(fn, call, above) {
			return Use{Kind: Escape}
		}
		return e.afterCall(call, above, Use{Kind: Borrow})
	}
	if isWinAPI(fn) && name != "syscall.NewCallback" {
		return e.afterCall(call, above, Use{Kind: Borrow})
	}
	return Use{Kind: Escape}
}

// afterCall turns a borrow by a call into an escape when the call runs
// in a new goroutine.
func (e *Engine) afterCall(call *ast.CallExpr, above []ast.Node, u Use) Use {
	if len(above) > 0 {
		if _, ok := above[len(above)-1].(*ast.GoStmt); ok {
			return Use{Kind: Escape}
		}
	}
	return u
}

// releaseUse builds the Release use of call; above holds its ancestors.
func (e *Engine) releaseUse(call *ast.CallExpr, above []ast.Node) Use {
	u := Use{Kind: Release, Call: call}
	if len(above) == 0 {
		return u
	}
	switch p := above[len(above)-1].(type) {
	case *ast.DeferStmt:
		u.Deferred = true
	case *ast.GoStmt:
		return Use{Kind: Escape}
	case *ast.ExprStmt:
	case *ast.AssignStmt:
		for _, l := range p.Lhs {
			if id, ok := l.(*ast.Ident); !ok || id.Name != "_" {
				u.Checked = true
			}
		}
	default:
		u.Checked = true // returned, compared, passed on (errors.Join…)
	}
	return u
}

func contains(s []int, i int) bool {
	for _, x := range s {
		if x == i {
			return true
		}
	}
	return false
}

// stdClosers are standard-library functions that close an io.Reader they
// are given when it is also an io.Closer (net/http closes request bodies).
var stdClosers = map[string]bool{
	"net/http.NewRequest":            true,
	"net/http.NewRequestWithContext": true,
	"net/http.Post":                  true,
	"(*net/http.Client).Post":        true,
	"net/http/httptest.NewRequest":   true,
}

// stdBorrows reports whether the standard-library function fn only
// borrows its argument argi: the parameter is a non-empty interface
// without a Close method (io.Writer, io.Reader, io.ReaderAt…), so the
// function can read or write through it but has no way to close it —
// pprof.WriteHeapProfile(f), png.Encode(f, img), image.Decode(f).
// Functions that look for io.Closer behind such a parameter are listed in
// stdClosers. An empty interface (any) may be stored anywhere: not a
// borrow.
func stdBorrows(fn *types.Func, argi int) bool {
	if fn.Pkg() == nil || !isStd(callee.PkgPath(fn.Pkg())) || stdClosers[callee.Name(fn)] {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	n := sig.Params().Len()
	var t types.Type
	switch {
	case argi < n-1 || argi < n && !sig.Variadic():
		t = sig.Params().At(argi).Type()
	case sig.Variadic() && n > 0:
		s, ok := sig.Params().At(n - 1).Type().(*types.Slice)
		if !ok {
			return false
		}
		t = s.Elem()
	default:
		return false
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return false
	}
	for i := 0; i < iface.NumMethods(); i++ {
		if iface.Method(i).Name() == "Close" {
			return false
		}
	}
	return true
}

// isStd reports whether path is a standard-library import path (its
// first element has no dot).
func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && path != "C"
}

// wrapperKept reports whether call builds a value around its argument
// (bufio.NewWriter(f), slog.NewTextHandler(f, nil), log.New(f, …)) that
// is returned, stored in a field or a global, or sent — directly or
// inside a composite literal: the file then lives as long as that value,
// which the caller owns.
func (e *Engine) wrapperKept(fn *types.Func, call *ast.CallExpr, above []ast.Node) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Results().Len() == 0 {
		return false
	}
	if isError(sig.Results().At(0).Type()) {
		return false
	}
	switch sig.Results().At(0).Type().Underlying().(type) {
	case *types.Pointer, *types.Struct, *types.Interface:
	default:
		return false
	}
	var child ast.Node = call
	for i := len(above) - 1; i >= 0; i-- {
		switch p := above[i].(type) {
		case *ast.ParenExpr:
			child = p
			continue
		case *ast.CallExpr:
			// Wrapped again (slog.New(slog.NewTextHandler(f, nil))):
			// look at what happens to the outer value.
			if ast.Unparen(p.Fun) != child {
				child = p
				continue
			}
			return false
		case *ast.CompositeLit, *ast.KeyValueExpr, *ast.UnaryExpr:
			// Inside a literal (&T{W: bufio.NewWriter(f)}): what happens
			// to the literal decides.
			child = p
			continue
		case *ast.ReturnStmt, *ast.SendStmt:
			return true
		case *ast.AssignStmt:
			for j, r := range p.Rhs {
				if r != child || j >= len(p.Lhs) {
					continue
				}
				switch l := ast.Unparen(p.Lhs[j]).(type) {
				case *ast.SelectorExpr, *ast.IndexExpr:
					return true
				case *ast.Ident:
					if v, ok := e.objOf(l).(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
						return true
					}
				}
			}
			return false
		default:
			return false
		}
	}
	return false
}
