package process

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/winlint/winlint/internal/callee"
	fixtext "github.com/winlint/winlint/internal/fixes"
)

// signalName returns the name of a signal Windows cannot send: os.Interrupt
// or a syscall.Signal constant other than SIGKILL.
func signalName(info *types.Info, e ast.Expr) (string, bool) {
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	default:
		return "", false
	}
	switch obj := info.Uses[id].(type) {
	case *types.Var:
		if obj.Pkg() != nil && obj.Pkg().Path() == "os" && obj.Name() == "Interrupt" {
			return "os.Interrupt", true
		}
	case *types.Const:
		if obj.Pkg() != nil && obj.Pkg().Path() == "syscall" && obj.Name() != "SIGKILL" &&
			callee.IsNamedType(obj.Type(), "syscall", "Signal") {
			return "syscall." + obj.Name(), true
		}
	}
	return "", false
}

// checkSignal reports WL8003 for Process.Signal with a signal other than
// Kill whose failure on Windows goes unnoticed.
func (c *checker) checkSignal(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 1 || c.isTestFile(call) {
		return
	}
	sig, ok := signalName(c.pass.TypesInfo, call.Args[0])
	if !ok || c.inCancelFunc(cur) {
		return
	}
	if c.guard.ExcludesWindows(cur) || c.facts(cur).kill {
		return
	}
	sel, _ := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if dropped(cur) {
		var fixes []analysis.SuggestedFix
		if stmt, ok := cur.Parent().Node().(*ast.ExprStmt); ok && sel != nil && pure(sel.X) {
			// The source text of the call and receiver (types.ExprString
			// abbreviates literals and drops comments), indented by the
			// real column (a //line directive may hide it); winlint's
			// fix code formats the lines.
			recv, ok1 := fixtext.Text(c.pass, sel.X)
			callText, ok2 := fixtext.Text(c.pass, call)
			if ok1 && ok2 {
				indent := strings.Repeat("\t", max(c.pass.Fset.PositionFor(stmt.Pos(), false).Column-1, 0))
				text := "if err := " + callText + "; err != nil {\n" + indent + "\t" + fixtext.Paren(sel.X, recv) + ".Kill()\n" + indent + "}"
				fixes = []analysis.SuggestedFix{{
					Message:   "kill the process when the signal cannot be sent",
					TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)}},
				}}
			}
		}
		WL8003.ReportFix(c.pass, call, fixes, "%s(%s) always fails on Windows (only os.Kill can be sent) and its error is dropped: the process keeps running; fall back to Kill when Signal fails", types.ExprString(call.Fun), sig)
		return
	}
	if c.errorEndsOrKills(cur) {
		return
	}
	if w := c.waitAfter(cur, call); w != nil {
		WL8003.Report(c.pass, call, "%s(%s) always fails on Windows (only os.Kill can be sent), and the Wait at line %d then blocks until the process exits on its own; fall back to Kill when Signal fails", types.ExprString(call.Fun), sig, c.pass.Fset.Position(w.Pos()).Line)
	}
}

// pure reports whether e can be evaluated twice: a chain of identifiers
// and field selections.
func pure(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return pure(x.X)
	}
	return false
}

// errorEndsOrKills reports whether the error of the Signal call is
// returned or tested in an if whose branch returns, stops the program or
// kills the process.
func (c *checker) errorEndsOrKills(cur inspector.Cursor) bool {
	if c.errorEnds(cur) {
		return true
	}
	// A test of the call itself: if p.Signal(sig) != nil { ... }.
	if b, ok := cur.Parent().Node().(*ast.BinaryExpr); ok && b.Op == token.NEQ {
		if ifs, ok := cur.Parent().Parent().Node().(*ast.IfStmt); ok && ifs.Cond == b {
			n := len(ifs.Body.List)
			return n > 0 && c.ends(ifs.Body.List[n-1])
		}
	}
	return false
}

// waitAfter returns the first call of (*os.Process).Wait or (*exec.Cmd).Wait
// after call in the same function body (not in a function literal that
// may run it under a timeout).
func (c *checker) waitAfter(cur inspector.Cursor, call *ast.CallExpr) *ast.CallExpr {
	var body *ast.BlockStmt
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch f := f.Node().(type) {
		case *ast.FuncDecl:
			body = f.Body
		case *ast.FuncLit:
			body = f.Body
		}
		break
	}
	if body == nil {
		return nil
	}
	var wait *ast.CallExpr
	ast.Inspect(body, func(n ast.Node) bool {
		if wait != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if n.Pos() > call.End() && callee.IsOneOf(c.pass.TypesInfo, n, "(*os.Process).Wait", "(*os/exec.Cmd).Wait") {
				wait = n
			}
		}
		return true
	})
	return wait
}

// inCancelFunc reports whether the call is in a function literal assigned
// to exec.Cmd.Cancel: checkCancel reports those.
func (c *checker) inCancelFunc(cur inspector.Cursor) bool {
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		switch p := lit.Parent().Node().(type) {
		case *ast.AssignStmt:
			for _, l := range p.Lhs {
				if sel, ok := l.(*ast.SelectorExpr); ok && isField(c.pass.TypesInfo, sel.Sel, "os/exec", "Cancel") {
					return true
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := p.Key.(*ast.Ident); ok && isField(c.pass.TypesInfo, id, "os/exec", "Cancel") {
				return true
			}
		}
		return false
	}
	return false
}

func (c *checker) checkCancelAssign(cur inspector.Cursor, as *ast.AssignStmt) {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return
	}
	sel, ok := as.Lhs[0].(*ast.SelectorExpr)
	if !ok || !isField(c.pass.TypesInfo, sel.Sel, "os/exec", "Cancel") {
		return
	}
	c.checkCancel(cur, as.Rhs[0])
}

func (c *checker) checkCancelField(cur inspector.Cursor, kv *ast.KeyValueExpr) {
	id, ok := kv.Key.(*ast.Ident)
	if !ok || !isField(c.pass.TypesInfo, id, "os/exec", "Cancel") {
		return
	}
	c.checkCancel(cur, kv.Value)
}

// checkCancel reports WL8003 for a Cancel function that only sends a
// signal Windows cannot send, when WaitDelay is not set.
func (c *checker) checkCancel(cur inspector.Cursor, fn ast.Expr) {
	lit, ok := ast.Unparen(fn).(*ast.FuncLit)
	if !ok || c.isTestFile(lit) {
		return
	}
	var signal *ast.CallExpr
	sig := ""
	kills := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		switch callee.CallName(c.pass.TypesInfo, call) {
		case "(*os.Process).Kill":
			kills = true
		case "(*os.Process).Signal":
			if len(call.Args) == 1 {
				if isKill(c.pass.TypesInfo, call.Args[0]) {
					kills = true
				} else if s, ok := signalName(c.pass.TypesInfo, call.Args[0]); ok && signal == nil {
					signal, sig = call, s
				}
			}
		}
		return true
	})
	if signal == nil || kills || c.facts(cur).waitDelay {
		return
	}
	if sc, ok := cur.FindNode(signal); ok && c.guard.ExcludesWindows(sc) {
		return
	}
	if c.guard.ExcludesWindows(cur) {
		return
	}
	WL8003.Report(c.pass, signal, "Cancel sends %s, which fails on Windows (only os.Kill can be sent), and WaitDelay is not set: the child outlives its context; set WaitDelay so that Wait kills it, or fall back to Kill", sig)
}
