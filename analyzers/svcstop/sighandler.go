package svcstop

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/winlint/winlint/internal/callee"
)

// harmlessHandler reports whether the signals of nt are only ignored or
// logged: the channel is a local variable that is never read (Notify used
// to keep a hangup from killing the program), or every receive from it
// runs a handler that only logs, continues or does nothing. A signal that
// never arrives on Windows then loses nothing.
func (c *checker) harmlessHandler(nt *notify, sig types.Object) bool {
	if len(nt.call.Args) == 0 {
		return false
	}
	ch := c.localVar(nt.fn, nt.call.Args[0])
	if ch == nil {
		return false
	}
	info := c.pass.TypesInfo
	ok := true
	var stack []ast.Node
	ast.Inspect(nt.fn.Body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return false
		}
		defer func() { stack = append(stack, n) }()
		id, isID := n.(*ast.Ident)
		if !isID || info.Uses[id] != ch || !ok {
			return true
		}
		if len(stack) == 0 {
			ok = false
			return true
		}
		switch p := stack[len(stack)-1].(type) {
		case *ast.CallExpr:
			// signal.Notify(ch, …), signal.Stop(ch), close(ch)
			switch c.calleeName(p) {
			case "os/signal.Notify", "os/signal.Stop", "os/signal.Reset":
				return true
			}
			if fid, isF := ast.Unparen(p.Fun).(*ast.Ident); isF && fid.Name == "close" {
				return true
			}
			ok = false
		case *ast.RangeStmt:
			if p.X == id {
				ok = c.handlerIgnores(p.Body.List, sig)
			} else {
				ok = false
			}
		case *ast.UnaryExpr:
			if p.Op != token.ARROW {
				ok = false
				return true
			}
			ok = c.trivialReceive(p, stack[:len(stack)-1], sig)
		default:
			ok = false
		}
		return true
	})
	return ok
}

// trivialReceive: the receive <-ch whose ancestors are above is a select
// case with a trivial body, or a statement followed by trivial ones.
func (c *checker) trivialReceive(recv *ast.UnaryExpr, above []ast.Node, sig types.Object) bool {
	for i := len(above) - 1; i >= 0; i-- {
		switch p := above[i].(type) {
		case *ast.CommClause:
			return c.handlerIgnores(p.Body, sig)
		case *ast.ExprStmt, *ast.AssignStmt:
			if i == 0 {
				return false
			}
			if cc, ok := above[i-1].(*ast.CommClause); ok && cc.Comm == p {
				return c.handlerIgnores(cc.Body, sig)
			}
			var list []ast.Stmt
			switch b := above[i-1].(type) {
			case *ast.BlockStmt:
				list = b.List
			case *ast.CaseClause:
				list = b.Body
			default:
				return false
			}
			for j, s := range list {
				if s == p {
					return c.handlerIgnores(list[j+1:], sig) && c.loopsOrEnds(above[:i-1])
				}
			}
			return false
		case *ast.ParenExpr:
			continue
		default:
			return false
		}
	}
	return false
}

// loopsOrEnds: the statements after a receive are the rest of a for
// body (the handler goes round again) — the caller checked them.
func (c *checker) loopsOrEnds(above []ast.Node) bool {
	for i := len(above) - 1; i >= 0; i-- {
		switch above[i].(type) {
		case *ast.ForStmt:
			return true
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		}
	}
	return false
}

// handlerIgnores reports whether the handler stmts only log or ignore the
// signal sig: all of it is trivial, or it starts with a switch (or an if)
// on the received signal whose branch for sig is trivial.
func (c *checker) handlerIgnores(stmts []ast.Stmt, sig types.Object) bool {
	if c.trivialBlock(stmts) {
		return true
	}
	if sig == nil || len(stmts) == 0 {
		return false
	}
	switch s := stmts[0].(type) {
	case *ast.SwitchStmt:
		if s.Tag == nil {
			return false
		}
		for _, st := range s.Body.List {
			cc := st.(*ast.CaseClause)
			for _, e := range cc.List {
				if c.signalConst(e) == sig {
					return c.trivialBlock(cc.Body)
				}
			}
		}
	case *ast.IfStmt:
		b, ok := ast.Unparen(s.Cond).(*ast.BinaryExpr)
		if !ok || b.Op != token.EQL || s.Init != nil {
			return false
		}
		if c.signalConst(b.X) != sig && c.signalConst(b.Y) != sig {
			return false
		}
		body := s.Body.List
		if !c.trivialBlock(body) {
			return false
		}
		if n := len(body); n > 0 {
			if br, ok := body[n-1].(*ast.BranchStmt); ok && br.Tok == token.CONTINUE {
				return true
			}
		}
		return c.trivialBlock(stmts[1:])
	}
	return false
}

// trivialBlock reports whether stmts only log, continue or do nothing.
func (c *checker) trivialBlock(stmts []ast.Stmt) bool {
	for _, s := range stmts {
		switch s := s.(type) {
		case *ast.EmptyStmt:
		case *ast.BranchStmt:
			if s.Tok != token.CONTINUE {
				return false
			}
		case *ast.ExprStmt:
			call, ok := ast.Unparen(s.X).(*ast.CallExpr)
			if !ok || !c.isLogCall(call) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// isLogCall: fmt.Print*, fmt.Fprint*, log.Print*, (*log.Logger).Print*,
// log/slog's Info/Debug/Warn, and methods named like a logger's.
func (c *checker) isLogCall(call *ast.CallExpr) bool {
	fn := callee.Func(c.pass.TypesInfo, call)
	if fn == nil {
		return false
	}
	name := fn.Name()
	pkg := ""
	if fn.Pkg() != nil {
		pkg = callee.PkgPath(fn.Pkg())
	}
	switch pkg {
	case "fmt":
		return strings.HasPrefix(name, "Print") || strings.HasPrefix(name, "Fprint")
	case "log", "log/slog":
		return strings.HasPrefix(name, "Print") || name == "Info" || name == "Debug" || name == "Warn" || name == "Error"
	}
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() != nil && (sig.Results().Len() == 0 ||
		sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type())) {
		switch strings.TrimSuffix(strings.TrimSuffix(name, "f"), "ln") {
		case "Print", "Info", "Debug", "Warn", "Warning", "Log", "Trace", "Notice":
			return true
		}
	}
	return false
}

// localVar returns the local variable of fd that e names, or nil.
func (c *checker) localVar(fd *ast.FuncDecl, e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
	if v == nil || v.Pos() < fd.Pos() || v.Pos() >= fd.End() {
		return nil
	}
	return v
}
