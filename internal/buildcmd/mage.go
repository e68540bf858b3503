package buildcmd

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
)

// mageCommand models sh.Run(cmd, args...) and its siblings; idx gives the
// index of the env map argument (-1 if none) and of the command name.
// prefix holds the words bound by sh.RunCmd/OutCmd.
func (m *model) mageCommand(call *ast.CallExpr, args []ast.Expr, idx [2]int, prefix []Word) *Command {
	if idx[1] > len(args) || idx[0] >= len(args) {
		return nil
	}
	cmd := &Command{Origin: Mage, At: call, Env: &Env{Inherits: true}}
	if idx[0] >= 0 {
		m.mageEnv(cmd, args[idx[0]])
	}
	cmd.Args = append(append([]Word(nil), prefix...), m.callArgs(call, args[idx[1]:])...)
	if len(cmd.Args) == 0 {
		return nil
	}
	// sh.Exec expands $VAR and ${VAR} in the command and its arguments,
	// from the env map first and then the process environment.
	for i, w := range cmd.Args {
		cmd.Args[i] = m.mageExpand(w, cmd.Env)
	}
	return cmd
}

// mageCmdCall models the call of a function made by sh.RunCmd or
// sh.OutCmd: goBuild := sh.RunCmd("go", "build"); goBuild("-o", out).
func (m *model) mageCmdCall(call *ast.CallExpr) *Command {
	fun := ast.Unparen(call.Fun)
	if v, ok := m.values.Single(fun); ok {
		fun = ast.Unparen(v)
	}
	inner, ok := fun.(*ast.CallExpr)
	if !ok {
		return nil
	}
	switch callee.CallName(m.pass.TypesInfo, inner) {
	case MagePkg + ".RunCmd", MagePkg + ".OutCmd":
	default:
		return nil
	}
	prefix := m.callArgs(inner, inner.Args)
	cmd := m.mageCommand(call, call.Args, [2]int{-1, 0}, prefix)
	if cmd != nil && len(call.Args) == 0 {
		// Only the bound words.
		cmd.Args = prefix
	}
	return cmd
}

// mageEnv reads the env map of sh.RunWith and friends.
func (m *model) mageEnv(cmd *Command, e ast.Expr) {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if _, isNil := m.pass.TypesInfo.Uses[id].(*types.Nil); isNil {
			return
		}
		if m.mutated(id) {
			cmd.Env.Open = true
			return
		}
		val, ok := m.values.Single(id)
		if !ok {
			cmd.Env.Open = true
			return
		}
		e = ast.Unparen(val)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		cmd.Env.Open = true
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			cmd.Env.Open = true
			continue
		}
		name, ok := m.values.String(kv.Key)
		if !ok {
			cmd.Env.Open = true
			continue
		}
		cmd.Env.set(name, &Var{Value: m.shape(kv.Value), At: kv})
	}
}

// mutated reports whether the map variable id refers to has elements
// assigned or is passed around in the current declaration.
func (m *model) mutated(id *ast.Ident) bool {
	v := m.pass.TypesInfo.Uses[id]
	if v == nil {
		return true
	}
	found := false
	ast.Inspect(m.file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && m.refersTo(ix.X, v) {
					found = true
				}
			}
		case *ast.CallExpr:
			if b, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && b.Name == "delete" && len(n.Args) > 0 && m.refersTo(n.Args[0], v) {
				found = true
			}
		}
		return !found
	})
	return found
}

// mageExpand expands variables in the known parts of a word as sh.Exec
// does.
func (m *model) mageExpand(w Word, env *Env) Word {
	if w.Spread {
		return w
	}
	var out fold.Shape
	changed := false
	for _, p := range w.Shape {
		if !p.Known || !strings.Contains(p.Text, "$") {
			out = append(out, p)
			continue
		}
		changed = true
		out = append(out, expand(p.Text, func(name string) (string, bool) {
			if v, ok := env.Vars[name]; ok && !v.Cond {
				return v.Value.Known()
			}
			return "", false
		})...)
	}
	if changed {
		w.Shape = merge(out)
	}
	return w
}
