package buildcmd

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
)

type rangeNode = analysis.Range

func rangeOf(n ast.Node, fallback rangeNode) rangeNode {
	if n != nil {
		return n
	}
	return fallback
}

// MagePkg is the import path of mage's command helpers.
const MagePkg = "github.com/magefile/mage/sh"

type model struct {
	pass   *analysis.Pass
	values *fold.Values
	// file and decl are those being walked.
	file *ast.File
	decl ast.Decl
}

func newModel(pass *analysis.Pass) *model {
	return &model{pass: pass, values: fold.NewValues(pass.TypesInfo, pass.Files)}
}

// mageArgs gives, for each mage helper, the index of its env map (-1 if
// none) and of its command name.
var mageArgs = map[string][2]int{
	MagePkg + ".Run":        {-1, 0},
	MagePkg + ".RunV":       {-1, 0},
	MagePkg + ".Output":     {-1, 0},
	MagePkg + ".RunWith":    {0, 1},
	MagePkg + ".RunWithV":   {0, 1},
	MagePkg + ".OutputWith": {0, 1},
	MagePkg + ".Exec":       {0, 3},
	MagePkg + ".RunCmd":     {-1, 0}, // partial application; see mageCmd
	MagePkg + ".OutCmd":     {-1, 0},
}

// funcSets returns one set per top-level declaration that creates
// commands with os/exec or mage.
func (m *model) funcSets() []*Set {
	if !callee.ImportsAny(m.pass.Pkg, "os/exec", MagePkg) {
		return nil
	}
	var sets []*Set
	for _, f := range m.pass.Files {
		m.file = f
		test := strings.HasSuffix(m.fileName(f), "_test.go")
		for _, d := range f.Decls {
			m.decl = d
			set := &Set{Decl: d}
			setenvs := m.setenvs(d)
			ast.Inspect(d, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var cmd *Command
				switch name := callee.CallName(m.pass.TypesInfo, call); name {
				case "os/exec.Command":
					cmd = m.execCommand(call, call.Args)
				case "os/exec.CommandContext":
					if len(call.Args) > 0 {
						cmd = m.execCommand(call, call.Args[1:])
					}
				default:
					if idx, ok := mageArgs[name]; ok && !strings.HasSuffix(name, "Cmd") {
						cmd = m.mageCommand(call, call.Args, idx, nil)
					} else if name == "" {
						cmd = m.mageCmdCall(call)
					}
				}
				if cmd != nil {
					cmd.Test = test
					cmd.File = f
					if cmd.Env.Inherits {
						m.applySetenv(cmd, setenvs)
					}
					unwrapEnv(cmd, cmd.At)
					set.add(cmd)
				}
				return true
			})
			if len(set.Commands) > 0 {
				sort.SliceStable(set.Commands, func(i, j int) bool {
					return set.Commands[i].At.Pos() < set.Commands[j].At.Pos()
				})
				for i, c := range set.Commands {
					c.Index = i
				}
				sets = append(sets, set)
			}
		}
	}
	return sets
}

// execCommand models exec.Command(name, args...).
func (m *model) execCommand(call *ast.CallExpr, args []ast.Expr) *Command {
	cmd := &Command{Origin: Exec, At: call, Env: &Env{Inherits: true}}
	cmd.Args = m.callArgs(call, args)
	if len(cmd.Args) == 0 {
		return nil
	}
	m.execFields(call, cmd)
	return cmd
}

// callArgs folds the arguments of a variadic call into words.
func (m *model) callArgs(call *ast.CallExpr, args []ast.Expr) []Word {
	var words []Word
	for i, a := range args {
		if call.Ellipsis.IsValid() && i == len(args)-1 {
			words = append(words, m.slice(a, call, 0)...)
			break
		}
		words = append(words, m.word(a))
	}
	return words
}

// word folds one string argument.
func (m *model) word(e ast.Expr) Word {
	return Word{Shape: m.shape(e), Node: e}
}

// shape is fold's StringShape, which also knows mage's mg.GoCmd() ("go"
// unless MAGEFILE_GOCMD says otherwise) and the known suffix of
// filepath.Join and path.Join.
func (m *model) shape(e ast.Expr) fold.Shape {
	e = ast.Unparen(e)
	if v, ok := m.values.Single(e); ok {
		if _, isCall := ast.Unparen(v).(*ast.CallExpr); isCall {
			e = ast.Unparen(v)
		}
	}
	if call, ok := e.(*ast.CallExpr); ok {
		switch callee.CallName(m.pass.TypesInfo, call) {
		case "github.com/magefile/mage/mg.GoCmd":
			return fold.Shape{{Text: "go", Known: true}}
		case "path/filepath.Join", "path.Join":
			var out fold.Shape
			for i, a := range call.Args {
				if call.Ellipsis.IsValid() {
					return fold.Shape{{Expr: call}}
				}
				if i > 0 {
					out = append(out, fold.Part{Text: "/", Known: true})
				}
				out = append(out, m.shape(a)...)
			}
			return merge(out)
		}
	}
	return m.values.StringShape(e)
}

func merge(s fold.Shape) fold.Shape {
	var out fold.Shape
	for _, p := range s {
		if p.Known && len(out) > 0 && out[len(out)-1].Known {
			out[len(out)-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

// slice folds a []string expression into words. use is where the value is
// used: assignments to a local slice variable before it are replayed.
func (m *model) slice(e ast.Expr, use ast.Node, depth int) []Word {
	e = ast.Unparen(e)
	spread := []Word{{Spread: true, Node: e}}
	if depth > 8 {
		return spread
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		t := m.pass.TypesInfo.TypeOf(e)
		if t == nil {
			return spread
		}
		if _, ok := t.Underlying().(*types.Slice); !ok {
			return spread
		}
		var out []Word
		for _, elt := range e.Elts {
			if _, ok := elt.(*ast.KeyValueExpr); ok {
				return spread
			}
			out = append(out, m.word(elt))
		}
		return out
	case *ast.CallExpr:
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if b, ok := m.pass.TypesInfo.Uses[id].(*types.Builtin); ok && b.Name() == "append" && len(e.Args) > 0 {
				out := append([]Word(nil), m.slice(e.Args[0], use, depth+1)...)
				for i, a := range e.Args[1:] {
					if e.Ellipsis.IsValid() && i == len(e.Args)-2 {
						out = append(out, m.slice(a, use, depth+1)...)
						break
					}
					out = append(out, m.word(a))
				}
				return out
			}
		}
		switch callee.CallName(m.pass.TypesInfo, e) {
		case "os.Environ", "(*os/exec.Cmd).Environ":
			return []Word{{Spread: true, Environ: true, Node: e}}
		case "strings.Fields":
			if len(e.Args) == 1 {
				if s, ok := m.values.String(e.Args[0]); ok {
					var out []Word
					for _, f := range strings.Fields(s) {
						w := known(f)
						w.Node = e
						out = append(out, w)
					}
					return out
				}
			}
		}
		return spread
	case *ast.Ident:
		if e.Name == "nil" {
			if _, ok := m.pass.TypesInfo.Uses[e].(*types.Nil); ok {
				return nil
			}
		}
		return m.sliceVar(e, use, depth)
	}
	return spread
}

// sliceVar replays the assignments to a local slice variable that come
// before its use: "args := []string{…}" and "args = append(args, …)".
// Appends in blocks that do not enclose the use run on some paths only;
// their words are marked Cond.
func (m *model) sliceVar(id *ast.Ident, use ast.Node, depth int) []Word {
	spread := []Word{{Spread: true, Node: id}}
	v, ok := m.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || m.decl == nil {
		return spread
	}
	if v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		// A package-level variable assigned once keeps its value.
		if val, ok := m.values.Single(id); ok {
			return m.slice(val, use, depth+1)
		}
		return spread
	}
	if !within(m.decl, v.Pos()) {
		return spread // a parameter or result: unknown
	}
	useBlocks := m.blocks(use.Pos())
	type assign struct {
		pos   token.Pos
		rhs   ast.Expr // nil: not understood
		stmt  ast.Node
		owner ast.Node
	}
	var as []assign
	bad := false
	ast.Inspect(m.decl, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if m.refersTo(l, v) {
					if (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) && len(n.Lhs) == len(n.Rhs) {
						as = append(as, assign{n.Pos(), n.Rhs[i], n, nil})
					} else {
						as = append(as, assign{n.Pos(), nil, n, nil})
					}
				} else if ix, ok := ast.Unparen(l).(*ast.IndexExpr); ok && m.refersTo(ix.X, v) {
					bad = true // an element replaced
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if m.pass.TypesInfo.Defs[name] == v {
					var rhs ast.Expr
					if len(n.Values) == len(n.Names) {
						rhs = n.Values[i]
					} else if len(n.Values) == 0 {
						rhs = ast.NewIdent("nil")
					}
					as = append(as, assign{n.Pos(), rhs, n, nil})
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && m.refersTo(n.X, v) {
				bad = true
			}
		case *ast.RangeStmt:
			if m.refersTo(n.Key, v) || m.refersTo(n.Value, v) {
				bad = true
			}
		}
		return true
	})
	if bad {
		return spread
	}
	sort.Slice(as, func(i, j int) bool { return as[i].pos < as[j].pos })
	var out []Word
	started := false
	for _, a := range as {
		if a.pos >= use.Pos() {
			break
		}
		cond := !m.encloses(useBlocks, a.pos)
		if a.rhs == nil {
			return spread
		}
		rhs := ast.Unparen(a.rhs)
		if id, ok := rhs.(*ast.Ident); ok && id.Name == "nil" && a.rhs.Pos() == token.NoPos {
			out, started = nil, true // var args []string
			continue
		}
		if call, ok := rhs.(*ast.CallExpr); ok && len(call.Args) > 0 && m.isAppend(call) && m.refersTo(call.Args[0], v) && started {
			// args = append(args, more...)
			var more []Word
			for i, x := range call.Args[1:] {
				if call.Ellipsis.IsValid() && i == len(call.Args)-2 {
					more = append(more, m.slice(x, a.stmt, depth+1)...)
					break
				}
				more = append(more, m.word(x))
			}
			for _, w := range more {
				w.Cond = w.Cond || cond
				out = append(out, w)
			}
			continue
		}
		if cond {
			return spread // replaced on some paths only
		}
		out, started = m.slice(rhs, a.stmt, depth+1), true
	}
	if !started {
		return spread
	}
	return out
}

func (m *model) isAppend(call *ast.CallExpr) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := m.pass.TypesInfo.Uses[id].(*types.Builtin)
	return ok && b.Name() == "append"
}

// refersTo reports whether e is an identifier for v.
func (m *model) refersTo(e ast.Expr, v types.Object) bool {
	if e == nil {
		return false
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	return m.pass.TypesInfo.Uses[id] == v || m.pass.TypesInfo.Defs[id] == v
}

func within(n ast.Node, pos token.Pos) bool { return n.Pos() <= pos && pos < n.End() }

// blocks returns the statement lists enclosing pos in the current
// declaration, innermost first.
func (m *model) blocks(pos token.Pos) []ast.Node {
	path, _ := astutil.PathEnclosingInterval(m.file, pos, pos)
	var out []ast.Node
	for _, n := range path {
		switch n.(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			out = append(out, n)
		case *ast.FuncLit, *ast.FuncDecl:
			out = append(out, n)
			return out
		}
	}
	return out
}

// encloses reports whether the statement at pos runs whenever the code in
// the blocks does: its innermost block is one of them.
func (m *model) encloses(blocks []ast.Node, pos token.Pos) bool {
	inner := m.blocks(pos)
	if len(inner) == 0 {
		return false
	}
	for _, b := range blocks {
		if b == inner[0] {
			return true
		}
	}
	return false
}

// execFields reads what the function does with the *exec.Cmd that call
// creates: its Env and Dir. A command stored in a variable and passed to
// other functions may be changed there, which makes its environment open.
func (m *model) execFields(call *ast.CallExpr, cmd *Command) {
	v := m.assignedVar(call)
	if v == nil {
		return // used directly: exec.Command(…).Run()
	}
	blocks := m.blocks(call.Pos())
	// The variable may hold other commands later ("cmd = exec.Command(…)"
	// again): only what happens between this assignment and the next one
	// belongs to this command.
	end := m.decl.End()
	ast.Inspect(m.decl, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && as.Pos() > call.End() && as.Pos() < end {
			for _, l := range as.Lhs {
				if m.refersTo(l, v) {
					end = as.Pos()
				}
			}
		}
		return true
	})
	var assigns []*ast.AssignStmt
	ast.Inspect(m.decl, func(n ast.Node) bool {
		if n == nil || n.Pos() < call.End() || n.Pos() >= end {
			return n == nil || n.End() > call.End() && n.Pos() < end
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
				if !ok || !m.refersTo(sel.X, v) {
					continue
				}
				switch sel.Sel.Name {
				case "Env":
					assigns = append(assigns, n)
				case "Dir":
					cmd.DirSet = true
				}
			}
		case *ast.CallExpr:
			for _, a := range n.Args {
				if m.refersTo(a, v) {
					cmd.Env.Open = true // another function may change it
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND && m.refersTo(n.X, v) {
				cmd.Env.Open = true
			}
		}
		return true
	})
	for _, as := range assigns {
		if len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN {
			cmd.Env.Open = true
			continue
		}
		for i, l := range as.Lhs {
			sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Env" || !m.refersTo(sel.X, v) {
				continue
			}
			cond := !m.encloses(blocks, as.Pos())
			m.assignEnv(cmd, as.Rhs[i], v, as, cond)
		}
	}
}

// assignedVar returns the variable a call's result is assigned to, if the
// call is the whole right-hand side of a single assignment or declaration.
func (m *model) assignedVar(call *ast.CallExpr) types.Object {
	path, _ := astutil.PathEnclosingInterval(m.file, call.Pos(), call.End())
	for i, n := range path {
		if n == call {
			continue
		}
		if _, ok := n.(*ast.ParenExpr); ok {
			continue
		}
		switch p := n.(type) {
		case *ast.AssignStmt:
			if len(p.Lhs) == 1 && len(p.Rhs) == 1 {
				id, ok := ast.Unparen(p.Lhs[0]).(*ast.Ident)
				if !ok {
					return nil
				}
				if o := m.pass.TypesInfo.Defs[id]; o != nil {
					return o
				}
				return m.pass.TypesInfo.Uses[id]
			}
		case *ast.ValueSpec:
			if len(p.Names) == 1 && len(p.Values) == 1 {
				return m.pass.TypesInfo.Defs[p.Names[0]]
			}
		}
		_ = i
		return nil
	}
	return nil
}

// assignEnv applies "cmd.Env = rhs".
func (m *model) assignEnv(cmd *Command, rhs ast.Expr, v types.Object, at ast.Node, cond bool) {
	words := m.slice(rhs, at, 0)
	self := false
	if call, ok := ast.Unparen(rhs).(*ast.CallExpr); ok && m.isAppend(call) && len(call.Args) > 0 {
		if sel, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr); ok && sel.Sel.Name == "Env" && m.refersTo(sel.X, v) {
			self = true // cmd.Env = append(cmd.Env, …)
			words = words[1:]
		}
	}
	if cond {
		// Set on some paths only: each variable it names may or may
		// not be set, and unnamed ones may be anything.
		for _, w := range words {
			if name, _, ok := envEntry(w); ok {
				cmd.Env.set(name, &Var{Value: nil, Cond: true, At: rangeOf(w.Node, at)})
			} else {
				cmd.Env.Open = true
			}
		}
		return
	}
	if !self {
		open := cmd.Env.Open
		cmd.Env = &Env{Open: open}
	}
	for _, w := range words {
		if w.Environ {
			cmd.Env.Inherits = true
			continue
		}
		name, val, ok := envEntry(w)
		if !ok {
			cmd.Env.Open = true
			continue
		}
		cmd.Env.set(name, &Var{Value: val, Cond: w.Cond, At: rangeOf(w.Node, at)})
	}
}

// envEntry splits a "NAME=value" word.
func envEntry(w Word) (string, fold.Shape, bool) {
	if w.Spread {
		return "", nil, false
	}
	p := w.Prefix()
	eq := strings.IndexByte(p, '=')
	if eq <= 0 {
		return "", nil, false
	}
	return p[:eq], dropPrefix(w.Shape, eq+1), true
}

// A setenv is an os.Setenv call of the declaration.
type setenv struct {
	call  *ast.CallExpr
	name  string // "" if not known
	value fold.Shape
	unset bool
}

func (m *model) setenvs(d ast.Decl) []setenv {
	var out []setenv
	ast.Inspect(d, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		switch callee.CallName(m.pass.TypesInfo, call) {
		case "os.Setenv":
			if len(call.Args) == 2 {
				name, _ := m.values.String(call.Args[0])
				out = append(out, setenv{call: call, name: name, value: m.shape(call.Args[1])})
			}
		case "os.Unsetenv":
			if len(call.Args) == 1 {
				name, _ := m.values.String(call.Args[0])
				out = append(out, setenv{call: call, name: name, unset: true})
			}
		case "os.Clearenv":
			out = append(out, setenv{call: call})
		}
		return true
	})
	return out
}

// applySetenv applies the os.Setenv calls made before the command in the
// same declaration to a command that inherits the process environment.
func (m *model) applySetenv(cmd *Command, envs []setenv) {
	blocks := m.blocks(cmd.At.Pos())
	own := make(map[string]bool)
	for name := range cmd.Env.Vars {
		own[name] = true
	}
	for _, s := range envs {
		if s.call.Pos() >= cmd.At.Pos() {
			continue
		}
		if own[s.name] {
			continue // the command's own Env entry wins
		}
		cond := !m.encloses(blocks, s.call.Pos())
		switch {
		case s.name == "":
			cmd.Env.Open = true
		case s.unset:
			cmd.Env.set(s.name, &Var{Cond: true, At: s.call})
		default:
			cmd.Env.set(s.name, &Var{Value: s.value, Cond: cond, At: s.call})
		}
	}
}
