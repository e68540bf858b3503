package rawfd

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/paths"
	"github.com/winlint/winlint/internal/resource"
	"github.com/winlint/winlint/internal/syntax"
)

// fdReceiver returns the receiver expression of call if call is
// (*os.File).Fd, or, through a local variable assigned once, of the Fd
// call that variable holds.
func (c *checker) fdReceiver(e ast.Expr) (recv ast.Expr, fdCall *ast.CallExpr) {
	e = c.unconvert(e)
	if id, ok := e.(*ast.Ident); ok {
		if v := c.localVar(id); v != nil {
			if call, _ := c.def(v, id); call != nil {
				e = c.unconvert(call)
			}
		}
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || callee.CallName(c.pass.TypesInfo, call) != "(*os.File).Fd" {
		return nil, nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, nil
	}
	return sel.X, call
}

// pkgVar returns the package-level variable e denotes, or nil.
func (c *checker) pkgVar(e ast.Expr) *types.Var {
	id := syntax.Ident(e)
	if id == nil {
		return nil
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	return v
}

// isStdStream reports whether v is os.Stdin, os.Stdout or os.Stderr.
func isStdStream(v *types.Var) bool {
	if v == nil || v.Pkg() == nil || v.Pkg().Path() != "os" {
		return false
	}
	switch v.Name() {
	case "Stdin", "Stdout", "Stderr":
		return true
	}
	return false
}

// checkFd reports WL3001 and WL3005 at a call f.Fd().
func (c *checker) checkFd(f *fn, call *ast.CallExpr) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		c.checkFieldFd(f, call, sel.X) // s.file.Fd() on a local s
		return                         // globals (os.Stdin), call results: silent
	}
	v := c.localVar(id)
	if v == nil || !declaredIn(v, f) {
		return
	}
	if c.checkDeadline(f, call, id, v) {
		return
	}
	if c.checkGoroutineFd(f, call, v) {
		return
	}
	if isParam(v, f) || c.discarded(f, call) || c.printed(f, call) || c.asserted(v, id) || c.toNewOwner(f, call) || c.deferredUse(f, v) || c.escapes(f, v) {
		return
	}
	if c.usedAfter(f, call, v, call) || c.keptAlive(f, call, v) {
		return
	}
	c.report(WL3001, call,
		"%s is not used after %s.Fd(): its finalizer may close the descriptor while the raw value is still in use; call runtime.KeepAlive(%s) after the last use of the descriptor, or use %s.SyscallConn().Control",
		id.Name, id.Name, id.Name, id.Name)
}

// discarded reports whether the result of call is thrown away (f.Fd() as
// a statement, only to switch the descriptor to blocking mode).
func (c *checker) discarded(f *fn, call *ast.CallExpr) bool {
	switch p := f.parents[call].(type) {
	case *ast.ExprStmt:
		return true
	case *ast.AssignStmt:
		if len(p.Lhs) == 1 {
			if id, ok := p.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
				return true
			}
		}
	}
	return false
}

// toNewOwner reports whether the result of the Fd call goes (through
// conversions and a variable assigned once) to os.NewFile or a raw close:
// WL3002 reports those.
func (c *checker) toNewOwner(f *fn, fdCall *ast.CallExpr) bool {
	for _, call := range f.calls {
		name := callee.CallName(c.pass.TypesInfo, call)
		if name != "os.NewFile" && !closers[name] && !isRelease(name) || len(call.Args) == 0 {
			continue
		}
		if _, fc := c.fdReceiver(call.Args[0]); fc == fdCall {
			return true
		}
	}
	return false
}

// pollable are the calls whose *os.File result is a pipe or socket, with
// the results that are files.
var pollable = map[string]bool{
	"os.Pipe":                  true,
	"os.NewFile":               true,
	"(*net.TCPConn).File":      true,
	"(*net.UDPConn).File":      true,
	"(*net.UnixConn).File":     true,
	"(*net.IPConn).File":       true,
	"(*net.TCPListener).File":  true,
	"(*net.UnixListener).File": true,
	"(*net.conn).File":         true, // TCPConn, UDPConn, UnixConn and IPConn embed conn
}

var deadlines = map[string]bool{
	"(*os.File).SetDeadline":      true,
	"(*os.File).SetReadDeadline":  true,
	"(*os.File).SetWriteDeadline": true,
}

// checkDeadline reports WL3005: v comes from a pipe, socket or NewFile,
// and a deadline is set on it after v.Fd(). It reports whether it
// reported.
func (c *checker) checkDeadline(f *fn, call *ast.CallExpr, id *ast.Ident, v *types.Var) bool {
	src, _ := c.def(v, id)
	if src == nil || !pollable[callee.CallName(c.pass.TypesInfo, src)] {
		return false
	}
	g := c.graph(f.body)
	start := c.node(f, g, call)
	if start == nil {
		return false
	}
	var found *ast.CallExpr
	res, _ := g.Search(start, 0, visitor{
		node: func(x ast.Node) paths.Step {
			if c.assigns(x, v) {
				return paths.Stop
			}
			if d := c.deadlineCall(x, v); d != nil {
				if found == nil {
					found = d
				}
				return paths.Found
			}
			return paths.Continue
		},
	})
	if len(res.Found) == 0 || found == nil {
		return false
	}
	name := "SetDeadline"
	if sel, ok := ast.Unparen(found.Fun).(*ast.SelectorExpr); ok {
		name = sel.Sel.Name
	}
	c.report(WL3005, found,
		"%s.%s has no effect: %s.Fd() at line %d switched the pipe or socket to blocking mode, so deadlines stop working; use %s.SyscallConn().Control instead of Fd",
		id.Name, name, id.Name, c.line(call.Pos()), id.Name)
	return true
}

// deadlineCall returns a call v.Set*Deadline(…) inside n, or nil.
func (c *checker) deadlineCall(n ast.Node, v *types.Var) *ast.CallExpr {
	var found *ast.CallExpr
	ast.Inspect(n, func(x ast.Node) bool {
		call, ok := x.(*ast.CallExpr)
		if !ok || found != nil {
			return found == nil
		}
		if !deadlines[callee.CallName(c.pass.TypesInfo, call)] {
			return true
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
			found = call
		}
		return true
	})
	return found
}

// visitor adapts a function to paths.Visitor.
type visitor struct {
	node func(ast.Node) paths.Step
}

func (v visitor) Node(n ast.Node, st uint32) (paths.Step, uint32) { return v.node(n), st }
func (visitor) Branch(ast.Expr, uint32) (bool, bool)              { return false, false }

// checkNewFile reports WL3002 at os.NewFile(x.Fd(), …) while x is live,
// and at a second NewFile of one descriptor variable.
func (c *checker) checkNewFile(f *fn, call *ast.CallExpr) {
	if len(call.Args) == 0 {
		return
	}
	if recv, fdCall := c.fdReceiver(call.Args[0]); recv != nil {
		name := types.ExprString(recv)
		if g := c.pkgVar(recv); g != nil {
			c.report(WL3002, call,
				"os.NewFile(%s.Fd()) makes a second owner of %s's descriptor, which %s keeps: closing the new file (or its finalizer) closes %s; use %s directly",
				name, name, name, name, name)
			return
		}
		id, ok := ast.Unparen(recv).(*ast.Ident)
		if !ok {
			return
		}
		v := c.localVar(id)
		if v == nil || !declaredIn(v, f) {
			return
		}
		if c.deferredUse(f, v) || c.usedAfter(f, call, v, fdCall) {
			c.report(WL3002, call,
				"os.NewFile(%s.Fd()) makes a second owner of %s's descriptor while %s is still used: closing either one (or a finalizer) closes the other's descriptor, which may by then belong to another file; use %s itself, or duplicate the descriptor first",
				name, name, name, name)
			return
		}
		if !isParam(v, f) && !c.escapes(f, v) {
			c.report(WL3002, call,
				"os.NewFile(%s.Fd()) makes a second owner of %s's descriptor: %s is not used again, so its finalizer will close the descriptor the new file owns; use %s itself, or duplicate the descriptor first",
				name, name, name, name)
		}
		return
	}
	// Two NewFile calls on one descriptor variable.
	v := c.localVar(call.Args[0])
	if v == nil {
		return
	}
	c.checkRawCloseAfterNewFile(f, call, v)
	g := c.graph(f.body)
	start := c.node(f, g, call)
	if start == nil {
		return
	}
	for _, other := range f.calls {
		if other == call || other.Pos() < call.Pos() || callee.CallName(c.pass.TypesInfo, other) != "os.NewFile" ||
			len(other.Args) == 0 || c.localVar(other.Args[0]) != v {
			continue
		}
		reached := g.Reaches(start,
			func(x ast.Node) bool { return x.Pos() <= other.Pos() && other.End() <= x.End() },
			func(x ast.Node) bool { return c.assigns(x, v) })
		if reached {
			c.report(WL3002, other,
				"second os.NewFile of %s (first at line %d): two *os.File own one descriptor and each closes it, its finalizer too; make one *os.File and share it",
				types.ExprString(c.unconvert(call.Args[0])), c.line(call.Pos()))
		}
	}
}

// checkClose reports WL3002 at a raw close of f.Fd() and WL3004 at a raw
// handle used after its close.
func (c *checker) checkClose(f *fn, call *ast.CallExpr, name string) {
	if len(call.Args) == 0 {
		return
	}
	if recv, _ := c.fdReceiver(call.Args[0]); recv != nil {
		r := types.ExprString(recv)
		c.report(WL3002, call,
			"%s closes the descriptor of %s behind its back: %s.Close (or its finalizer) will later close whatever file reuses the number; call %s.Close() instead",
			shortName(name), r, r, r)
		return
	}
	c.checkGlobalClose(f, call)
	if c.inDefer(f, call) {
		return
	}
	v := c.localVar(call.Args[0])
	if v == nil || !declaredIn(v, f) {
		return
	}
	g := c.graph(f.body)
	start := c.node(f, g, call)
	if start == nil {
		return
	}
	var use ast.Node
	perIteration := c.rangeVar(f, v)
	res, _ := g.Search(start, 0, visitor{
		node: func(x ast.Node) paths.Step {
			if perIteration && x.Pos() < call.Pos() {
				return paths.Continue // the next iteration's variable
			}
			if u := c.callUse(f, x, v); u != nil {
				if use == nil {
					use = u
				}
				return paths.Found
			}
			if c.assigns(x, v) {
				return paths.Stop
			}
			return paths.Continue
		},
	})
	if len(res.Found) == 0 || use == nil {
		return
	}
	c.report(WL3004, use,
		"%s is used after %s closed it at line %d: the number may already belong to another file or handle; do not use it after closing, or reset it to an invalid value",
		v.Name(), shortName(name), c.line(call.Pos()))
}

func shortName(name string) string {
	const xsys = "golang.org/x/sys/"
	if len(name) > len(xsys) && name[:len(xsys)] == xsys {
		return name[len(xsys):]
	}
	return name
}

// inDefer reports whether n is inside a defer or go statement of f.
func (c *checker) inDefer(f *fn, n ast.Node) bool {
	for x := f.parents[n]; x != nil; x = f.parents[x] {
		switch x.(type) {
		case *ast.DeferStmt, *ast.GoStmt:
			return true
		}
	}
	return false
}

// callUse returns the identifier of v inside n that is passed as an
// argument to a call (through conversions), or nil. Comparisons,
// printing aside, are not uses of the descriptor.
func (c *checker) callUse(f *fn, n ast.Node, v *types.Var) ast.Node {
	var found ast.Node
	ast.Inspect(n, func(x ast.Node) bool {
		if found != nil {
			return false
		}
		if _, ok := x.(*ast.FuncLit); ok {
			return false
		}
		id, ok := x.(*ast.Ident)
		if !ok || c.pass.TypesInfo.Uses[id] != v {
			return true
		}
		var child ast.Node = id
		for p := f.parents[id]; p != nil; child, p = p, f.parents[p] {
			if paren, ok := p.(*ast.ParenExpr); ok {
				_ = paren
				continue
			}
			call, ok := p.(*ast.CallExpr)
			if !ok {
				break
			}
			if tv, ok := c.pass.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
				continue // a conversion: look further up
			}
			if child == call.Fun {
				break
			}
			if c.isBuiltin(call) {
				break // delete(m, h), len…: the number as a value, not a handle
			}
			if !printing[callee.CallName(c.pass.TypesInfo, call)] {
				found = id
			}
			break
		}
		return true
	})
	return found
}

// isBuiltin reports whether call calls a builtin function.
func (c *checker) isBuiltin(call *ast.CallExpr) bool {
	_, ok := c.pass.TypesInfo.Uses[syntax.Ident(call.Fun)].(*types.Builtin)
	return ok
}

// keptAlive reports whether runtime.KeepAlive is called, after call, on v
// or on the value v ranges over (for _, f := range attr.Files { f.Fd() }
// … runtime.KeepAlive(attr), as os.StartProcess does).
func (c *checker) keptAlive(f *fn, call *ast.CallExpr, v *types.Var) bool {
	owners := map[types.Object]bool{v: true}
	ast.Inspect(f.body, func(n ast.Node) bool {
		if rs, ok := n.(*ast.RangeStmt); ok && rs.Value != nil {
			if id, ok := rs.Value.(*ast.Ident); ok && c.pass.TypesInfo.Defs[id] == v {
				if root := rootIdent(rs.X); root != nil {
					owners[c.pass.TypesInfo.Uses[root]] = true
				}
			}
		}
		return true
	})
	kept := false
	ast.Inspect(f.body, func(n ast.Node) bool {
		k, ok := n.(*ast.CallExpr)
		if !ok || kept || k.Pos() < call.End() || len(k.Args) != 1 ||
			callee.CallName(c.pass.TypesInfo, k) != "runtime.KeepAlive" {
			return !kept
		}
		if root := rootIdent(k.Args[0]); root != nil && owners[c.pass.TypesInfo.Uses[root]] {
			kept = true
		}
		return false
	})
	return kept
}

// rootIdent returns the variable at the root of x.f.g, x[i] or &x.
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.UnaryExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// printing are calls that only format a value, or compare or store it
// as a number (an atomic compare-and-swap of the old value).
var printing = map[string]bool{
	"sync/atomic.CompareAndSwapUintptr": true, "sync/atomic.StoreUintptr": true,
	"(*sync/atomic.Uintptr).CompareAndSwap": true, "(*sync/atomic.Uintptr).Store": true,
	"fmt.Sprintf": true, "fmt.Printf": true, "fmt.Println": true, "fmt.Sprint": true,
	"fmt.Errorf": true, "fmt.Fprintf": true, "log.Printf": true, "log.Println": true,
	"(*log.Logger).Printf": true,
}

// checkProducer reports WL3003: a raw handle made here is stored in a
// package-level variable, or captured by a goroutine, and closed by this
// function.
func (c *checker) checkProducer(f *fn, call *ast.CallExpr) {
	var lhs ast.Expr
	switch p := f.parents[call].(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) >= 1 {
			lhs = p.Lhs[0]
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) >= 1 {
			lhs = p.Names[0]
		}
	}
	if lhs == nil {
		return
	}
	if g := c.pkgVar(lhs); g != nil {
		if cl := c.closeOf(f, g); cl != nil {
			c.report(WL3003, lhs,
				"raw handle stored in package-level %s is closed by this function at line %d: other users of %s are left with a dead handle whose number may be reused; keep the handle local, or give it one owner that closes it",
				g.Name(), c.line(cl.Pos()), g.Name())
		}
		return
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return
	}
	h, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok {
		return
	}
	cl := c.closeOf(f, h)
	if cl == nil {
		return
	}
	// Stored in a global: g = h.
	ast.Inspect(f.body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) {
			return true
		}
		for i, r := range as.Rhs {
			if rid, ok := c.unconvert(r).(*ast.Ident); ok && c.pass.TypesInfo.Uses[rid] == h {
				if g := c.pkgVar(as.Lhs[i]); g != nil {
					c.report(WL3003, as,
						"raw handle %s is stored in package-level %s but closed by this function at line %d: other users of %s are left with a dead handle whose number may be reused; give the handle one owner",
						h.Name(), g.Name(), c.line(cl.Pos()), g.Name())
				}
			}
		}
		return true
	})
	// Captured by a goroutine.
	ast.Inspect(f.body, func(n ast.Node) bool {
		gs, ok := n.(*ast.GoStmt)
		if !ok || !c.mentions(gs, h) || c.closeOfIn(gs, h) != nil || cl.Pos() < gs.Pos() && !c.inDefer(f, cl) {
			return true
		}
		if c.waitsAfter(f, gs) {
			return true
		}
		c.report(WL3003, gs,
			"the goroutine uses raw handle %s while this function closes it at line %d without waiting for the goroutine: it may use a closed handle, or another file that reused the number; let the goroutine own and close %s, or wait for it before closing",
			h.Name(), c.line(cl.Pos()), h.Name())
		return true
	})
}

// closeOf returns a closer call of f (deferred or not) whose argument is v.
func (c *checker) closeOf(f *fn, v *types.Var) *ast.CallExpr {
	for _, call := range f.calls {
		name := callee.CallName(c.pass.TypesInfo, call)
		if !(closers[name] || isRelease(name)) || len(call.Args) == 0 {
			continue
		}
		if rid, ok := c.unconvert(call.Args[0]).(*ast.Ident); ok && c.pass.TypesInfo.Uses[rid] == v {
			return call
		}
		if g := c.pkgVar(call.Args[0]); g == v {
			return call
		}
	}
	return nil
}

// closeOfIn returns a closer call inside n whose argument is v.
func (c *checker) closeOfIn(n ast.Node, v *types.Var) *ast.CallExpr {
	var found *ast.CallExpr
	ast.Inspect(n, func(x ast.Node) bool {
		call, ok := x.(*ast.CallExpr)
		if !ok || found != nil {
			return found == nil
		}
		name := callee.CallName(c.pass.TypesInfo, call)
		if (closers[name] || isRelease(name)) && len(call.Args) > 0 {
			if rid, ok := c.unconvert(call.Args[0]).(*ast.Ident); ok && c.pass.TypesInfo.Uses[rid] == v {
				found = call
			}
		}
		return true
	})
	return found
}

// waitsAfter reports whether f may wait for the goroutine after gs: a
// channel receive, a select, or a Wait call textually after it.
func (c *checker) waitsAfter(f *fn, gs *ast.GoStmt) bool {
	found := false
	ast.Inspect(f.body, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if n.End() <= gs.End() {
			return false // entirely before (or the go statement itself)
		}
		if n.Pos() < gs.End() {
			return true // encloses the go statement: look inside
		}
		switch x := n.(type) {
		case *ast.UnaryExpr:
			if x.Op == token.ARROW {
				found = true
			}
		case *ast.SelectStmt, *ast.RangeStmt:
			if r, ok := x.(*ast.RangeStmt); !ok || isChan(c.pass.TypesInfo.TypeOf(r.X)) {
				found = true
			}
		case *ast.CallExpr:
			if fn := callee.Func(c.pass.TypesInfo, x); fn != nil && (fn.Name() == "Wait" || fn.Name() == "WaitForSingleObject" || fn.Name() == "WaitForMultipleObjects") {
				found = true
			}
		}
		return true
	})
	return found
}

func isChan(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

// isRelease reports whether name is a function (not a method) that
// releases its first argument.
func isRelease(name string) bool { return resource.IsRelease(name) && !isMethodName(name) }

// report reports a finding once per check and position.
func (c *checker) report(check *catalog.Check, n ast.Node, format string, args ...any) {
	key := check.ID + ":" + strconv.Itoa(int(n.Pos()))
	if c.reported[key] {
		return
	}
	c.reported[key] = true
	check.Report(c.pass, n, format, args...)
}

// printed reports whether the result of the Fd call only goes to a
// formatting call (fmt, log, t.Errorf…): the number is shown, not used.
func (c *checker) printed(f *fn, call *ast.CallExpr) bool {
	p, ok := f.parents[call].(*ast.CallExpr)
	if !ok {
		return false
	}
	if printing[callee.CallName(c.pass.TypesInfo, p)] {
		return true
	}
	fn := callee.Func(c.pass.TypesInfo, p)
	if fn == nil {
		return false
	}
	switch fn.Name() {
	case "Errorf", "Fatalf", "Logf", "Skipf", "Printf", "Sprintf", "Error", "Fatal", "Log", "Print", "Println", "Sprint":
		return true
	}
	return false
}

// asserted reports whether v is defined by a type assertion (f, ok :=
// x.(*os.File)): x, which someone else holds, keeps the file alive.
func (c *checker) asserted(v *types.Var, use *ast.Ident) bool {
	val, _, ok := c.values.Def(use)
	if !ok {
		return false
	}
	_, isAssert := ast.Unparen(val).(*ast.TypeAssertExpr)
	return isAssert
}
