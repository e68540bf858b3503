package process

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
)

// usesUid reports whether the package refers to Getuid or Geteuid at all
// (computed once).
func (c *checker) usesUid() bool {
	if c.hasUid == 0 {
		c.hasUid = -1
		for _, obj := range c.pass.TypesInfo.Uses {
			if fn, ok := obj.(*types.Func); ok && (fn.Name() == "Getuid" || fn.Name() == "Geteuid") && fn.Pkg() != nil &&
				(fn.Pkg().Path() == "os" || fn.Pkg().Path() == "syscall") {
				c.hasUid = 1
				break
			}
		}
	}
	return c.hasUid > 0
}

// uidCall returns the name of the Getuid-like call e is (or the variable
// assigned once from one).
func (c *checker) uidCall(e ast.Expr) (string, bool) {
	if v, ok := c.vals().Single(e); ok {
		e = v
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return "", false
	}
	switch name := callee.CallName(c.pass.TypesInfo, call); name {
	case "os.Getuid", "os.Geteuid", "syscall.Getuid", "syscall.Geteuid":
		return name + "()", true
	}
	return "", false
}

// checkUidCompare reports WL8004: Getuid() == 0 as a root test.
func (c *checker) checkUidCompare(cur inspector.Cursor, b *ast.BinaryExpr) {
	if b.Op != token.EQL && b.Op != token.NEQ {
		return
	}
	if !c.usesUid() {
		return
	}
	// One side is 0; the other a call of Getuid/Geteuid or a variable.
	zero := func(e ast.Expr) bool { n, ok := fold.ConstInt(c.pass.TypesInfo, e); return ok && n == 0 }
	if !zero(b.X) && !zero(b.Y) {
		return
	}
	name, ok := c.uidCall(b.X)
	other := b.Y
	if !ok {
		name, ok = c.uidCall(b.Y)
		other = b.X
	}
	if !ok {
		return
	}
	if n, ok := fold.ConstInt(c.pass.TypesInfo, other); !ok || n != 0 || c.isTestFile(b) {
		return
	}
	if c.guard.ExcludesWindows(cur) || c.decidedElsewhere(cur) || !c.refusesNonRoot(cur, b) {
		return
	}
	WL8004.Report(c.pass, b, "%s is always -1 on Windows, so this root test refuses every user there, administrators included; check runtime.GOOS and, on Windows, ask the process token (windows.GetCurrentProcessToken().IsElevated()) or skip the check", name)
}

// refusesNonRoot reports whether the comparison is the condition of an if
// whose non-root branch (the body for !=, the else for ==) refuses: it
// ends in an error return, os.Exit, log.Fatal or panic. Root tests that
// merely choose what to do (skip a chown, drop privileges) do the right
// thing on Windows and are not reported.
func (c *checker) refusesNonRoot(cur inspector.Cursor, b *ast.BinaryExpr) bool {
	// Up through parentheses and && / || to the if's condition.
	var cond ast.Node = b
	p := cur.Parent()
	for {
		if x, ok := p.Node().(*ast.ParenExpr); ok {
			cond, p = x, p.Parent()
			continue
		}
		if x, ok := p.Node().(*ast.BinaryExpr); ok && (x.Op == token.LAND || x.Op == token.LOR) {
			cond, p = x, p.Parent()
			continue
		}
		break
	}
	ifs, ok := p.Node().(*ast.IfStmt)
	if !ok || ifs.Cond != cond {
		return false
	}
	var branch *ast.BlockStmt
	if b.Op == token.NEQ {
		branch = ifs.Body
	} else if e, ok := ifs.Else.(*ast.BlockStmt); ok {
		branch = e
	}
	if branch == nil || len(branch.List) == 0 {
		return false
	}
	last := branch.List[len(branch.List)-1]
	if ret, ok := last.(*ast.ReturnStmt); ok {
		if len(ret.Results) == 0 {
			return false
		}
		r := ret.Results[len(ret.Results)-1]
		if id, ok := ast.Unparen(r).(*ast.Ident); ok && id.Name == "nil" {
			return false
		}
		t := c.pass.TypesInfo.TypeOf(r)
		return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
	}
	if _, ok := last.(*ast.ReturnStmt); !ok && c.ends(last) {
		return true
	}
	return false
}

// decidedElsewhere reports whether the comparison is an operand of && or
// || whose other operand decides the result on Windows
// (`runtime.GOOS != "windows" && os.Getuid() == 0`).
func (c *checker) decidedElsewhere(cur inspector.Cursor) bool {
	for p := cur.Parent(); p.Valid(); p = p.Parent() {
		switch b := p.Node().(type) {
		case *ast.ParenExpr:
			continue
		case *ast.BinaryExpr:
			if b.Op != token.LAND && b.Op != token.LOR {
				return false
			}
			other := b.X
			if cur.Node().Pos() < b.Y.Pos() {
				other = b.Y
			}
			v, ok := c.guard.Cond(other, "windows")
			if ok && (b.Op == token.LAND && !v || b.Op == token.LOR && v) {
				return true
			}
			cur = p
			continue
		}
		return false
	}
	return false
}

// checkAtoiUid reports WL8004: strconv.Atoi(u.Uid) on an os/user value.
func (c *checker) checkAtoiUid(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) == 0 || c.isTestFile(call) {
		return
	}
	arg := call.Args[0]
	if v, ok := c.vals().Single(arg); ok {
		arg = v
	}
	sel, ok := ast.Unparen(arg).(*ast.SelectorExpr)
	if !ok {
		return
	}
	v, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Var)
	if !ok || !v.IsField() || v.Pkg() == nil || v.Pkg().Path() != "os/user" || (v.Name() != "Uid" && v.Name() != "Gid") {
		return
	}
	if c.guard.ExcludesWindows(cur) {
		return
	}
	WL8004.Report(c.pass, call, "%s is a SID string (S-1-5-21-…) on Windows, not a number: %s always fails there; keep it as a string, or parse it only when runtime.GOOS is not windows", types.ExprString(call.Args[0]), callee.Name(callee.Func(c.pass.TypesInfo, call))[len("strconv."):])
}

// checkChown reports WL8004: a Chown whose error ends the operation.
func (c *checker) checkChown(cur inspector.Cursor, call *ast.CallExpr) {
	if c.isTestFile(call) || !c.errorEnds(cur) || c.guard.ExcludesWindows(cur) {
		return
	}
	WL8004.Report(c.pass, call, "%s always fails on Windows (not supported by windows), and its error here ends the operation; skip it when runtime.GOOS is windows or ignore its error there", types.ExprString(call.Fun))
}
