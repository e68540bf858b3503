package rawfd

import (
	"go/ast"
	"go/types"

	"github.com/winlint/winlint/internal/callee"
)

// isFdMethodValue reports whether sel is the method value of
// (*os.File).Fd bound to a receiver (f.Fd, s.file.Fd), whatever is done
// with it.
func (c *checker) isFdMethodValue(sel *ast.SelectorExpr) bool {
	s := c.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.MethodVal {
		return false
	}
	fn, _ := s.Obj().(*types.Func)
	return callee.Name(fn) == "(*os.File).Fd"
}

// calledInPlace reports whether n (through parentheses) is the function
// of a call: (f.Fd)() is an Fd call, not a method value that travels.
func calledInPlace(f *fn, n ast.Node) bool {
	x, p := outer(f, n)
	call, ok := p.(*ast.CallExpr)
	return ok && call.Fun == x
}

// outer returns n with its enclosing parentheses, and the parent of that.
func outer(f *fn, n ast.Node) (ast.Node, ast.Node) {
	x := n
	p := f.parents[x]
	for {
		paren, ok := p.(*ast.ParenExpr)
		if !ok {
			return x, p
		}
		x, p = paren, f.parents[paren]
	}
}

// An fdConsumer is a call that runs a method value of Fd: fd() for a
// variable fd holding it, or helper(f.Fd) for a helper of this package
// that calls its function parameter.
type fdConsumer struct {
	call   *ast.CallExpr
	direct bool
}

// checkFdValue reports WL3001 for the method value f.Fd (or s.file.Fd)
// whose call is the last use of the file: the value is called (fd() on a
// variable assigned once, or inside a helper of this package that takes
// it as func() uintptr), the raw descriptor it returns is used, and
// neither the file nor the method value is used afterwards. Method values
// that escape (returned, stored, captured by a closure, passed to a
// function whose body is not visible) are not followed.
func (c *checker) checkFdValue(f *fn, sel *ast.SelectorExpr) {
	v, field := c.fdValueRoot(f, sel.X)
	if v == nil || c.deferredUse(f, v) || c.escapes(f, v) {
		return
	}
	var mv *types.Var // the variable holding the method value, if any
	var consumers []fdConsumer
	x, p := outer(f, sel)
	switch p := p.(type) {
	case *ast.CallExpr:
		if !c.callsFuncArg(p, x) {
			return
		}
		consumers = append(consumers, fdConsumer{call: p})
	case *ast.AssignStmt, *ast.ValueSpec:
		mv = c.assignedTo(p, x)
		if mv == nil || !declaredIn(mv, f) || isParam(mv, f) || c.deferredUse(f, mv) {
			return
		}
		var ok bool
		if consumers, ok = c.fdValueConsumers(f, mv, sel); !ok {
			return
		}
	default:
		return
	}
	text := types.ExprString(sel.X)
	for _, cons := range consumers {
		call := cons.call
		if cons.direct && (c.discarded(f, call) || c.printed(f, call) || c.toNewOwnerValue(f, call)) {
			continue
		}
		if c.usedAfter(f, call, v, call) || mv != nil && c.usedAfter(f, call, mv, call) || c.keptAlive(f, call, v) {
			continue
		}
		at := types.ExprString(call.Fun)
		if cons.direct {
			at += "() called"
		} else {
			at += ", which calls"
		}
		if field {
			c.report(WL3001, call,
				"%s is not used after %s the method value %s.Fd: once %s is unreachable the file's finalizer may close the descriptor while the raw value is still in use; call runtime.KeepAlive(%s) after the last use of the descriptor",
				v.Name(), at, text, v.Name(), text)
			continue
		}
		c.report(WL3001, call,
			"%s is not used after %s the method value %s.Fd: its finalizer may close the descriptor while the raw value is still in use; call runtime.KeepAlive(%s) after the last use of the descriptor, or use %s.SyscallConn().Control",
			v.Name(), at, text, text, text)
	}
}

// fdValueRoot returns the local variable whose file the method value's
// receiver denotes: f in f.Fd (field reports false), s in s.file.Fd
// (field reports true). Parameters, package-level files (os.Stdout) and
// call results give nil.
func (c *checker) fdValueRoot(f *fn, recv ast.Expr) (*types.Var, bool) {
	if id, ok := ast.Unparen(recv).(*ast.Ident); ok {
		v := c.localVar(id)
		if v == nil || !declaredIn(v, f) || isParam(v, f) || c.asserted(v, id) {
			return nil, false
		}
		return v, false
	}
	v, _ := c.fieldFdRoot(f, recv)
	return v, v != nil
}

// assignedTo returns the local variable x is assigned to in p (fd := f.Fd,
// var fd = f.Fd), or nil.
func (c *checker) assignedTo(p ast.Node, x ast.Node) *types.Var {
	var lhs *ast.Ident
	switch p := p.(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) != len(p.Rhs) {
			return nil
		}
		for i, r := range p.Rhs {
			if r == x {
				lhs, _ = p.Lhs[i].(*ast.Ident)
			}
		}
	case *ast.ValueSpec:
		for i, r := range p.Values {
			if r == x && i < len(p.Names) {
				lhs = p.Names[i]
			}
		}
	}
	if lhs == nil {
		return nil
	}
	v, _ := c.pass.TypesInfo.ObjectOf(lhs).(*types.Var)
	return v
}

// fdValueConsumers returns the calls that run the method value held by
// mv: mv() and helper(mv). It reports false when mv is assigned more than
// once, or used any other way (returned, stored, passed to a function
// that is not followed), since the file may then stay reachable.
func (c *checker) fdValueConsumers(f *fn, mv *types.Var, sel *ast.SelectorExpr) ([]fdConsumer, bool) {
	var consumers []fdConsumer
	ok := true
	ast.Inspect(f.body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		id, isID := n.(*ast.Ident)
		if !isID || c.pass.TypesInfo.Uses[id] != mv {
			return true
		}
		if val, _, single := c.values.Def(id); !single || ast.Unparen(val) != sel {
			ok = false
			return false
		}
		x, p := outer(f, id)
		call, isCall := p.(*ast.CallExpr)
		switch {
		case !isCall:
			ok = false
		case call.Fun == x:
			consumers = append(consumers, fdConsumer{call: call, direct: true})
		case c.callsFuncArg(call, x):
			consumers = append(consumers, fdConsumer{call: call})
		default:
			ok = false
		}
		return true
	})
	return consumers, ok
}

// toNewOwnerValue reports whether the result of call goes (through
// conversions and a variable assigned once) to os.NewFile or a raw close.
func (c *checker) toNewOwnerValue(f *fn, src *ast.CallExpr) bool {
	for _, call := range f.calls {
		name := callee.CallName(c.pass.TypesInfo, call)
		if name != "os.NewFile" && !closers[name] && !isRelease(name) || len(call.Args) == 0 {
			continue
		}
		e := c.unconvert(call.Args[0])
		if id, ok := e.(*ast.Ident); ok {
			if v := c.localVar(id); v != nil {
				if d, _ := c.def(v, id); d != nil {
					e = c.unconvert(d)
				}
			}
		}
		if e == src {
			return true
		}
	}
	return false
}

// callsFuncArg reports whether call calls a function or method declared
// in this package whose parameter receiving arg is used exactly once in
// its body, as the function of a call whose result is used, outside any
// closure, defer or go statement: the helper runs the method value once,
// synchronously, and drops it.
func (c *checker) callsFuncArg(call *ast.CallExpr, arg ast.Node) bool {
	if call.Ellipsis.IsValid() {
		return false
	}
	index := -1
	for i, a := range call.Args {
		if a == arg {
			index = i
		}
	}
	fn := callee.Func(c.pass.TypesInfo, call)
	if index < 0 || fn == nil || fn.Pkg() != c.pass.Pkg {
		return false
	}
	fn = fn.Origin()
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil || index >= sig.Params().Len() || sig.Variadic() && index >= sig.Params().Len()-1 {
		return false
	}
	param := sig.Params().At(index)
	decl := c.funcDecl(fn)
	if decl == nil || decl.Body == nil || param.Name() == "" || param.Name() == "_" {
		return false
	}
	uses := 0
	ok := true
	var stack []ast.Node
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if id, isID := n.(*ast.Ident); isID && c.pass.TypesInfo.Uses[id] == param {
			uses++
			if !directCallResultUsed(stack, id) {
				ok = false
			}
		}
		stack = append(stack, n)
		return true
	})
	return ok && uses == 1
}

// directCallResultUsed reports whether id, whose ancestors are stack, is
// the function of a call whose result is used (not a statement of its
// own), and no ancestor is a function literal, defer or go statement.
func directCallResultUsed(stack []ast.Node, id *ast.Ident) bool {
	for _, n := range stack {
		switch n.(type) {
		case *ast.FuncLit, *ast.DeferStmt, *ast.GoStmt:
			return false
		}
	}
	var x ast.Node = id
	i := len(stack) - 1
	for i >= 0 {
		if _, ok := stack[i].(*ast.ParenExpr); !ok {
			break
		}
		x = stack[i]
		i--
	}
	if i < 1 {
		return false
	}
	call, ok := stack[i].(*ast.CallExpr)
	if !ok || call.Fun != x {
		return false
	}
	_, stmt := stack[i-1].(*ast.ExprStmt)
	return !stmt
}

// funcDecl returns the declaration of fn among the package's files, or nil.
func (c *checker) funcDecl(fn *types.Func) *ast.FuncDecl {
	for _, file := range c.pass.Files {
		if file.Pos() > fn.Pos() || fn.Pos() >= file.End() {
			continue
		}
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && c.pass.TypesInfo.Defs[fd.Name] == fn {
				return fd
			}
		}
	}
	return nil
}
