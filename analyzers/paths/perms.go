package paths

import (
	"go/ast"
	"go/token"

	"github.com/winlint/winlint/internal/callee"
)

// checkPermTest reports WL7005: a comparison that tests the permission
// bits of an OS file's mode against bits Windows never reports.
func (c *checker) checkPermTest(b *ast.BinaryExpr, stack []ast.Node) {
	switch b.Op {
	case token.EQL, token.NEQ, token.LSS, token.GTR, token.LEQ, token.GEQ:
	default:
		return
	}
	x, d, ok := c.constSide(b)
	if !ok {
		return
	}
	x = ast.Unparen(x)
	if m, ok := x.(*ast.BinaryExpr); ok && (m.Op == token.AND || m.Op == token.AND_NOT) {
		mode, mask, ok := c.constSide(m)
		if !ok || !c.isOSMode(mode) {
			return
		}
		if mask&0o777 == 0 || d&^0o777 != 0 {
			return // type bits (ModeSymlink, ModeDir)
		}
		bits := mask & 0o777
		if m.Op == token.AND_NOT {
			if mode != m.X {
				return // C &^ mode
			}
			bits = 0o777 &^ mask
		}
		c.maskTest(b, bits, d, stack)
		return
	}
	if !c.isOSMode(x) || d&^0o777 != 0 {
		return
	}
	switch b.Op {
	case token.EQL, token.NEQ:
		switch d {
		case 0o666, 0o444, 0o777, 0o555:
			return
		}
		c.report(WL7005, b, nil,
			"%s compares a file's permissions with 0o%o, but Windows reports only 0o666 (0o444 when read-only) for files, so this is %v there; skip the test on Windows",
			c.render(x), d, b.Op == token.NEQ)
	default:
		if d == 0 || d&0o077 != 0 || d >= 0o666 {
			return
		}
		c.report(WL7005, b, nil,
			"%s orders a file's permissions against 0o%o, but Windows reports 0o666 (0o444 when read-only) for files; skip the test on Windows",
			c.render(x), d)
	}
}

// maskTest reports a test of mode&bits against d.
func (c *checker) maskTest(b *ast.BinaryExpr, bits, d int64, stack []ast.Node) {
	if d != 0 && d != bits {
		// mode&0o777 == 0o600: a value Windows never has.
		if b.Op != token.EQL && b.Op != token.NEQ {
			return
		}
		if d == 0o666&bits || d == 0o444&bits || d == 0o777&bits || d == 0o555&bits {
			return
		}
		c.report(WL7005, b, nil,
			"%s compares a file's permission bits with 0o%o, but Windows reports only 0o666 (0o444 when read-only) for files; skip the test on Windows", c.render(b), d)
		return
	}
	switch {
	case bits == 0:
		return
	case bits&0o666 == 0:
		if c.dirContext(b, stack) {
			return
		}
		c.report(WL7005, b, nil,
			"%s tests the execute bits (0o%o) of a file's mode, but Windows files have none (0o666 or 0o444), so no file is executable this way; on Windows decide by the extension (.exe, %%PATHEXT%%)", c.render(b), bits)
	case bits&0o077 != 0 && bits&0o600 == 0:
		// Group/other bits only (0o077, 0o022, &^0o600): a "too open"
		// test. A mask with the owner's read or write bits (0o444,
		// 0o777) asks whether anyone may read or write, which Windows
		// answers like Unix.
		c.report(WL7005, b, nil,
			"%s tests group/other permission bits (0o%o), but Windows reports every file as 0o666 (0o444 when read-only), so the bits always look set; skip the test on Windows (the ACL decides access there)", c.render(b), bits)
	}
}

// constSide splits a binary expression into its non-constant side and the
// integer value of its constant side.
func (c *checker) constSide(b *ast.BinaryExpr) (ast.Expr, int64, bool) {
	if tv, ok := c.pass.TypesInfo.Types[b.Y]; ok && tv.Value != nil {
		if n, ok := constInt(tv); ok {
			return b.X, n, true
		}
	}
	if tv, ok := c.pass.TypesInfo.Types[b.X]; ok && tv.Value != nil {
		if n, ok := constInt(tv); ok {
			return b.Y, n, true
		}
	}
	return nil, 0, false
}

// isOSMode reports whether e is a FileMode describing a file of the OS
// file system.
func (c *checker) isOSMode(e ast.Expr) bool {
	if !callee.IsNamedType(c.pass.TypesInfo.TypeOf(e), "io/fs", "FileMode") {
		return false
	}
	return c.prov.Of(e).IsOSFile()
}

// dirContext reports whether b only runs for a directory: it follows
// x.IsDir() && …, sits in the body of if x.IsDir() {…}, or follows
// if !x.IsDir() { return } in its block.
func (c *checker) dirContext(b ast.Node, stack []ast.Node) bool {
	child := b
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.BinaryExpr:
			if p.Op == token.LAND && p.Y == child && c.testsIsDir(p.X, false) {
				return true
			}
		case *ast.IfStmt:
			if p.Body == child && c.testsIsDir(p.Cond, false) {
				return true
			}
		case *ast.BlockStmt:
			for _, s := range p.List {
				if s == child {
					break
				}
				if ifs, ok := s.(*ast.IfStmt); ok && c.testsIsDir(ifs.Cond, true) && endsFlow(ifs.Body) {
					return true
				}
			}
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
		child = stack[i]
	}
	return false
}

// testsIsDir reports whether cond implies x.IsDir() (or, if neg, whether
// cond being false implies it).
func (c *checker) testsIsDir(cond ast.Expr, neg bool) bool {
	cond = ast.Unparen(cond)
	// x.IsDir() && … holds only for directories; so does the code after
	// if … || !x.IsDir() { return }.
	if b, ok := cond.(*ast.BinaryExpr); ok && (b.Op == token.LAND && !neg || b.Op == token.LOR && neg) {
		return c.testsIsDir(b.X, neg) || c.testsIsDir(b.Y, neg)
	}
	if neg {
		u, ok := cond.(*ast.UnaryExpr)
		if !ok || u.Op != token.NOT {
			return false
		}
		cond = ast.Unparen(u.X)
	}
	call, ok := cond.(*ast.CallExpr)
	if !ok {
		return false
	}
	switch callee.CallName(c.pass.TypesInfo, call) {
	case "(io/fs.FileInfo).IsDir", "(io/fs.FileMode).IsDir", "(io/fs.DirEntry).IsDir":
		return true
	}
	return false
}

// endsFlow reports whether block ends with return, continue, break or
// goto.
func endsFlow(block *ast.BlockStmt) bool {
	if len(block.List) == 0 {
		return false
	}
	switch block.List[len(block.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	}
	return false
}
