package resource

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/paths"
	"github.com/winlint/winlint/internal/syntax"
)

// FuncFact is what a function does with resources, exported for the
// functions of every analyzed package that acquires or releases one.
type FuncFact struct {
	Closes  []int // parameters the function releases (or takes ownership of to release)
	Borrows []int // parameters of resource or interface type the function only uses
	// Fresh is the acquiring function (a table name) whose resource the
	// function returns as result FreshResult, for the caller to release.
	Fresh       string
	FreshResult int
	NoReturn    bool // the function never returns (it exits, panics or loops)
	// TrueIfErr lists the error parameters the function (of one bool
	// result) returns true for only when they are non-nil, such as test
	// helpers "if errEndsTest(t, err, …) { return }".
	TrueIfErr []int
}

func (*FuncFact) AFact() {}

func (f *FuncFact) String() string {
	var parts []string
	if len(f.Closes) > 0 {
		parts = append(parts, fmt.Sprintf("closes%v", f.Closes))
	}
	if len(f.Borrows) > 0 {
		parts = append(parts, fmt.Sprintf("borrows%v", f.Borrows))
	}
	if f.Fresh != "" {
		parts = append(parts, fmt.Sprintf("fresh(%d from %s)", f.FreshResult, f.Fresh))
	}
	if f.NoReturn {
		parts = append(parts, "noreturn")
	}
	if len(f.TrueIfErr) > 0 {
		parts = append(parts, fmt.Sprintf("trueiferr%v", f.TrueIfErr))
	}
	return strings.Join(parts, " ")
}

func (f *FuncFact) empty() bool {
	return len(f.Closes) == 0 && len(f.Borrows) == 0 && f.Fresh == "" && !f.NoReturn && len(f.TrueIfErr) == 0
}

// PkgFact marks a package that exports FuncFacts, so that its importers
// are not skipped by the fast path.
type PkgFact struct{}

func (*PkgFact) AFact()         {}
func (*PkgFact) String() string { return "resourcefacts" }

// FactTypes are the fact types an analyzer using the Engine must declare.
var FactTypes = []analysis.Fact{new(FuncFact), new(PkgFact)}

// Relevant reports whether pass's package may acquire or release a
// resource: it imports a table package or a package with facts. Analyzers
// skip other packages (after exporting nothing).
func Relevant(pass *analysis.Pass) bool {
	if callee.ImportsAny(pass.Pkg, Packages...) {
		return true
	}
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(PkgFact)) {
			return true
		}
	}
	return false
}

// A Function is one function body (declaration or literal) with its
// control-flow graph.
type Function struct {
	Node   ast.Node // *ast.FuncDecl or *ast.FuncLit
	Body   *ast.BlockStmt
	Obj    *types.Func // nil for literals
	Graph  *paths.Graph
	IsMain bool // main.main: returning ends the process
	// Once is set for a function literal run once per process by
	// sync.Once.Do, sync.OnceFunc, OnceValue or OnceValues: what it keeps
	// open lives as long as the process, deliberately (a pinned DLL).
	Once bool
	// captured are the variables of this body referenced by a nested
	// function literal; addressed are those whose address is taken
	// other than as the out-parameter of an acquiring call.
	captured  map[*types.Var]token.Pos // position of the first literal capturing it
	addressed map[*types.Var]bool
	// acquires caches Acquires once the engine's facts are final.
	acquires    []*Acquire
	acquiresSet bool
}

// Engine answers resource questions about the functions of one package.
type Engine struct {
	pass  *analysis.Pass
	info  *types.Info
	funcs []*Function
	local map[*types.Func]*FuncFact
	ready bool // facts are final: Acquires may be cached
}

// NewEngine indexes the functions of pass's package, computes what they do
// with resources and exports that as facts.
func NewEngine(pass *analysis.Pass) *Engine {
	e := &Engine{pass: pass, info: pass.TypesInfo, local: make(map[*types.Func]*FuncFact)}
	once := make(map[*ast.FuncLit]bool)
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				switch callee.CallName(e.info, n) {
				case "(*sync.Once).Do", "sync.OnceFunc", "sync.OnceValue", "sync.OnceValues":
					for _, arg := range n.Args {
						if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok {
							once[lit] = true
						}
					}
				}
			case *ast.FuncDecl:
				if n.Body == nil {
					return false
				}
				fn := &Function{Node: n, Body: n.Body}
				fn.Obj, _ = e.info.Defs[n.Name].(*types.Func)
				fn.IsMain = n.Recv == nil && n.Name.Name == "main" && pass.Pkg.Name() == "main"
				e.funcs = append(e.funcs, fn)
			case *ast.FuncLit:
				e.funcs = append(e.funcs, &Function{Node: n, Body: n.Body, Once: once[n]})
			}
			return true
		})
	}
	for _, fn := range e.funcs {
		e.scanVars(fn)
	}
	e.buildGraphs()
	// Functions that never return, to a fixed point (bounded).
	for round := 0; round < 3; round++ {
		changed := false
		for _, fn := range e.funcs {
			if fn.Obj == nil || !fn.Graph.NoReturn() {
				continue
			}
			if f := e.localFact(fn.Obj); !f.NoReturn {
				f.NoReturn = true
				changed = true
			}
		}
		if !changed {
			break
		}
		e.buildGraphs()
	}
	for _, fn := range e.funcs {
		if fn.Obj != nil {
			e.localFact(fn.Obj).TrueIfErr = e.trueIfErr(fn)
		}
	}
	for round := 0; round < 2; round++ {
		for _, fn := range e.funcs {
			if fn.Obj != nil {
				e.summarize(fn)
			}
		}
	}
	exported := false
	for obj, f := range e.local {
		if !f.empty() {
			pass.ExportObjectFact(obj, f)
			exported = true
		}
	}
	if exported {
		pass.ExportPackageFact(new(PkgFact))
	}
	e.ready = true
	return e
}

func (e *Engine) localFact(obj *types.Func) *FuncFact {
	f := e.local[obj]
	if f == nil {
		f = new(FuncFact)
		e.local[obj] = f
	}
	return f
}

// FuncFact returns what is known about fn, from this package or a fact
// imported from its package, or nil.
func (e *Engine) FuncFact(fn *types.Func) *FuncFact {
	fn = fn.Origin()
	if f, ok := e.local[fn]; ok {
		return f
	}
	if fn.Pkg() == nil || fn.Pkg() == e.pass.Pkg {
		return nil
	}
	f := new(FuncFact)
	if e.pass.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

// MayReturn reports whether call may return to its caller: it is not
// known never to return (callee.NeverReturns), nor learned so through a fact.
func (e *Engine) MayReturn(call *ast.CallExpr) bool {
	if callee.NeverReturns(e.info, call) {
		return false
	}
	fn := callee.Func(e.info, call)
	if fn == nil {
		return true
	}
	if f := e.FuncFact(fn); f != nil && f.NoReturn {
		return false
	}
	return true
}

func (e *Engine) buildGraphs() {
	for _, fn := range e.funcs {
		fn.Graph = paths.New(fn.Body, e.MayReturn)
	}
}

// Functions returns the function bodies of the package, declarations and
// literals, in source order.
func (e *Engine) Functions() []*Function { return e.funcs }

// scanVars records the variables of fn's body captured by nested
// function literals or whose address is taken.
func (e *Engine) scanVars(fn *Function) {
	fn.captured = make(map[*types.Var]token.Pos)
	fn.addressed = make(map[*types.Var]bool)
	outArgs := make(map[ast.Expr]bool)
	depth := 0
	var stack []ast.Node
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		if n == nil {
			if _, ok := stack[len(stack)-1].(*ast.FuncLit); ok {
				depth--
			}
			stack = stack[:len(stack)-1]
			return false
		}
		stack = append(stack, n)
		switch n := n.(type) {
		case *ast.FuncLit:
			depth++
		case *ast.CallExpr:
			if s := e.spec(n); s != nil && s.OutArg >= 0 && s.OutArg < len(n.Args) {
				outArgs[n.Args[s.OutArg]] = true
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && !outArgs[n] {
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok {
					if v, ok := e.objOf(id).(*types.Var); ok {
						fn.addressed[v] = true
					}
				}
			}
		case *ast.Ident:
			if depth > 0 {
				if v, ok := e.objOf(n).(*types.Var); ok && v.Pos() >= fn.Body.Pos() && v.Pos() < fn.Body.End() {
					// declared in fn's body but outside the literal?
					lit := innermostLit(stack)
					if lit != nil && (v.Pos() < lit.Pos() || v.Pos() >= lit.End()) {
						if p, ok := fn.captured[v]; !ok || lit.Pos() < p {
							fn.captured[v] = lit.Pos()
						}
					}
				}
			}
		}
		return true
	})
}

func innermostLit(stack []ast.Node) *ast.FuncLit {
	for i := len(stack) - 1; i >= 0; i-- {
		if l, ok := stack[i].(*ast.FuncLit); ok {
			return l
		}
	}
	return nil
}

// Local reports whether v is a variable declared in fn's body that the
// engine can follow from position at: its address is not taken, and no
// function literal before at captures it (a literal after it is seen on
// the paths from at and classified there).
func (fn *Function) Local(v *types.Var, at token.Pos) bool {
	if v == nil || v.Pos() < fn.Body.Pos() || v.Pos() >= fn.Body.End() || fn.addressed[v] {
		return false
	}
	if p, ok := fn.captured[v]; ok && p < at {
		return false
	}
	return true
}

// spec returns the table entry of call, or a spec derived from a Fresh
// fact of the called function.
func (e *Engine) spec(call *ast.CallExpr) *Spec {
	if s := Lookup(e.info, call); s != nil {
		return s
	}
	fn := callee.Func(e.info, call)
	if fn == nil {
		return nil
	}
	f := e.FuncFact(fn)
	if f == nil || f.Fresh == "" {
		return nil
	}
	base := table[f.Fresh]
	if base == nil {
		return nil
	}
	sig, _ := fn.Type().(*types.Signature)
	if sig == nil {
		return nil
	}
	s := *base
	s.Func = callee.Name(fn)
	s.Result, s.OutArg, s.Err, s.PathArg, s.FlagArg = f.FreshResult, -1, -1, -1, -1
	s.More = nil
	s.Writable = false
	if n := sig.Results().Len(); n > 1 && isError(sig.Results().At(n-1).Type()) {
		s.Err = n - 1
	}
	return &s
}

// Spec returns what call acquires, from the table or a fact, or nil.
func (e *Engine) Spec(call *ast.CallExpr) *Spec { return e.spec(call) }

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// An Acquire is one acquisition of a resource into a local variable.
type Acquire struct {
	Spec *Spec
	Call *ast.CallExpr
	Node ast.Node   // the graph node: *ast.AssignStmt, *ast.ValueSpec or *ast.ExprStmt
	Var  *types.Var // the variable holding the resource
	Err  *types.Var // the variable holding the call's error, or nil
	Fn   *Function
}

// Acquires returns the acquisitions in fn (not in nested literals) whose
// resource lands in a variable the engine can follow.
func (e *Engine) Acquires(fn *Function) []*Acquire {
	if fn.acquiresSet {
		return fn.acquires
	}
	out := e.acquiresOf(fn)
	if e.ready {
		fn.acquires, fn.acquiresSet = out, true
	}
	return out
}

func (e *Engine) acquiresOf(fn *Function) []*Acquire {
	var out []*Acquire
	for _, b := range fn.Graph.CFG.Blocks {
		if !b.Live {
			continue
		}
		for _, n := range b.Nodes {
			a := e.acquireAt(fn, n, -1)
			if a != nil {
				out = append(out, a)
			}
			if call := acquireCall(n); call != nil {
				if s := e.spec(call); s != nil {
					for _, r := range s.More {
						if a := e.acquireAt(fn, n, r); a != nil {
							out = append(out, a)
						}
					}
				}
			}
		}
	}
	if len(out) > maxAcquires {
		return nil // generated code: stay silent rather than slow
	}
	slices.SortStableFunc(out, func(a, b *Acquire) int { return int(a.Call.Pos() - b.Call.Pos()) })
	return out
}

// maxAcquires bounds the acquisitions followed in one function.
const maxAcquires = 256

// acquireCall returns the single call on the right of an assignment or
// declaration node, or nil.
func acquireCall(n ast.Node) *ast.CallExpr {
	var rhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		rhs = n.Rhs
	case *ast.ValueSpec:
		rhs = n.Values
	}
	if len(rhs) != 1 {
		return nil
	}
	call, _ := ast.Unparen(rhs[0]).(*ast.CallExpr)
	return call
}

// acquireAt returns the acquisition at node n, of the spec's result
// (result < 0) or of its further result number result (Spec.More).
func (e *Engine) acquireAt(fn *Function, n ast.Node, result int) *Acquire {
	var lhs []ast.Expr
	var rhs []ast.Expr
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
			return nil
		}
		lhs, rhs = n.Lhs, n.Rhs
	case *ast.ValueSpec:
		for _, id := range n.Names {
			lhs = append(lhs, id)
		}
		rhs = n.Values
	case *ast.ExprStmt:
		rhs = []ast.Expr{n.X}
	default:
		return nil
	}
	if len(rhs) != 1 {
		return nil
	}
	call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr)
	if !ok {
		return nil
	}
	s := e.spec(call)
	if s == nil {
		return nil
	}
	a := &Acquire{Spec: s, Call: call, Node: n, Fn: fn}
	varOf := func(x ast.Expr) *types.Var {
		id, ok := ast.Unparen(x).(*ast.Ident)
		if !ok || id.Name == "_" {
			return nil
		}
		v, _ := e.objOf(id).(*types.Var)
		return v
	}
	if result >= 0 {
		if result >= len(lhs) {
			return nil
		}
		a.Var = varOf(lhs[result])
	} else if s.Result >= 0 {
		if s.Result >= len(lhs) {
			return nil
		}
		a.Var = varOf(lhs[s.Result])
	} else if s.OutArg >= 0 && s.OutArg < len(call.Args) {
		u, ok := ast.Unparen(call.Args[s.OutArg]).(*ast.UnaryExpr)
		if !ok || u.Op != token.AND {
			return nil
		}
		a.Var = varOf(u.X)
	}
	if a.Var == nil || !fn.Local(a.Var, call.Pos()) {
		return nil
	}
	if s.Err >= 0 && s.Err < len(lhs) {
		a.Err = varOf(lhs[s.Err])
	}
	return a
}

// A Leak is a path on which an acquired resource is neither released nor
// escapes before the function returns.
type Leak struct {
	Return *ast.ReturnStmt // the return (Results nil and at the closing brace if implicit)
}

const errLive = 1 // state bit: err still holds the acquiring call's error

type leakVisitor struct {
	e     *Engine
	a     *Acquire
	flags map[*types.Var]uint // flag variables and their index
	// errOK are the ok variables of "x, ok := err.(T)" on the acquiring
	// call's error: true only for a non-nil error.
	errOK map[*types.Var]bool
}

// Flag variables: a local bool assigned constants ("didOpen = true" next
// to the open, "if didOpen { f.Close() }" later) is followed along each
// path. Flag i takes two state bits above errLive: known and value.
const maxFlags = 8

func flagKnown(i uint) uint32 { return 1 << (1 + 2*i) }
func flagTrue(i uint) uint32  { return 1 << (2 + 2*i) }

func (lv leakVisitor) Node(n ast.Node, st uint32) (paths.Step, uint32) {
	a := lv.a
	u := lv.e.ClassifyNode(n, a.Var)
	switch u.Kind {
	case Release, Escape, Overwrite:
		return paths.Stop, st
	}
	if a.Err != nil && st&errLive != 0 && lv.e.assigns(n, a.Err) {
		st &^= errLive
	}
	if len(lv.flags) > 0 {
		st = lv.e.flagAssigns(n, lv.flags, st)
	}
	return paths.Continue, st
}

func (lv leakVisitor) Branch(cond ast.Expr, st uint32) (bool, bool) {
	var errv *types.Var
	if st&errLive != 0 {
		errv = lv.a.Err
	}
	t, f := lv.e.Prune(cond, lv.a.Var, errv)
	if errv != nil && len(lv.errOK) > 0 && lv.errOK[lv.e.varOfExpr(cond)] {
		t = true
	}
	if len(lv.flags) > 0 {
		ft, ff := lv.e.flagPrune(cond, lv.flags, st)
		t, f = t || ft, f || ff
	}
	return t, f
}

// boolConst returns the value of x if it is a boolean constant.
func (e *Engine) boolConst(x ast.Expr) (val, ok bool) {
	tv, found := e.info.Types[x]
	if !found || tv.Value == nil || tv.Value.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(tv.Value), true
}

// flagVars returns the local bool variables of fn, followable from at,
// that are assigned a boolean constant somewhere in fn's own body.
func (e *Engine) flagVars(fn *Function, at token.Pos) map[*types.Var]uint {
	var flags map[*types.Var]uint
	note := func(id ast.Expr, rhs ast.Expr) {
		v := e.varOfExpr(id)
		if v == nil || !fn.Local(v, at) {
			return
		}
		if b, ok := v.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.Bool {
			return
		}
		if _, ok := e.boolConst(rhs); !ok {
			return
		}
		if _, dup := flags[v]; dup || len(flags) >= maxFlags {
			return
		}
		if flags == nil {
			flags = make(map[*types.Var]uint)
		}
		flags[v] = uint(len(flags))
	}
	inspectOwn(fn.Body, func(n ast.Node) {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i := range n.Lhs {
					note(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i := range n.Names {
					note(n.Names[i], n.Values[i])
				}
			}
		}
	})
	return flags
}

func (e *Engine) varOfExpr(x ast.Expr) *types.Var {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := e.objOf(id).(*types.Var)
	return v
}

// flagAssigns updates the flag bits of st for the assignments in node n.
func (e *Engine) flagAssigns(n ast.Node, flags map[*types.Var]uint, st uint32) uint32 {
	set := func(l, r ast.Expr) {
		i, ok := flags[e.varOfExpr(l)]
		if !ok {
			return
		}
		st &^= flagKnown(i) | flagTrue(i)
		if r == nil {
			return
		}
		if val, ok := e.boolConst(r); ok {
			st |= flagKnown(i)
			if val {
				st |= flagTrue(i)
			}
		}
	}
	ast.Inspect(n, func(m ast.Node) bool {
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for i, l := range m.Lhs {
				var r ast.Expr
				if len(m.Lhs) == len(m.Rhs) && (m.Tok == token.ASSIGN || m.Tok == token.DEFINE) {
					r = m.Rhs[i]
				}
				set(l, r)
			}
		case *ast.ValueSpec:
			for i, id := range m.Names {
				var r ast.Expr
				if len(m.Names) == len(m.Values) {
					r = m.Values[i]
				}
				set(id, r)
			}
		case *ast.UnaryExpr:
			if m.Op == token.AND {
				set(m.X, nil)
			}
		}
		return true
	})
	return st
}

// flagPrune says which branches of cond contradict the known values of
// the flags in st.
func (e *Engine) flagPrune(cond ast.Expr, flags map[*types.Var]uint, st uint32) (skipTrue, skipFalse bool) {
	switch c := ast.Unparen(cond).(type) {
	case *ast.Ident:
		i, ok := flags[e.varOfExpr(c)]
		if !ok || st&flagKnown(i) == 0 {
			return false, false
		}
		if st&flagTrue(i) != 0 {
			return false, true
		}
		return true, false
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			t, f := e.flagPrune(c.X, flags, st)
			return f, t
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			t1, f1 := e.flagPrune(c.X, flags, st)
			t2, f2 := e.flagPrune(c.Y, flags, st)
			return t1 || t2, f1 && f2
		case token.LOR:
			t1, f1 := e.flagPrune(c.X, flags, st)
			t2, f2 := e.flagPrune(c.Y, flags, st)
			return t1 && t2, f1 || f2
		}
	}
	return false, false
}

// Leaks returns the returns reached from a's acquisition on a path where
// the resource is neither released nor escapes. The error branch of the
// acquiring call and nil/invalid-handle branches are not paths with a
// resource. In main.main and on paths ending in a call that never returns
// there is nothing to leak.
func (e *Engine) Leaks(a *Acquire) []Leak {
	if a.Fn.IsMain {
		return nil
	}
	lv := leakVisitor{e: e, a: a, flags: e.flagVars(a.Fn, a.Call.Pos()), errOK: e.errOKVars(a)}
	st := uint32(errLive)
	if len(lv.flags) > 0 {
		// The acquiring statement may itself set a flag ("f, owned := …").
		st = e.flagAssigns(a.Node, lv.flags, st)
	}
	res, truncated := a.Fn.Graph.Search(a.Node, st, lv)
	if truncated {
		return nil
	}
	var out []Leak
	for _, r := range res.Exits {
		out = append(out, Leak{Return: r})
	}
	slices.SortFunc(out, func(x, y Leak) int { return int(x.Return.Pos() - y.Return.Pos()) })
	return out
}

// assigns reports whether node n assigns to v.
func (e *Engine) assigns(n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		switch m := m.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			for _, l := range m.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && e.objOf(id) == v {
					found = true
				}
			}
		case *ast.ValueSpec:
			for _, id := range m.Names {
				if e.objOf(id) == v {
					found = true
				}
			}
		}
		return true
	})
	return found
}

// Prune says which branches of cond cannot hold the resource v: the branch
// where errv (the acquiring call's error, not reassigned) is non-nil, and
// the branch where v is nil, zero or an invalid handle.
func (e *Engine) Prune(cond ast.Expr, v, errv *types.Var) (skipTrue, skipFalse bool) {
	cond = ast.Unparen(cond)
	switch c := cond.(type) {
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND:
			// a && b true: both true; false: one of them false.
			t1, f1 := e.Prune(c.X, v, errv)
			t2, f2 := e.Prune(c.Y, v, errv)
			return t1 || t2, f1 && f2
		case token.LOR:
			// a || b false: both false; true: one of them true.
			t1, f1 := e.Prune(c.X, v, errv)
			t2, f2 := e.Prune(c.Y, v, errv)
			return t1 && t2, f1 || f2
		case token.EQL, token.NEQ:
			x, y := ast.Unparen(c.X), ast.Unparen(c.Y)
			if e.isVar(y, v) || e.isVar(y, errv) {
				x, y = y, x
			}
			if errv != nil && e.isVar(x, errv) && !e.isNil(y) && e.isErrorValue(y) {
				// err == ErrSomething (a constant or package-level error):
				// the true branch is a failure of the acquiring call.
				if c.Op == token.EQL {
					return true, false
				}
				return false, true
			}
			isNil := e.isNilOrConst(y)
			if !isNil {
				return false, false
			}
			if errv != nil && e.isVar(x, errv) && e.isNil(y) {
				// err != nil: true branch has no resource.
				if c.Op == token.NEQ {
					return true, false
				}
				return false, true
			}
			if v != nil && e.isVar(x, v) {
				// v == nil / v == InvalidHandle / v == 0: true branch has no resource.
				if c.Op == token.EQL {
					return true, false
				}
				return false, true
			}
		}
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			t, f := e.Prune(c.X, v, errv)
			return f, t
		}
	case *ast.CallExpr:
		// errors.Is(err, X), os.IsNotExist(err)… are true only for a
		// non-nil err.
		if errv != nil && len(c.Args) > 0 && e.isVar(ast.Unparen(c.Args[0]), errv) {
			switch callee.CallName(e.info, c) {
			case "errors.Is", "errors.As", "os.IsNotExist", "os.IsExist", "os.IsPermission", "os.IsTimeout":
				return true, false
			}
		}
		// A helper learned to return true only for a non-nil error.
		if errv != nil && e.trueOnlyIfNonNil(c, errv) {
			return true, false
		}
	}
	return false, false
}

// isErrorValue reports whether x names a constant or a package-level
// variable (windows.ERROR_SERVICE_DOES_NOT_EXIST, io.EOF, fs.ErrNotExist):
// a sentinel that is never nil.
func (e *Engine) isErrorValue(x ast.Expr) bool {
	id := syntax.Ident(x)
	if id == nil {
		return false
	}
	switch obj := e.objOf(id).(type) {
	case *types.Const:
		return true
	case *types.Var:
		return obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope()
	}
	return false
}

func (e *Engine) isVar(x ast.Expr, v *types.Var) bool {
	if v == nil {
		return false
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	return ok && e.objOf(id) == v
}

func (e *Engine) isNil(x ast.Expr) bool {
	tv, ok := e.info.Types[x]
	return ok && tv.IsNil()
}

// isNilOrConst: nil, a constant, or a conversion of a constant, or a
// package-level variable such as windows.InvalidHandle.
func (e *Engine) isNilOrConst(x ast.Expr) bool {
	tv, ok := e.info.Types[x]
	if ok && (tv.IsNil() || tv.Value != nil) {
		return true
	}
	var id *ast.Ident
	switch x := ast.Unparen(x).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	case *ast.CallExpr:
		if tv, ok := e.info.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return e.isNilOrConst(x.Args[0])
		}
	}
	if id != nil {
		if c, ok := e.info.Uses[id].(*types.Const); ok && c != nil {
			return true
		}
		if v, ok := e.info.Uses[id].(*types.Var); ok && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() && strings.Contains(strings.ToLower(v.Name()), "invalid") {
			return true
		}
	}
	return false
}

// UsesOf calls visit for every graph node of fn in which v appears, with
// its classification, in no particular order. Nodes inside nested
// function literals are reported through the node that contains the
// literal.
func (e *Engine) UsesOf(fn *Function, v *types.Var, visit func(n ast.Node, u Use)) {
	for _, b := range fn.Graph.CFG.Blocks {
		for _, n := range b.Nodes {
			if mentions(e, n, v) {
				visit(n, e.ClassifyNode(n, v))
			}
		}
	}
}

func mentions(e *Engine, n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(m ast.Node) bool {
		if found {
			return false
		}
		if id, ok := m.(*ast.Ident); ok && e.objOf(id) == v {
			found = true
		}
		return true
	})
	return found
}

// Info returns the type information the engine uses.
func (e *Engine) Info() *types.Info { return e.info }

// Var returns the local variable id refers to (or defines), or nil.
func (e *Engine) Var(id *ast.Ident) *types.Var {
	v, _ := e.objOf(id).(*types.Var)
	return v
}

// Mentions reports whether the graph node n refers to v (in nested
// function literals included).
func (e *Engine) Mentions(n ast.Node, v *types.Var) bool { return mentions(e, n, v) }

// UsedAfter reports whether some path of fn from just after the graph node
// start reaches a node that refers to v — a use, a Close, a deferred
// Close or runtime.KeepAlive — which keeps v alive up to there. It is the
// rawfd checks' question "is f still used (or closed) after f.Fd()?".
// When the search is cut short on a huge function it answers true.
func (e *Engine) UsedAfter(fn *Function, start ast.Node, v *types.Var) bool {
	if !fn.Graph.Contains(start) {
		return true
	}
	return fn.Graph.Reaches(start, func(n ast.Node) bool { return mentions(e, n, v) }, nil)
}

// FunctionOf returns the innermost function of the package whose body
// contains pos, or nil.
func (e *Engine) FunctionOf(pos token.Pos) *Function {
	var best *Function
	for _, fn := range e.funcs {
		if fn.Body.Pos() <= pos && pos < fn.Body.End() {
			if best == nil || fn.Body.Pos() > best.Body.Pos() {
				best = fn
			}
		}
	}
	return best
}

// NodeOf returns the graph node of fn that contains pos (a simple
// statement or condition), or nil. Take fn from FunctionOf(pos), so that a
// position inside a function literal maps to the literal's own node.
func (fn *Function) NodeOf(pos token.Pos) ast.Node {
	for _, b := range fn.Graph.CFG.Blocks {
		for _, n := range b.Nodes {
			if n.Pos() <= pos && pos < n.End() {
				return n
			}
		}
	}
	return nil
}

// OutlivesIteration reports whether the resource of a, acquired in the
// body of loop, is carried into the next iteration or past the loop: it
// is assigned to (or appended to, or stored in an element or field of) a
// variable declared outside the loop ("k = key" while walking a registry
// path, "files = append(files, f)"), or the acquisition reads the variable's
// previous value (k, err = registry.OpenKey(k, part, …)). A deferred
// release in the loop is then what the code wants.
func (e *Engine) OutlivesIteration(a *Acquire, loop ast.Node) bool {
	outside := func(v *types.Var) bool {
		return v != nil && (v.Pos() < loop.Pos() || v.Pos() >= loop.End())
	}
	if outside(a.Var) {
		for _, arg := range a.Call.Args {
			if mentions(e, arg, a.Var) {
				return true
			}
		}
	}
	carried := false
	ast.Inspect(loop, func(n ast.Node) bool {
		if carried {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN {
			return true
		}
		for i, r := range as.Rhs {
			if !e.carries(r, a.Var) {
				continue
			}
			if root := rootVar(e, as.Lhs[i]); root != nil && outside(root) {
				carried = true
			}
		}
		return true
	})
	return carried
}

// carries reports whether r is v, or append(…, v, …).
func (e *Engine) carries(r ast.Expr, v *types.Var) bool {
	if e.varOfExpr(r) == v {
		return true
	}
	call, ok := ast.Unparen(r).(*ast.CallExpr)
	if !ok {
		return false
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || id.Name != "append" {
		return false
	} else if _, ok := e.info.Uses[id].(*types.Builtin); !ok {
		return false
	}
	for _, arg := range call.Args[1:] {
		if e.varOfExpr(arg) == v {
			return true
		}
	}
	return false
}

// rootVar returns the variable at the root of x, x.f, x[i], or nil.
func rootVar(e *Engine, x ast.Expr) *types.Var {
	for {
		switch y := ast.Unparen(x).(type) {
		case *ast.Ident:
			return e.varOfExpr(y)
		case *ast.SelectorExpr:
			x = y.X
		case *ast.IndexExpr:
			x = y.X
		default:
			return nil
		}
	}
}

// errOKVars returns the ok variables of comma-ok type assertions on a's
// error variable ("if pErr, ok := err.(*os.PathError); ok"), which are
// true only when the acquiring call failed.
func (e *Engine) errOKVars(a *Acquire) map[*types.Var]bool {
	if a.Err == nil {
		return nil
	}
	var out map[*types.Var]bool
	inspectOwn(a.Fn.Body, func(n ast.Node) {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			return
		}
		ta, ok := ast.Unparen(as.Rhs[0]).(*ast.TypeAssertExpr)
		if !ok || ta.Type == nil || e.varOfExpr(ta.X) != a.Err {
			return
		}
		if v := e.varOfExpr(as.Lhs[1]); v != nil {
			if out == nil {
				out = make(map[*types.Var]bool)
			}
			out[v] = true
		}
	})
	return out
}
