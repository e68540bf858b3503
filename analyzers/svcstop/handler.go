package svcstop

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/syntax"
)

// This file gathers what is known about one svc.Handler: its Execute method
// and the helpers Execute hands its channels to.

type role int

const (
	roleNone   role = iota
	roleReq         // the <-chan svc.ChangeRequest
	roleStatus      // the chan<- svc.Status
)

// Values of svc.State, svc.Cmd and svc.Accepted (x/sys/windows/svc; they
// are the Win32 SERVICE_* values and never change).
const (
	stateStopPending = 3
	stateRunning     = 4
	statePaused      = 7

	cmdStop        = 1
	cmdPause       = 2
	cmdContinue    = 3
	cmdInterrogate = 4
	cmdShutdown    = 5
	cmdPreShutdown = 15

	acceptStop             = 1
	acceptPauseAndContinue = 2
	acceptShutdown         = 4
	acceptPreShutdown      = 256
)

// A handler is what Execute and its helpers do with the channels.
type handler struct {
	decl  *ast.FuncDecl
	name  string // "T.Execute"
	reqID *ast.Ident
	roles map[*types.Var]role
	seen  map[*ast.FuncDecl]bool
	scope []*ast.FuncDecl // Execute first, then helpers

	receives      bool
	reqEscapes    bool
	statusEscapes bool
	sends         []*send

	// handled maps each command compared with a request's Cmd to where.
	handled map[int64][]ast.Expr
	// dispatchOpen is set when some request reaches code that is not a
	// plain comparison of Cmd with constants (a default branch, an else,
	// code after the dispatch, a Cmd passed along...): then every command
	// may be handled.
	dispatchOpen bool
	dispatches   int

	exits []exitCall
}

type exitCall struct {
	call *ast.CallExpr
	name string
}

// A send is one status sent on the status channel.
type send struct {
	stmt *ast.SendStmt
	lit  *ast.CompositeLit // the svc.Status literal, if known
	echo bool              // c.CurrentStatus: the current status again

	state      int64
	stateKnown bool

	acceptsExpr  ast.Expr // nil when the literal has no Accepts
	accepts      uint64
	acceptsKnown bool
}

// understood reports whether the send's state and accepted controls are known.
func (s *send) understood() bool {
	return s.echo || (s.lit != nil && s.stateKnown && s.acceptsKnown)
}

// isExecute reports whether fd is an Execute method with the signature of
// svc.Handler's.
func (c *checker) isExecute(fd *ast.FuncDecl, svcPkg *types.Package) bool {
	if fd.Recv == nil || fd.Name.Name != "Execute" || svcPkg == nil {
		return false
	}
	fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	iface, ok := svcPkg.Scope().Lookup("Handler").(*types.TypeName)
	if !ok {
		return false
	}
	it, ok := iface.Type().Underlying().(*types.Interface)
	if !ok || it.NumMethods() != 1 {
		return false
	}
	return types.Identical(fn.Type(), it.Method(0).Type())
}

// params returns the variables declared by fd's parameters, in order; nil
// entries for blank or unnamed parameters.
func (c *checker) params(fd *ast.FuncDecl) []*types.Var {
	var out []*types.Var
	for _, f := range fd.Type.Params.List {
		if len(f.Names) == 0 {
			out = append(out, nil)
			continue
		}
		for _, n := range f.Names {
			v, _ := c.pass.TypesInfo.Defs[n].(*types.Var)
			out = append(out, v)
		}
	}
	return out
}

func paramIdent(fd *ast.FuncDecl, i int) *ast.Ident {
	k := 0
	for _, f := range fd.Type.Params.List {
		if len(f.Names) == 0 {
			if k == i {
				return nil
			}
			k++
			continue
		}
		for _, n := range f.Names {
			if k == i {
				return n
			}
			k++
		}
	}
	return nil
}

// maxHelpers bounds how many helpers of Execute are followed.
const maxHelpers = 16

func (c *checker) buildHandler(fd *ast.FuncDecl) *handler {
	h := &handler{
		decl:    fd,
		name:    recvTypeName(fd) + ".Execute",
		reqID:   paramIdent(fd, 1),
		roles:   make(map[*types.Var]role),
		seen:    make(map[*ast.FuncDecl]bool),
		handled: make(map[int64][]ast.Expr),
	}
	ps := c.params(fd)
	if len(ps) != 3 {
		return nil
	}
	if ps[1] != nil {
		h.roles[ps[1]] = roleReq
	}
	if ps[2] != nil {
		h.roles[ps[2]] = roleStatus
	}
	h.seen[fd] = true
	h.scope = append(h.scope, fd)
	for i := 0; i < len(h.scope); i++ {
		c.walkHandlerFunc(h, h.scope[i])
	}
	return h
}

func (c *checker) walkHandlerFunc(h *handler, fd *ast.FuncDecl) {
	info := c.pass.TypesInfo
	syntax.WithStack(fd.Body, func(n ast.Node, stack []ast.Node) bool {
		var parent ast.Node
		if len(stack) > 0 {
			parent = stack[len(stack)-1]
		}
		switch n := n.(type) {
		case *ast.Ident:
			v, ok := info.Uses[n].(*types.Var)
			if !ok {
				return true
			}
			r := h.roles[v]
			if r == roleNone {
				return true
			}
			c.roleUse(h, r, n, parent)
		case *ast.SendStmt:
			if id, ok := ast.Unparen(n.Chan).(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && h.roles[v] == roleStatus {
					h.sends = append(h.sends, c.analyzeSend(n))
				}
			}
		case *ast.CallExpr:
			if name, ok := c.isExitCall(n); ok && !inFuncLit(stack) && !c.gated(stack) {
				h.exits = append(h.exits, exitCall{n, name})
			}
		case *ast.SelectorExpr:
			if n.Sel.Name == "Cmd" && callee.IsNamedType(info.TypeOf(n.X), svcPath, "ChangeRequest") {
				c.cmdUse(h, n, stack)
			}
		}
		return true
	})
}

// roleUse classifies one use of a channel variable.
func (c *checker) roleUse(h *handler, r role, id *ast.Ident, parent ast.Node) {
	escape := func() {
		if r == roleReq {
			h.reqEscapes = true
		} else {
			h.statusEscapes = true
		}
	}
	switch p := parent.(type) {
	case *ast.UnaryExpr:
		if p.Op == token.ARROW && r == roleReq {
			h.receives = true
			return
		}
	case *ast.SendStmt:
		if p.Chan == id && r == roleStatus {
			return // recorded by the SendStmt case
		}
	case *ast.RangeStmt:
		if p.X == id && r == roleReq {
			h.receives = true
			return
		}
	case *ast.CallExpr:
		if p.Fun == id {
			break
		}
		if b, ok := c.pass.TypesInfo.Uses[syntax.Ident(p.Fun)].(*types.Builtin); ok {
			if b.Name() == "len" || b.Name() == "cap" {
				return
			}
			break
		}
		fn := calleeFunc(c.pass.TypesInfo, p)
		fd := c.decls[fn]
		if fd == nil || p.Ellipsis.IsValid() {
			break
		}
		ps := c.params(fd)
		for i, a := range p.Args {
			if a != id {
				continue
			}
			if i >= len(ps) || (i == len(ps)-1 && fd.Type.Params != nil && isVariadic(fd)) {
				escape()
				return
			}
			if ps[i] != nil {
				if old := h.roles[ps[i]]; old != roleNone && old != r {
					escape()
					return
				}
				h.roles[ps[i]] = r
			}
			if !h.seen[fd] {
				if len(h.scope) >= maxHelpers {
					escape()
					return
				}
				h.seen[fd] = true
				h.scope = append(h.scope, fd)
			}
			return
		}
	}
	escape()
}

func isVariadic(fd *ast.FuncDecl) bool {
	l := fd.Type.Params.List
	if len(l) == 0 {
		return false
	}
	_, ok := l[len(l)-1].Type.(*ast.Ellipsis)
	return ok
}

func calleeFunc(info *types.Info, call *ast.CallExpr) *types.Func {
	id := syntax.Ident(call.Fun)
	if id == nil {
		return nil
	}
	fn, _ := info.Uses[id].(*types.Func)
	if fn != nil {
		fn = fn.Origin()
	}
	return fn
}

// cmdUse records a use of a request's Cmd field: a switch tag, a
// comparison with a constant, or anything else (which opens the dispatch).
func (c *checker) cmdUse(h *handler, sel *ast.SelectorExpr, stack []ast.Node) {
	if len(stack) == 0 {
		h.dispatchOpen = true
		return
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.SwitchStmt:
		if p.Tag != sel {
			break
		}
		h.dispatches++
		if !lastInBlock(p, stack[:len(stack)-1]) {
			h.dispatchOpen = true
		}
		for _, s := range p.Body.List {
			cc, ok := s.(*ast.CaseClause)
			if !ok {
				continue
			}
			if cc.List == nil {
				h.dispatchOpen = true // default:
			}
			for _, e := range cc.List {
				if v, ok := c.cmdConst(e); ok {
					h.handled[v] = append(h.handled[v], e)
				} else {
					h.dispatchOpen = true
				}
			}
		}
		return
	case *ast.BinaryExpr:
		other := p.Y
		if p.Y == sel {
			other = p.X
		}
		v, ok := c.cmdConst(other)
		if !ok || (p.Op != token.EQL && p.Op != token.NEQ) {
			break
		}
		h.handled[v] = append(h.handled[v], other)
		h.dispatches++
		if p.Op == token.NEQ || !c.closedIfChain(p, stack[:len(stack)-1]) {
			h.dispatchOpen = true
		}
		return
	}
	h.dispatchOpen = true
}

// closedIfChain reports whether the comparison cmp is the whole condition
// of an if statement (or else-if) that has no final else and that is the
// last statement of its block.
func (c *checker) closedIfChain(cmp *ast.BinaryExpr, stack []ast.Node) bool {
	if len(stack) == 0 {
		return false
	}
	ifs, ok := stack[len(stack)-1].(*ast.IfStmt)
	if !ok || ifs.Cond != cmp {
		return false
	}
	for e := ifs.Else; e != nil; {
		next, ok := e.(*ast.IfStmt)
		if !ok {
			return false // a final else handles every other command
		}
		e = next.Else
	}
	// Walk up through else-if links to the chain's first if.
	i := len(stack) - 1
	for i > 0 {
		if up, ok := stack[i-1].(*ast.IfStmt); ok && up.Else == stack[i] {
			i--
			continue
		}
		break
	}
	return lastInBlock(stack[i], stack[:i])
}

// lastInBlock reports whether stmt is the last statement of the block,
// case or comm clause that contains it.
func lastInBlock(stmt ast.Node, stack []ast.Node) bool {
	if len(stack) == 0 {
		return false
	}
	var list []ast.Stmt
	switch p := stack[len(stack)-1].(type) {
	case *ast.BlockStmt:
		list = p.List
	case *ast.CaseClause:
		list = p.Body
	case *ast.CommClause:
		list = p.Body
	case *ast.LabeledStmt:
		return lastInBlock(p, stack[:len(stack)-1])
	default:
		return false
	}
	return len(list) > 0 && list[len(list)-1] == stmt
}

// cmdConst folds a svc.Cmd constant.
func (c *checker) cmdConst(e ast.Expr) (int64, bool) {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil || !callee.IsNamedType(tv.Type, svcPath, "Cmd") {
		return 0, false
	}
	v, ok := constant.Int64Val(constant.ToInt(tv.Value))
	return v, ok
}

// analyzeSend finds the state and accepted controls of a sent status.
func (c *checker) analyzeSend(s *ast.SendStmt) *send {
	out := &send{stmt: s}
	val := ast.Unparen(s.Value)
	if sel, ok := val.(*ast.SelectorExpr); ok && sel.Sel.Name == "CurrentStatus" &&
		callee.IsNamedType(c.pass.TypesInfo.TypeOf(sel.X), svcPath, "ChangeRequest") {
		out.echo = true
		return out
	}
	if id, ok := val.(*ast.Ident); ok && !c.fieldsAssigned(id) {
		if v, ok := c.values.Single(id); ok {
			val = ast.Unparen(v)
		}
	}
	if u, ok := val.(*ast.UnaryExpr); ok && u.Op == token.AND {
		return out
	}
	lit, ok := val.(*ast.CompositeLit)
	if !ok || !callee.IsNamedType(c.pass.TypesInfo.TypeOf(lit), svcPath, "Status") {
		return out
	}
	out.lit = lit
	stateExpr, acceptsExpr, ok := statusFields(c.pass.TypesInfo, lit)
	if !ok {
		return out
	}
	if stateExpr == nil {
		out.state, out.stateKnown = 0, true
	} else if v, ok := c.constUint(stateExpr); ok {
		out.state, out.stateKnown = int64(v), true
	}
	out.acceptsExpr = acceptsExpr
	if acceptsExpr == nil {
		out.accepts, out.acceptsKnown = 0, true
	} else {
		out.accepts, out.acceptsKnown = c.foldAccepts(acceptsExpr, 0)
	}
	return out
}

// fieldsAssigned reports whether the status variable id refers to has a
// field assigned or its address taken anywhere in the package, in which
// case its initial value is not what is sent.
func (c *checker) fieldsAssigned(id *ast.Ident) bool {
	obj := c.pass.TypesInfo.Uses[id]
	if obj == nil {
		return true
	}
	found := false
	for _, f := range c.pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
						if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.pass.TypesInfo.Uses[x] == obj {
							found = true
						}
					}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					if x, ok := ast.Unparen(n.X).(*ast.Ident); ok && c.pass.TypesInfo.Uses[x] == obj {
						found = true
					}
				}
			}
			return true
		})
	}
	return found
}

// statusFields returns the State and Accepts expressions of a svc.Status
// literal (nil when absent); ok is false for literals it cannot read.
func statusFields(info *types.Info, lit *ast.CompositeLit) (state, accepts ast.Expr, ok bool) {
	st, _ := info.TypeOf(lit).Underlying().(*types.Struct)
	if st == nil {
		return nil, nil, false
	}
	for i, e := range lit.Elts {
		name := ""
		val := e
		if kv, isKV := e.(*ast.KeyValueExpr); isKV {
			k, isID := kv.Key.(*ast.Ident)
			if !isID {
				return nil, nil, false
			}
			name, val = k.Name, kv.Value
		} else if i < st.NumFields() {
			name = st.Field(i).Name()
		}
		switch name {
		case "State":
			state = val
		case "Accepts":
			accepts = val
		}
	}
	return state, accepts, true
}

func (c *checker) constUint(e ast.Expr) (uint64, bool) {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	return constant.Uint64Val(constant.ToInt(tv.Value))
}

// foldAccepts folds an Accepts expression: constants, named constants,
// variables assigned once, | and + of those, and conversions.
func (c *checker) foldAccepts(e ast.Expr, depth int) (uint64, bool) {
	if depth > 8 {
		return 0, false
	}
	e = ast.Unparen(e)
	if v, ok := c.constUint(e); ok {
		return v, true
	}
	switch x := e.(type) {
	case *ast.Ident:
		if v, ok := c.values.Single(x); ok {
			return c.foldAccepts(v, depth+1)
		}
	case *ast.BinaryExpr:
		if x.Op != token.OR && x.Op != token.ADD {
			return 0, false
		}
		a, ok1 := c.foldAccepts(x.X, depth+1)
		b, ok2 := c.foldAccepts(x.Y, depth+1)
		if ok1 && ok2 {
			return a | b, true
		}
	case *ast.CallExpr:
		if tv, ok := c.pass.TypesInfo.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.foldAccepts(x.Args[0], depth+1)
		}
	}
	return 0, false
}

// acceptsRoots returns the expressions that define the Accepts values of
// the handler's statuses: the expression itself, or the value of the
// named constant or once-assigned variable it names. ok is false when some
// root is not such an expression.
func (c *checker) acceptsRoot(e ast.Expr) (ast.Expr, bool) {
	e = ast.Unparen(e)
	id, isID := e.(*ast.Ident)
	if !isID {
		if _, ok := e.(*ast.SelectorExpr); ok {
			return nil, false // a constant of another package
		}
		return e, true
	}
	switch obj := c.pass.TypesInfo.Uses[id].(type) {
	case *types.Var:
		if v, ok := c.values.Single(id); ok {
			return c.acceptsRoot(v)
		}
	case *types.Const:
		if obj.Pkg() != c.pass.Pkg {
			return nil, false
		}
		if v := c.constValueExpr(obj); v != nil {
			return c.acceptsRoot(v)
		}
	}
	return nil, false
}

// constValueExpr returns the expression a constant of this package is
// declared with.
func (c *checker) constValueExpr(obj *types.Const) ast.Expr {
	var out ast.Expr
	for _, f := range c.pass.Files {
		if !(f.FileStart <= obj.Pos() && obj.Pos() <= f.FileEnd) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok {
				return out == nil
			}
			for i, name := range vs.Names {
				if name.Pos() == obj.Pos() && len(vs.Values) == len(vs.Names) {
					out = vs.Values[i]
				}
			}
			return false
		})
	}
	return out
}

// inFuncLit reports whether the innermost node of stack is inside a
// function literal (a goroutine, a deferred or stored function: a
// watchdog's exit is deliberate).
func inFuncLit(stack []ast.Node) bool {
	for _, n := range stack {
		if _, ok := n.(*ast.FuncLit); ok {
			return true
		}
	}
	return false
}

// gated reports whether some if statement of stack tests whether the
// process runs as a service (svc.IsWindowsService, service.Interactive...),
// directly or through a variable assigned from such a call.
func (c *checker) gated(stack []ast.Node) bool {
	for _, n := range stack {
		ifs, ok := n.(*ast.IfStmt)
		if !ok {
			continue
		}
		found := false
		ast.Inspect(ifs.Cond, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if gateFuncs[c.calleeName(n)] {
					found = true
				}
			case *ast.Ident:
				if v, _, ok := c.values.Def(n); ok {
					if call, ok := ast.Unparen(v).(*ast.CallExpr); ok && gateFuncs[c.calleeName(call)] {
						found = true
					}
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
