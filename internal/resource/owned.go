package resource

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/winlint/winlint/internal/paths"
)

// Owned resources: a resource acquired (typically in a constructor) and
// stored in a field of a struct type of the package. The type's release
// method (Close, Stop, Shutdown, …) is the owner's path: it must release
// the field. A type with no release method keeps its resources for the
// life of the process by design, and is left alone.

// releaseMethodNames are the names of the methods that end an owner's
// life, in order of preference.
var releaseMethodNames = []string{"Close", "Stop", "Shutdown", "Release", "Dispose", "Cleanup"}

// An OwnedLeak is a resource stored in a field that the owner's release
// method does not release: never (Return is nil), or not on the path
// through Return.
type OwnedLeak struct {
	Call   *ast.CallExpr // the acquiring call
	Spec   *Spec
	Field  *types.Var
	Type   *types.Named
	Method *types.Func     // the release method
	Return *ast.ReturnStmt // the return of Method that skips the release, or nil
}

// A fieldStore is one acquisition whose resource lands in a field.
type fieldStore struct {
	call  *ast.CallExpr
	spec  *Spec
	field *types.Var
	typ   *types.Named
}

// OwnedLeaks returns the fields holding resources that their type's
// release method does not release.
func (e *Engine) OwnedLeaks() []OwnedLeak {
	stores := e.fieldStores()
	if len(stores) == 0 {
		return nil
	}
	var out []OwnedLeak
	seen := make(map[*types.Var]bool)
	for _, st := range stores {
		if seen[st.field] {
			continue
		}
		seen[st.field] = true
		m := e.releaseMethod(st.typ)
		if m == nil {
			continue
		}
		released, escaped := e.fieldUses(st.field)
		if escaped {
			continue
		}
		if !released {
			if st.field.Exported() {
				continue // other packages may release it
			}
			out = append(out, OwnedLeak{Call: st.call, Spec: st.spec, Field: st.field, Type: st.typ, Method: m.Obj})
			continue
		}
		if ret := e.skippingReturn(m, st.field); ret != nil {
			out = append(out, OwnedLeak{Call: st.call, Spec: st.spec, Field: st.field, Type: st.typ, Method: m.Obj, Return: ret})
		}
	}
	return out
}

// fieldStores finds the acquisitions stored in a field of a named struct
// type of this package: "t.f, err = os.Open(…)", "t.f = f" and
// "&T{f: f}" with f acquired in the same function.
func (e *Engine) fieldStores() []fieldStore {
	var out []fieldStore
	for _, fn := range e.funcs {
		acqs := make(map[*types.Var]*Acquire)
		for _, a := range e.Acquires(fn) {
			acqs[a.Var] = a
		}
		inspectOwn(fn.Body, func(n ast.Node) {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Rhs) == 1 {
					if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
						if s := e.spec(call); s != nil && s.Result >= 0 && s.Result < len(n.Lhs) && len(n.Lhs) > 1 {
							if f, t := e.fieldOf(n.Lhs[s.Result]); f != nil {
								out = append(out, fieldStore{call, s, f, t})
							}
							return
						}
					}
				}
				if len(n.Lhs) != len(n.Rhs) {
					return
				}
				for i, r := range n.Rhs {
					a := acqs[e.varOfExpr(r)]
					if a == nil {
						continue
					}
					if f, t := e.fieldOf(n.Lhs[i]); f != nil {
						out = append(out, fieldStore{a.Call, a.Spec, f, t})
					}
				}
			case *ast.CompositeLit:
				t := e.info.TypeOf(n)
				if t == nil {
					return
				}
				named := ownNamed(t, e.pass.Pkg)
				if named == nil {
					return
				}
				st, ok := named.Underlying().(*types.Struct)
				if !ok {
					return
				}
				for i, elt := range n.Elts {
					var f *types.Var
					val := elt
					if kv, ok := elt.(*ast.KeyValueExpr); ok {
						id, ok := kv.Key.(*ast.Ident)
						if !ok {
							continue
						}
						f, _ = e.info.Uses[id].(*types.Var)
						val = kv.Value
					} else if i < st.NumFields() {
						f = st.Field(i)
					}
					a := acqs[e.varOfExpr(val)]
					if f == nil || a == nil || !f.IsField() {
						continue
					}
					out = append(out, fieldStore{a.Call, a.Spec, f, named})
				}
			}
		})
	}
	return out
}

// ownNamed returns the named type (or pointer to it) t of package pkg.
func ownNamed(t types.Type, pkg *types.Package) *types.Named {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() != pkg {
		return nil
	}
	return n.Origin()
}

// fieldOf returns the field x selects directly (x.f, not x.a.f) in a
// named struct type of this package, and that type.
func (e *Engine) fieldOf(x ast.Expr) (*types.Var, *types.Named) {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return nil, nil
	}
	s := e.info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return nil, nil
	}
	n := ownNamed(s.Recv(), e.pass.Pkg)
	f, _ := s.Obj().(*types.Var)
	if n == nil || f == nil {
		return nil, nil
	}
	return f, n
}

// releaseMethod returns the function of the release method declared on t
// (or *t) in this package, or nil.
func (e *Engine) releaseMethod(t *types.Named) *Function {
	for _, name := range releaseMethodNames {
		for i := 0; i < t.NumMethods(); i++ {
			m := t.Method(i)
			if m.Name() != name {
				continue
			}
			for _, fn := range e.funcs {
				if fn.Obj == m {
					return fn
				}
			}
		}
	}
	return nil
}

// fieldUses classifies every use of field f in the package: released
// somewhere, or escaping (handed on, returned, aliased) somewhere.
func (e *Engine) fieldUses(f *types.Var) (released, escaped bool) {
	for _, file := range e.pass.Files {
		walkStack(file, func(n ast.Node, stack []ast.Node) {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok {
				return
			}
			s := e.info.Selections[sel]
			if s == nil || s.Obj() != f {
				return
			}
			// Find the statement holding sel, the root for classify.
			root := ast.Node(sel)
			for i := len(stack) - 1; i >= 0; i-- {
				if _, ok := stack[i].(ast.Stmt); ok {
					root = stack[i]
					stack = stack[i:]
					break
				}
			}
			switch e.classify(sel, stack, root).Kind {
			case Release:
				released = true
			case Escape:
				escaped = true
			}
		})
	}
	return released, escaped
}

// walkStack calls f for every node with its ancestors (outermost first).
func walkStack(root ast.Node, f func(n ast.Node, stack []ast.Node)) {
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		f(n, stack)
		stack = append(stack, n)
		return true
	})
}

// skippingReturn returns a return of the release method m that hands back
// an error from a local variable (the failure of an earlier release) on a
// path that never refers to field f, or nil. Returns of nil or of a
// sentinel ("already closed") and paths where f is nil are not counted.
func (e *Engine) skippingReturn(m *Function, f *types.Var) *ast.ReturnStmt {
	if len(m.Body.List) == 0 {
		return nil
	}
	var recv *types.Var
	if fd, ok := m.Node.(*ast.FuncDecl); ok && fd.Recv != nil && len(fd.Recv.List) == 1 && len(fd.Recv.List[0].Names) == 1 {
		recv, _ = e.info.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
	}
	if recv == nil {
		return nil
	}
	v := fieldVisitor{e: e, f: f, recv: recv, fn: m}
	var found *ast.ReturnStmt
	// Search from a virtual start: the first graph node of the entry block.
	entry := m.Graph.CFG.Blocks[0]
	if len(entry.Nodes) == 0 {
		return nil
	}
	first := entry.Nodes[0]
	if step, _ := v.Node(first, 0); step != paths.Continue {
		return nil
	}
	res, truncated := m.Graph.Search(first, 0, v)
	if truncated {
		return nil
	}
	for _, r := range res.Exits {
		if e.returnsLocalErr(r) && (found == nil || r.Pos() < found.Pos()) {
			found = r
		}
	}
	return found
}

// returnsLocalErr: the return's last result is a local error variable.
func (e *Engine) returnsLocalErr(r *ast.ReturnStmt) bool {
	if len(r.Results) == 0 {
		return false
	}
	last := ast.Unparen(r.Results[len(r.Results)-1])
	v := e.varOfExpr(last)
	if v == nil || !isError(v.Type()) {
		return false
	}
	return v.Pkg() != nil && v.Parent() != v.Pkg().Scope()
}

type fieldVisitor struct {
	e    *Engine
	f    *types.Var
	recv *types.Var
	fn   *Function
}

// Node stops a path at any reference to the field, and at any use of the
// receiver other than selecting a field (a method call on the receiver,
// the receiver passed on), which may release it.
func (v fieldVisitor) Node(n ast.Node, st uint32) (paths.Step, uint32) {
	stop := false
	walkStack(n, func(m ast.Node, stack []ast.Node) {
		if stop {
			return
		}
		switch m := m.(type) {
		case *ast.SelectorExpr:
			if s := v.e.info.Selections[m]; s != nil && s.Obj() == v.f {
				stop = true
			}
		case *ast.Ident:
			if v.e.info.Uses[m] != v.recv {
				return
			}
			if len(stack) > 0 {
				if sel, ok := stack[len(stack)-1].(*ast.SelectorExpr); ok && sel.X == m {
					if s := v.e.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
						return
					}
				}
			}
			stop = true
		}
	})
	if stop {
		return paths.Stop, st
	}
	return paths.Continue, st
}

// Branch prunes the branch where the field is nil (or zero).
func (v fieldVisitor) Branch(cond ast.Expr, st uint32) (bool, bool) {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
		return false, false
	}
	x, y := b.X, b.Y
	if !v.isField(x) {
		x, y = y, x
	}
	if !v.isField(x) || !v.e.isNilOrConst(y) {
		return false, false
	}
	if b.Op == token.EQL {
		return true, false
	}
	return false, true
}

func (v fieldVisitor) isField(x ast.Expr) bool {
	sel, ok := ast.Unparen(x).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := v.e.info.Selections[sel]
	return s != nil && s.Obj() == v.f
}
