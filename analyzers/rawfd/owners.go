package rawfd

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/winlint/winlint/internal/callee"
)

// checkRawCloseAfterNewFile reports WL3002: os.NewFile(uintptr(h), …)
// made an *os.File that owns the raw handle h, and the function also
// closes h (a deferred close, or a close reachable after NewFile): the
// handle is closed twice, the second time perhaps another handle that
// reused the number.
func (c *checker) checkRawCloseAfterNewFile(f *fn, call *ast.CallExpr, v *types.Var) {
	if !declaredIn(v, f) || c.discarded(f, call) {
		return
	}
	g := c.graph(f.body)
	start := c.node(f, g, call)
	if start == nil {
		return
	}
	for _, cl := range f.calls {
		name := callee.CallName(c.pass.TypesInfo, cl)
		if !(closers[name] || isRelease(name)) || len(cl.Args) == 0 || c.localVar(cl.Args[0]) != v {
			continue
		}
		after := c.inDefer(f, cl)
		if !after && cl.Pos() > call.End() {
			after = g.Reaches(start,
				func(x ast.Node) bool { return x.Pos() <= cl.Pos() && cl.End() <= x.End() },
				func(x ast.Node) bool { return c.assigns(x, v) })
		}
		if !after {
			continue
		}
		c.report(WL3002, cl,
			"os.NewFile at line %d made an *os.File that owns %s: closing %s here as well closes the handle twice (the file's Close or finalizer closes it again, or closes another handle that reused the number); close only the file",
			c.line(call.Pos()), v.Name(), v.Name())
	}
}

// fieldFdRoot returns the local variable at the root of a field chain
// (s.file in s.file.Fd()), or nil.
func (c *checker) fieldFdRoot(f *fn, x ast.Expr) (*types.Var, string) {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return nil, ""
	}
	for e := ast.Expr(sel); ; {
		s, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			break
		}
		if fs := c.pass.TypesInfo.Selections[s]; fs == nil || fs.Kind() != types.FieldVal {
			return nil, ""
		}
		e = s.X
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			v := c.localVar(id)
			if v == nil || !declaredIn(v, f) || isParam(v, f) {
				return nil, ""
			}
			return v, types.ExprString(sel)
		}
	}
	return nil, ""
}

// checkFieldFd reports WL3001 for s.file.Fd() when s is a local variable
// not used afterwards: s, and the file it holds, may be collected and the
// file's finalizer close the descriptor while the raw value is in use.
func (c *checker) checkFieldFd(f *fn, call *ast.CallExpr, recv ast.Expr) {
	v, text := c.fieldFdRoot(f, recv)
	if v == nil {
		return
	}
	if c.discarded(f, call) || c.toNewOwner(f, call) || c.deferredUse(f, v) || c.escapes(f, v) {
		return
	}
	if c.usedAfter(f, call, v, call) || c.keptAlive(f, call, v) {
		return
	}
	c.report(WL3001, call,
		"%s is not used after %s.Fd(): once %s is unreachable the file's finalizer may close the descriptor while the raw value is still in use; call runtime.KeepAlive(%s) after the last use of the descriptor",
		v.Name(), text, v.Name(), text)
}

// fdVar returns the local variable the result of the Fd call is assigned
// to (h := f.Fd(), h := windows.Handle(f.Fd())), or nil.
func (c *checker) fdVar(f *fn, call *ast.CallExpr) *types.Var {
	var x ast.Node = call
	for {
		p := f.parents[x]
		switch p := p.(type) {
		case *ast.ParenExpr:
			x = p
			continue
		case *ast.CallExpr:
			if tv, ok := c.pass.TypesInfo.Types[p.Fun]; ok && tv.IsType() {
				x = p
				continue
			}
			return nil
		case *ast.AssignStmt:
			if len(p.Lhs) != len(p.Rhs) {
				return nil
			}
			for i, r := range p.Rhs {
				if r == x {
					if id, ok := p.Lhs[i].(*ast.Ident); ok {
						v, _ := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
						return v
					}
				}
			}
			return nil
		case *ast.ValueSpec:
			for i, r := range p.Values {
				if r == x && i < len(p.Names) {
					v, _ := c.pass.TypesInfo.ObjectOf(p.Names[i]).(*types.Var)
					return v
				}
			}
			return nil
		default:
			return nil
		}
	}
}

// fileCloseOf returns a call file.Close() in f (deferred or not), or nil.
func (c *checker) fileCloseOf(f *fn, file *types.Var) *ast.CallExpr {
	for _, call := range f.calls {
		if callee.CallName(c.pass.TypesInfo, call) != "(*os.File).Close" {
			continue
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == file {
				return call
			}
		}
	}
	return nil
}

// checkGoroutineFd reports WL3003: the raw handle of file (h := f.Fd())
// is used by a goroutine while this function closes the file without
// waiting for it.
func (c *checker) checkGoroutineFd(f *fn, call *ast.CallExpr, file *types.Var) bool {
	h := c.fdVar(f, call)
	if h == nil {
		return false
	}
	cl := c.fileCloseOf(f, file)
	if cl == nil {
		return false
	}
	reported := false
	ast.Inspect(f.body, func(n ast.Node) bool {
		gs, ok := n.(*ast.GoStmt)
		if !ok || !c.mentions(gs, h) || c.mentions(gs, file) {
			return true
		}
		if cl.Pos() < gs.Pos() && !c.inDefer(f, cl) {
			return true // closed before the goroutine starts: WL3004's business
		}
		if c.waitsAfter(f, gs) {
			return true
		}
		c.report(WL3003, gs,
			"the goroutine uses %s, the raw handle of %s, while this function closes %s at line %d without waiting for the goroutine: it may use a closed handle, or another file that reused the number; wait for the goroutine before closing %s, or let it own the file",
			h.Name(), file.Name(), file.Name(), c.line(cl.Pos()), file.Name())
		reported = true
		return true
	})
	return reported
}

// checkSetStdHandle reports WL3003: SetStdHandle(std, f.Fd()) makes a
// file's handle the process's standard handle, and the function closes
// the file without restoring the previous handle: the standard handle
// then refers to a closed handle, or to whatever reuses the number.
func (c *checker) checkSetStdHandle(f *fn, call *ast.CallExpr) {
	if len(call.Args) != 2 {
		return
	}
	recv, _ := c.fdReceiver(call.Args[1])
	id, ok := ast.Unparen(recv).(*ast.Ident)
	if recv == nil || !ok {
		return
	}
	file := c.localVar(id)
	if file == nil || !declaredIn(file, f) {
		return
	}
	std := types.ExprString(call.Args[0])
	for _, other := range f.calls {
		if other != call && isSetStdHandle(callee.CallName(c.pass.TypesInfo, other)) &&
			len(other.Args) == 2 && types.ExprString(other.Args[0]) == std {
			return // restored (or set again) in this function
		}
	}
	cl := c.fileCloseOf(f, file)
	if cl == nil {
		return
	}
	if !c.inDefer(f, cl) && cl.Pos() < call.Pos() {
		return
	}
	c.report(WL3003, cl,
		"%s is closed while its handle is still the process's standard handle %s (SetStdHandle at line %d): later writes to it (panics, the runtime, child processes) go to a closed handle or to whatever reuses the number; restore the previous handle with SetStdHandle before closing %s",
		file.Name(), std, c.line(call.Pos()), file.Name())
}

func isSetStdHandle(name string) bool {
	return name == "golang.org/x/sys/windows.SetStdHandle" || name == "syscall.SetStdHandle"
}

// checkGlobalClose reports WL3003: a package-level raw handle closed by
// this function while a goroutine of the package uses it, with no wait
// for that goroutine before the close: the handle has no single owner.
func (c *checker) checkGlobalClose(f *fn, call *ast.CallExpr) {
	g := c.pkgVar(call.Args[0])
	if g == nil || !isRawHandleType(g.Type()) {
		return
	}
	if c.waitsBefore(f, call) {
		return
	}
	gs, what := c.goroutineUsing(g, f)
	if gs == nil {
		return
	}
	c.report(WL3003, call,
		"package-level raw handle %s is closed here while the goroutine started at line %d (%s) uses it, and nothing waits for that goroutine first: it may use a closed handle, or another one that reused the number; give %s one owner (the goroutine closes it, or the closer waits for it)",
		g.Name(), c.line(gs.Pos()), what, g.Name())
}

// isRawHandleType: windows.Handle, syscall.Handle or uintptr.
func isRawHandleType(t types.Type) bool {
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		p := n.Obj().Pkg().Path()
		return n.Obj().Name() == "Handle" && (p == "syscall" || p == "golang.org/x/sys/windows")
	}
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.Uintptr
}

// waitsBefore reports whether f receives from a channel or calls a Wait
// method textually before call.
func (c *checker) waitsBefore(f *fn, call *ast.CallExpr) bool {
	found := false
	ast.Inspect(f.body, func(n ast.Node) bool {
		if found || n == nil || n.Pos() >= call.Pos() {
			return false
		}
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.UnaryExpr:
			if x.Op == token.ARROW {
				found = true
			}
		case *ast.SelectStmt:
			found = true
		case *ast.CallExpr:
			if fn := callee.Func(c.pass.TypesInfo, x); fn != nil && strings.HasPrefix(fn.Name(), "Wait") {
				found = true
			}
		}
		return true
	})
	return found
}

// goroutineUsing returns a go statement of the package (outside closer)
// whose goroutine refers to g and does not close it itself, with a
// description of what it runs.
func (c *checker) goroutineUsing(g *types.Var, closer *fn) (*ast.GoStmt, string) {
	decls := make(map[*types.Func]*ast.FuncDecl)
	for _, file := range c.pass.Files {
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if obj, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					decls[obj] = fd
				}
			}
		}
	}
	for _, file := range c.pass.Files {
		var found *ast.GoStmt
		var what string
		ast.Inspect(file, func(n ast.Node) bool {
			gs, ok := n.(*ast.GoStmt)
			if !ok || found != nil {
				return found == nil
			}
			if closer.body.Pos() <= gs.Pos() && gs.End() <= closer.body.End() {
				return true // the closer's own goroutines: checkProducer's business
			}
			var body ast.Node
			desc := "a function literal"
			if lit, ok := ast.Unparen(gs.Call.Fun).(*ast.FuncLit); ok {
				body = lit.Body
			} else if fn := callee.Func(c.pass.TypesInfo, gs.Call); fn != nil && decls[fn.Origin()] != nil {
				body = decls[fn.Origin()].Body
				desc = fn.Name()
			}
			if body == nil || !c.mentions(body, g) || c.closeOfIn(body, g) != nil || c.closesGlobal(body, g) {
				return true
			}
			found, what = gs, desc
			return false
		})
		if found != nil {
			return found, what
		}
	}
	return nil, ""
}

// closesGlobal reports whether n closes the package-level g.
func (c *checker) closesGlobal(n ast.Node, g *types.Var) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		call, ok := x.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		name := callee.CallName(c.pass.TypesInfo, call)
		if (closers[name] || isRelease(name)) && len(call.Args) > 0 && c.pkgVar(call.Args[0]) == g {
			found = true
		}
		return true
	})
	return found
}
