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
	if c.guard.ExcludesWindows(cur) || c.parsedForChown(cur, call) {
		return
	}
	WL8004.Report(c.pass, call, "%s is a SID string (S-1-5-21-…) on Windows, not a number: %s always fails there; keep it as a string, or parse it only when runtime.GOOS is not windows", types.ExprString(call.Args[0]), callee.Name(callee.Func(c.pass.TypesInfo, call))[len("strconv."):])
}

// checkChown reports WL8004: a Chown whose error ends the operation.
func (c *checker) checkChown(cur inspector.Cursor, call *ast.CallExpr) {
	if c.isTestFile(call) || !c.errorEnds(cur) || c.guard.ExcludesWindows(cur) || c.ownerFromCaller(cur, call) {
		return
	}
	WL8004.Report(c.pass, call, "%s always fails on Windows (not supported by windows), and its error here ends the operation; skip it when runtime.GOOS is windows or ignore its error there", types.ExprString(call.Fun))
}

// isChown reports whether name is one of the Chown functions WL8004 reads.
func isChown(name string) bool {
	switch name {
	case "os.Chown", "os.Lchown", "(*os.File).Chown", "syscall.Chown", "syscall.Lchown", "syscall.Fchown":
		return true
	}
	return false
}

// enclosingFunc returns the innermost function (declaration or literal)
// around cur: its parameters and body.
func enclosingFunc(cur inspector.Cursor) (*ast.FuncType, *ast.BlockStmt) {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch f := f.Node().(type) {
		case *ast.FuncDecl:
			return f.Type, f.Body
		case *ast.FuncLit:
			return f.Type, f.Body
		}
	}
	return nil, nil
}

// ownerFromCaller reports whether the owner a Chown call sets is the one
// the enclosing function's caller asked for: its uid and gid are
// parameters (or -1), possibly parsed with strconv or looked up with
// os/user. Such a function is an ownership primitive (an afero-style
// file-system method, setGroupWritable(path, group)); changing the owner
// is the operation its caller requested, and returning the error is its
// contract. Whether to ask on Windows is the caller's decision.
func (c *checker) ownerFromCaller(cur inspector.Cursor, call *ast.CallExpr) bool {
	if len(call.Args) < 2 {
		return false
	}
	ftype, body := enclosingFunc(cur)
	if ftype == nil || body == nil {
		return false
	}
	params := make(map[types.Object]bool)
	for _, f := range ftype.Params.List {
		for _, n := range f.Names {
			if obj := c.pass.TypesInfo.Defs[n]; obj != nil {
				params[obj] = true
			}
		}
	}
	if len(params) == 0 {
		return false
	}
	if c.underCallerFlag(cur, params) {
		return true
	}
	uid, gid := call.Args[len(call.Args)-2], call.Args[len(call.Args)-1]
	minusOne := func(e ast.Expr) bool { n, ok := fold.ConstInt(c.pass.TypesInfo, e); return ok && n == -1 }
	fromCaller := func(e ast.Expr) bool { return c.callerValue(e, params, body, 0) }
	switch {
	case minusOne(uid) && minusOne(gid):
		return false
	case minusOne(uid):
		return fromCaller(gid)
	case minusOne(gid):
		return fromCaller(uid)
	}
	return fromCaller(uid) && fromCaller(gid)
}

// underCallerFlag reports whether cur is in the body of an if, inside its
// function, whose condition (or a conjunct of it) is a bool parameter of
// that function or its negation: `if !noSameOwner { Lchown }` in
// containerd's createTarFile. The caller chooses whether owners change.
func (c *checker) underCallerFlag(cur inspector.Cursor, params map[types.Object]bool) bool {
	var flag func(e ast.Expr) bool
	flag = func(e ast.Expr) bool {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			obj := c.pass.TypesInfo.Uses[x]
			if obj == nil || !params[obj] {
				return false
			}
			b, ok := obj.Type().Underlying().(*types.Basic)
			return ok && b.Kind() == types.Bool
		case *ast.UnaryExpr:
			return x.Op == token.NOT && flag(x.X)
		case *ast.BinaryExpr:
			return x.Op == token.LAND && (flag(x.X) || flag(x.Y))
		}
		return false
	}
	child := cur
	for p := cur.Parent(); p.Valid(); child, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.IfStmt:
			if child.Node() == n.Body && flag(n.Cond) {
				return true
			}
		}
	}
	return false
}

// callerValue reports whether e is a parameter of the function (body), or
// a local every assignment of which in body is such a value converted,
// parsed with strconv, or the Uid/Gid of an os/user lookup of one.
func (c *checker) callerValue(e ast.Expr, params map[types.Object]bool, body *ast.BlockStmt, depth int) bool {
	if depth > 8 {
		return false
	}
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident:
		obj, ok := info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		if params[obj] {
			return true
		}
		if obj.Parent() == nil || obj.Pkg() != c.pass.Pkg || obj.Parent() == obj.Pkg().Scope() {
			return false
		}
		// A local: every value assigned to it must come from the caller.
		n := 0
		okAll := true
		ast.Inspect(body, func(n2 ast.Node) bool {
			if !okAll {
				return false
			}
			switch s := n2.(type) {
			case *ast.AssignStmt:
				for i, l := range s.Lhs {
					id, ok := l.(*ast.Ident)
					if !ok || info.ObjectOf(id) != obj {
						continue
					}
					n++
					var rhs ast.Expr
					if len(s.Lhs) == len(s.Rhs) {
						rhs = s.Rhs[i]
					} else if len(s.Rhs) == 1 && i == 0 {
						rhs = s.Rhs[0] // v, err := strconv.Atoi(...)
					}
					if rhs == nil || !c.callerValue(rhs, params, body, depth+1) {
						okAll = false
					}
				}
			case *ast.ValueSpec:
				for _, id := range s.Names {
					if info.Defs[id] == obj {
						okAll = false // var x = …: not followed
					}
				}
			case *ast.UnaryExpr:
				if s.Op == token.AND {
					if id, ok := ast.Unparen(s.X).(*ast.Ident); ok && info.Uses[id] == obj {
						okAll = false // its address escapes
					}
				}
			}
			return true
		})
		return okAll && n > 0
	case *ast.SelectorExpr:
		// g.Gid of a g looked up from the caller's value.
		v, ok := info.Uses[x.Sel].(*types.Var)
		if !ok || !v.IsField() || v.Pkg() == nil || v.Pkg().Path() != "os/user" || (v.Name() != "Uid" && v.Name() != "Gid") {
			return false
		}
		return c.callerValue(x.X, params, body, depth+1)
	case *ast.CallExpr:
		// A conversion: int(uid).
		if tv, ok := info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.callerValue(x.Args[0], params, body, depth+1)
		}
		switch callee.CallName(info, x) {
		case "strconv.Atoi", "strconv.ParseInt", "strconv.ParseUint",
			"os/user.Lookup", "os/user.LookupId", "os/user.LookupGroup", "os/user.LookupGroupId":
			return len(x.Args) > 0 && c.callerValue(x.Args[0], params, body, depth+1)
		}
	}
	return false
}

// parsedForChown reports whether the Uid/Gid that call parses is assigned
// to a variable the enclosing function passes to a Chown: Windows then
// fails at the Chown whatever the parse does, and WL8004 speaks about the
// Chown (or, when the caller chose the owner, not at all).
func (c *checker) parsedForChown(cur inspector.Cursor, call *ast.CallExpr) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || as.Rhs[0] != call || len(as.Lhs) == 0 {
		return false
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return false
	}
	info := c.pass.TypesInfo
	v, ok := info.ObjectOf(id).(*types.Var)
	if !ok || v.Name() == "_" {
		return false
	}
	_, body := enclosingFunc(cur)
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		ch, ok := n.(*ast.CallExpr)
		if !ok || !isChown(callee.CallName(info, ch)) {
			return true
		}
		for _, a := range ch.Args {
			a = ast.Unparen(a)
			if conv, ok := a.(*ast.CallExpr); ok && len(conv.Args) == 1 {
				if tv, ok := info.Types[conv.Fun]; ok && tv.IsType() {
					a = ast.Unparen(conv.Args[0])
				}
			}
			if aid, ok := a.(*ast.Ident); ok && info.Uses[aid] == v {
				found = true
			}
		}
		return true
	})
	return found
}
