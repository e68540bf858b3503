package filehandle

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/fixes"
	"github.com/winlint/winlint/internal/resource"
)

// checkLeak reports WL1001 (files) and WL1005 (Windows handles): a
// resource not released, and not escaping, on some path to a return.
func (c *checker) checkLeak(a *resource.Acquire) {
	if a.Fn.Once {
		return // run once per process: kept open for the process's lifetime on purpose
	}
	leaks := c.eng.Leaks(a)
	if len(leaks) == 0 {
		return
	}
	ret := leaks[0].Return
	where := fmt.Sprintf("the return at line %d", c.line(ret.Pos()))
	if ret.Results == nil && ret.Return == a.Fn.Body.End()-1 {
		where = fmt.Sprintf("the end of the function at line %d", c.line(ret.Pos()))
	}
	var related []analysis.RelatedInformation
	for _, l := range leaks {
		related = append(related, analysis.RelatedInformation{
			Pos:     l.Return.Pos(),
			End:     l.Return.Pos(),
			Message: fmt.Sprintf("%s is still open here", a.Var.Name()),
		})
	}
	rel := c.releaseText(a)
	var fixes []analysis.SuggestedFix
	if f := c.deferFix(a, rel); f != nil {
		fixes = append(fixes, *f)
	}
	check := WL1001
	var msg string
	if a.Spec.Class == resource.File {
		msg = fmt.Sprintf("%s is not closed on the path through %s; close it or defer %s", a.Var.Name(), where, orDefault(rel, a.Var.Name()+".Close()"))
	} else {
		check = WL1005
		how := rel
		if how == "" {
			how = fmt.Sprintf(a.Spec.Release, a.Var.Name())
		}
		msg = fmt.Sprintf("%s from %s is not released on the path through %s; defer %s", a.Var.Name(), c.what(a), where, how)
	}
	d := check.Diagnostic(a.Call, fixes, "%s", msg)
	d.Related = related
	c.pass.Report(d)
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// deferFix inserts "defer <release>" after the error check that follows
// the acquisition, when the resource is released nowhere, does not escape
// anywhere and is not acquired in a loop.
func (c *checker) deferFix(a *resource.Acquire, rel string) *analysis.SuggestedFix {
	if rel == "" || c.loopOf(a.Node, a.Fn.Node) != nil {
		return nil
	}
	clean := true
	c.eng.UsesOf(a.Fn, a.Var, func(n ast.Node, u resource.Use) {
		if n == a.Node {
			return
		}
		if u.Kind != resource.Borrow {
			clean = false
		}
	})
	if !clean {
		return nil
	}
	// The statement list holding the acquisition.
	stmt, ok := a.Node.(ast.Stmt)
	if !ok {
		return nil
	}
	var list []ast.Stmt
	for _, p := range c.enclosing(a.Node) {
		if b, ok := p.(*ast.BlockStmt); ok {
			list = b.List
			break
		}
		if cc, ok := p.(*ast.CaseClause); ok {
			list = cc.Body
			break
		}
	}
	idx := -1
	for i, s := range list {
		if s == stmt {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	after := stmt
	if a.Err != nil {
		if idx+1 >= len(list) {
			return nil
		}
		ifs, ok := list[idx+1].(*ast.IfStmt)
		if !ok || ifs.Init != nil || ifs.Else != nil || !c.isErrCheck(ifs.Cond, a) || !terminates(ifs.Body) {
			return nil
		}
		after = ifs
	}
	// The real column (a //line directive may leave the adjusted one
	// unknown); the fixer formats the inserted line anyway.
	col := max(c.pass.Fset.PositionFor(stmt.Pos(), false).Column, 1)
	text := "\n" + strings.Repeat("\t", col-1) + "defer " + rel
	// Insert at the end of the line, after any trailing comment.
	tf := c.pass.Fset.File(after.End())
	if tf == nil {
		return nil
	}
	at, ok := fixes.LineEnd(tf, after.End())
	if !ok {
		return nil
	}
	return &analysis.SuggestedFix{
		Message:   "defer " + rel,
		TextEdits: []analysis.TextEdit{{Pos: at, End: at, NewText: []byte(text)}},
	}
}

func (c *checker) isErrCheck(cond ast.Expr, a *resource.Acquire) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	id, ok := ast.Unparen(b.X).(*ast.Ident)
	if !ok || c.eng.Var(id) != a.Err {
		return false
	}
	tv, ok := c.pass.TypesInfo.Types[b.Y]
	return ok && tv.IsNil()
}

// terminates reports whether a block ends in a return, a branch or a
// panic-like call.
func terminates(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		_, ok := s.X.(*ast.CallExpr)
		return ok && false
	}
	return false
}
