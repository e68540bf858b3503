package resource

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/syntax"
)

// trueOnlyIfNonNil reports whether call returns true only when its
// argument errv is non-nil: a call of a function whose FuncFact lists the
// argument's parameter in TrueIfErr.
func (e *Engine) trueOnlyIfNonNil(call *ast.CallExpr, errv *types.Var) bool {
	fn := callee.Func(e.info, call)
	if fn == nil {
		return false
	}
	f := e.FuncFact(fn)
	if f == nil {
		return false
	}
	for _, i := range f.TrueIfErr {
		if i < len(call.Args) && e.isVar(call.Args[i], errv) {
			return true
		}
	}
	return false
}

// trueIfErr computes FuncFact.TrueIfErr for fn: for a function whose only
// result is a bool, the error parameters p, never assigned in the body,
// such that every return yields false, yields an expression true only for
// a non-nil p (p != nil && …, errors.Is(p, …)), or yields true where p is
// known non-nil: inside "if p != nil { … }", in the else of "if p == nil",
// or after "if p == nil { …; return false }" or "if p == nil { …;
// t.Fatal(…) }" earlier in an enclosing block.
func (e *Engine) trueIfErr(fn *Function) []int {
	sig, ok := fn.Obj.Type().(*types.Signature)
	if !ok || sig.Results().Len() != 1 {
		return nil
	}
	if b, ok := sig.Results().At(0).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
		return nil
	}
	var out []int
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if !types.Identical(p.Type(), types.Universe.Lookup("error").Type()) || fn.addressed[p] || e.assigned(fn.Body, p) {
			continue
		}
		if e.allReturnsImply(fn.Body, p) {
			out = append(out, i)
		}
	}
	return out
}

func (e *Engine) assigned(body *ast.BlockStmt, p *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok {
			for _, l := range as.Lhs {
				if e.isVar(l, p) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func (e *Engine) allReturnsImply(body *ast.BlockStmt, p *types.Var) bool {
	ok, any := true, false
	syntax.WithStack(body, func(n ast.Node, stack []ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit || !ok {
			return false
		}
		ret, isRet := n.(*ast.ReturnStmt)
		if !isRet {
			return true
		}
		any = true
		if len(ret.Results) != 1 {
			ok = false
			return false
		}
		r := ret.Results[0]
		switch {
		case e.isConstBool(r, false), e.impliesNonNil(r, p):
		case e.isConstBool(r, true) && e.guardedNonNil(ret, stack, p):
		default:
			ok = false
		}
		return false
	})
	return ok && any
}

func (e *Engine) isConstBool(x ast.Expr, want bool) bool {
	tv, ok := e.info.Types[x]
	return ok && tv.Value != nil && tv.Value.String() == map[bool]string{true: "true", false: "false"}[want]
}

// impliesNonNil reports whether x is true only when p is non-nil.
func (e *Engine) impliesNonNil(x ast.Expr, p *types.Var) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND:
			return e.impliesNonNil(x.X, p) || e.impliesNonNil(x.Y, p)
		case token.LOR:
			return e.impliesNonNil(x.X, p) && e.impliesNonNil(x.Y, p)
		case token.NEQ:
			return e.isVar(x.X, p) && e.isNil(x.Y) || e.isVar(x.Y, p) && e.isNil(x.X)
		}
	case *ast.CallExpr:
		if len(x.Args) > 0 && e.isVar(x.Args[0], p) {
			switch callee.CallName(e.info, x) {
			case "errors.Is", "errors.As", "os.IsNotExist", "os.IsExist", "os.IsPermission", "os.IsTimeout":
				return true
			}
		}
		return e.trueOnlyIfNonNil(x, p)
	}
	return false
}

// impliesNil reports whether x is true whenever p is nil (p == nil, or
// p == nil || …).
func (e *Engine) impliesNil(x ast.Expr, p *types.Var) bool {
	switch x := ast.Unparen(x).(type) {
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LOR:
			return e.impliesNil(x.X, p) || e.impliesNil(x.Y, p)
		case token.EQL:
			return e.isVar(x.X, p) && e.isNil(x.Y) || e.isVar(x.Y, p) && e.isNil(x.X)
		}
	}
	return false
}

// guardedNonNil reports whether p is non-nil where ret stands, given its
// ancestors (outermost first).
func (e *Engine) guardedNonNil(ret ast.Stmt, stack []ast.Node, p *types.Var) bool {
	child := ast.Node(ret)
	for i := len(stack) - 1; i >= 0; i-- {
		switch a := stack[i].(type) {
		case *ast.IfStmt:
			if child == a.Body && e.impliesNonNil(a.Cond, p) || child == a.Else && e.impliesNil(a.Cond, p) {
				return true
			}
		case *ast.BlockStmt:
			if e.nilExitsBefore(a.List, child, p) {
				return true
			}
		case *ast.CaseClause:
			if e.nilExitsBefore(a.Body, child, p) {
				return true
			}
		}
		child = stack[i]
	}
	return false
}

// nilExitsBefore reports whether a statement of list before child is
// "if p == nil { …; return false }" or "if p == nil { …; <call that never
// returns> }", without else.
func (e *Engine) nilExitsBefore(list []ast.Stmt, child ast.Node, p *types.Var) bool {
	for _, s := range list {
		if s == child {
			return false
		}
		ifs, ok := s.(*ast.IfStmt)
		if !ok || ifs.Else != nil || ifs.Init != nil || !e.impliesNil(ifs.Cond, p) || len(ifs.Body.List) == 0 {
			continue
		}
		switch last := ifs.Body.List[len(ifs.Body.List)-1].(type) {
		case *ast.ReturnStmt:
			if len(last.Results) == 1 && e.isConstBool(last.Results[0], false) {
				return true
			}
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(last.X).(*ast.CallExpr); ok && !e.MayReturn(call) {
				return true
			}
		}
	}
	return false
}
