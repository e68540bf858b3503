package resource

import (
	"go/ast"
	"go/types"
)

// summarize computes fn's FuncFact: which parameters it releases or only
// borrows, and whether it returns a fresh resource.
func (e *Engine) summarize(fn *Function) {
	sig, ok := fn.Obj.Type().(*types.Signature)
	if !ok {
		return
	}
	f := e.localFact(fn.Obj)
	f.Closes, f.Borrows = nil, nil
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if fn.addressed[p] || sig.Variadic() && i == sig.Params().Len()-1 {
			continue
		}
		t := p.Type()
		_, iface := t.Underlying().(*types.Interface)
		res := IsResourceType(t)
		uptr := false
		if b, ok := t.Underlying().(*types.Basic); ok && b.Kind() == types.Uintptr {
			uptr = true
		}
		if !iface && !res && !uptr {
			continue
		}
		released, escaped, used := false, false, false
		e.UsesOf(fn, p, func(n ast.Node, u Use) {
			used = true
			switch u.Kind {
			case Release:
				released = true
			case Escape, Overwrite:
				escaped = true
			}
		})
		switch {
		case escaped:
		case released:
			f.Closes = append(f.Closes, i)
		case used && (iface || res):
			f.Borrows = append(f.Borrows, i)
		}
	}
	f.Fresh, f.FreshResult = "", 0
	for i := 0; i < sig.Results().Len(); i++ {
		if !IsResourceType(sig.Results().At(i).Type()) {
			continue
		}
		if base := e.freshResult(fn, sig, i); base != "" {
			f.Fresh, f.FreshResult = base, i
			break
		}
	}
}

// freshResult returns the table name of the resource fn always returns,
// freshly acquired, as result i (or nil), or "".
func (e *Engine) freshResult(fn *Function, sig *types.Signature, i int) string {
	base := ""
	nonNil := false
	ok := true
	acq := make(map[*types.Var]*Acquire)
	for _, a := range e.Acquires(fn) {
		if _, dup := acq[a.Var]; dup {
			acq[a.Var] = nil // acquired twice: too clever
			continue
		}
		acq[a.Var] = a
	}
	agree := func(b string) {
		if base == "" {
			base = b
		} else if base != b {
			ok = false
		}
		nonNil = true
	}
	inspectOwn(fn.Body, func(n ast.Node) {
		ret, isRet := n.(*ast.ReturnStmt)
		if !isRet || !ok {
			return
		}
		if len(ret.Results) == 0 {
			ok = false
			return
		}
		if len(ret.Results) == 1 && sig.Results().Len() > 1 {
			call, isCall := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
			if !isCall {
				ok = false
				return
			}
			if s := e.spec(call); s != nil && s.Result == i {
				agree(s.Base)
				return
			}
			ok = false
			return
		}
		if i >= len(ret.Results) {
			ok = false
			return
		}
		x := ast.Unparen(ret.Results[i])
		if e.isNilOrConst(x) {
			return
		}
		switch x := x.(type) {
		case *ast.CallExpr:
			if s := e.spec(x); s != nil && s.Result == 0 && s.Err < 0 {
				agree(s.Base)
				return
			}
		case *ast.Ident:
			v, _ := e.objOf(x).(*types.Var)
			if a := acq[v]; v != nil && a != nil && e.onlyReturned(fn, a) {
				agree(a.Spec.Base)
				return
			}
		}
		ok = false
	})
	if !ok || !nonNil {
		return ""
	}
	return base
}

// onlyReturned reports whether the resource of a is, apart from being
// acquired and borrowed, only returned or released on error paths.
func (e *Engine) onlyReturned(fn *Function, a *Acquire) bool {
	good := true
	e.UsesOf(fn, a.Var, func(n ast.Node, u Use) {
		if n == a.Node {
			return
		}
		if _, ok := n.(*ast.ReturnStmt); ok {
			return
		}
		switch u.Kind {
		case Borrow:
		case Release:
			// "defer f.Close()" closes what the function returns: the
			// caller gets a closed file, not a fresh one. (A deferred
			// closure that closes on error only is fine.)
			if d, ok := n.(*ast.DeferStmt); ok && d.Call == u.Call {
				good = false
			}
		default:
			good = false
		}
	})
	return good
}

// inspectOwn calls f for every node of body outside nested function
// literals.
func inspectOwn(body *ast.BlockStmt, f func(ast.Node)) {
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		f(n)
		return true
	})
}
