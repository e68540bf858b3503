// Package goosguard answers "is this code reached only on systems other
// than Windows?" (and the converse): whether a node is dominated by a test
// of runtime.GOOS, or of a value computed from it, that rules Windows out.
//
// A package is type-checked for one GOOS, where runtime.GOOS is a constant
// and `runtime.GOOS == "windows"` folds to true; the type checker's value
// therefore says nothing about the other systems. goosguard evaluates the
// guarding expressions itself, once per operating system it asks about,
// reading runtime.GOOS, filepath.Separator / os.PathSeparator and
// filepath.ListSeparator / os.PathListSeparator as that system's values.
//
// The guards it understands:
//
//   - the then-branch of an if whose condition is false on the system, and
//     the else-branch (including else-if chains) of one whose condition is
//     true on it;
//   - the clauses of a switch (tagged, as in `switch runtime.GOOS`, or
//     tagless) that the system cannot select, including default when
//     another clause is selected, and fallthrough from a reachable clause;
//   - an earlier statement `if cond { ...; return }` in an enclosing block
//     whose condition is true on the system and whose branch ends in return,
//     break, continue, panic, os.Exit, log.Fatal or a testing Skip/Fatal:
//     the statements after it are not reached there;
//   - the body of an unexported function (not a method) whose every use
//     is a call that is itself excluded (`dirUnix()` called only from the
//     else-branch of `if runtime.GOOS == "windows"`);
//   - the right operand of `cond && x` (cond false) and `cond || x` (cond
//     true);
//   - conditions built with ==, !=, !, && and || from runtime.GOOS, the
//     separators, constants, package constants and once-assigned variables
//     (`const isWindows = runtime.GOOS == "windows"`, `goos :=
//     runtime.GOOS`), parameterless package functions that return one such
//     expression (`func isWindows() bool { return runtime.GOOS ==
//     "windows" }`), and constants or variables declared in a file that
//     builds only for Windows (whose value is known on Windows only).
//
// A guard counts only if its value depends on the operating system: code
// under `if false` is not said to exclude Windows.
package goosguard

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/target"
)

// A Guard answers guard questions about the nodes of one package. Build
// one per analysis pass with New; it indexes the package on first use.
type Guard struct {
	fset  *token.FileSet // nil: Windows-only files are not recognized
	info  *types.Info
	files []*ast.File

	indexed bool
	values  *fold.Values
	// uses of the package's unexported functions, by function, built on
	// first need; visiting marks functions whose callers are being
	// examined (recursion ends there as "not excluded").
	uses     map[*types.Func][]inspector.Cursor
	visiting map[*types.Func]bool
	decls    map[types.Object]ast.Expr // package consts and parameterless funcs' result
	winOnly  map[*token.File]bool      // files that build only for Windows
}

// New returns a Guard for the package made of files. fset may be nil, in
// which case declarations in Windows-only files are not treated as
// GOOS-dependent.
func New(fset *token.FileSet, info *types.Info, files []*ast.File) *Guard {
	return &Guard{fset: fset, info: info, files: files}
}

// ExcludesWindows reports whether the node at cur is reached only on
// systems other than Windows: it is dominated by a GOOS test (see the
// package documentation) that is false on Windows. It is a convenience
// that indexes the package on every call; analyzers that ask more than
// once should build a Guard with New and call its method.
func ExcludesWindows(info *types.Info, cur inspector.Cursor) bool {
	return New(nil, info, rootFiles(cur)).ExcludesWindows(cur)
}

// OnlyWindows reports whether the node at cur is reached only on Windows
// (for example in the then-branch of `if runtime.GOOS == "windows"`). Like
// ExcludesWindows it indexes the package on every call.
func OnlyWindows(info *types.Info, cur inspector.Cursor) bool {
	return New(nil, info, rootFiles(cur)).OnlyWindows(cur)
}

func rootFiles(cur inspector.Cursor) []*ast.File {
	var files []*ast.File
	for c := range cur.Inspector().Root().Children() {
		if f, ok := c.Node().(*ast.File); ok {
			files = append(files, f)
		}
	}
	return files
}

// ExcludesWindows reports whether the node at cur is reached only on
// systems other than Windows.
func (g *Guard) ExcludesWindows(cur inspector.Cursor) bool {
	return g.excluded(cur, "windows")
}

// OnlyWindows reports whether the node at cur is reached only on Windows:
// every other known GOOS is excluded by some guard.
func (g *Guard) OnlyWindows(cur inspector.Cursor) bool {
	for _, goos := range otherGOOS {
		if !g.excluded(cur, goos) {
			return false
		}
	}
	return true
}

// Excludes reports whether the node at cur is never reached when the
// program runs on goos.
func (g *Guard) Excludes(cur inspector.Cursor, goos string) bool {
	return g.excluded(cur, goos)
}

// otherGOOS are the operating systems Go supports besides Windows.
var otherGOOS = []string{
	"linux", "darwin", "freebsd", "netbsd", "openbsd", "dragonfly",
	"solaris", "illumos", "aix", "android", "ios", "plan9", "js",
	"wasip1", "hurd", "zos",
}

func (g *Guard) index() {
	if g.indexed {
		return
	}
	g.indexed = true
	g.values = fold.NewValues(g.info, g.files)
	g.decls = make(map[types.Object]ast.Expr)
	g.winOnly = make(map[*token.File]bool)
	for _, f := range g.files {
		if g.fset != nil && target.WindowsOnlyFile(g.fset, f) {
			g.winOnly[g.fset.File(f.Package)] = true
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.GenDecl:
				if d.Tok != token.CONST {
					continue
				}
				for _, spec := range d.Specs {
					vs := spec.(*ast.ValueSpec)
					if len(vs.Values) != len(vs.Names) {
						continue
					}
					for i, name := range vs.Names {
						if obj := g.info.Defs[name]; obj != nil {
							g.decls[obj] = vs.Values[i]
						}
					}
				}
			case *ast.FuncDecl:
				if d.Recv != nil || d.Body == nil || d.Type.Params.NumFields() != 0 || len(d.Body.List) != 1 {
					continue
				}
				ret, ok := d.Body.List[0].(*ast.ReturnStmt)
				if !ok || len(ret.Results) != 1 {
					continue
				}
				if obj := g.info.Defs[d.Name]; obj != nil {
					g.decls[obj] = ret.Results[0]
				}
			}
		}
	}
}

// excluded walks from cur up to the enclosing function declaration and
// reports whether some guard on the way rules goos out.
func (g *Guard) excluded(cur inspector.Cursor, goos string) bool {
	for c := cur; ; {
		if _, ok := c.Node().(*ast.File); ok || c.Node() == nil {
			return false
		}
		parent := c.Parent()
		if !parent.Valid() {
			return false
		}
		kind, idx := c.ParentEdge()
		switch kind {
		case edge.FuncDecl_Body:
			return g.callersExcluded(cur, parent.Node().(*ast.FuncDecl), goos)
		case edge.IfStmt_Body:
			if v, ok := g.evalBool(parent.Node().(*ast.IfStmt).Cond, goos); ok && !v {
				return true
			}
		case edge.IfStmt_Else:
			if v, ok := g.evalBool(parent.Node().(*ast.IfStmt).Cond, goos); ok && v {
				return true
			}
		case edge.BinaryExpr_Y:
			b := parent.Node().(*ast.BinaryExpr)
			if v, ok := g.evalBool(b.X, goos); ok &&
				(b.Op == token.LAND && !v || b.Op == token.LOR && v) {
				return true
			}
		}
		if kind == edge.CaseClause_Body && g.clauseExcluded(parent, goos) {
			return true
		}
		// Statement lists: an earlier statement that leaves the block
		// on goos.
		if kind == edge.BlockStmt_List || kind == edge.CaseClause_Body || kind == edge.CommClause_Body {
			var list []ast.Stmt
			switch p := parent.Node().(type) {
			case *ast.BlockStmt:
				list = p.List
			case *ast.CaseClause:
				list = p.Body
			case *ast.CommClause:
				list = p.Body
			}
			for _, s := range list[:min(idx, len(list))] {
				if g.leaves(s, goos) {
					return true
				}
			}
		}
		c = parent
	}
}

// callersExcluded reports whether fd is an unexported function of the
// package (not a method) that is only ever called, never used as a value,
// and every call of it is excluded on goos: a helper such as dirUnix()
// called from the else-branch of `if runtime.GOOS == "windows"`.
func (g *Guard) callersExcluded(cur inspector.Cursor, fd *ast.FuncDecl, goos string) bool {
	if fd.Recv != nil || fd.Name.IsExported() || fd.Name.Name == "main" || fd.Name.Name == "init" {
		return false
	}
	fn, ok := g.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	if g.uses == nil {
		g.uses = make(map[*types.Func][]inspector.Cursor)
		g.visiting = make(map[*types.Func]bool)
		for c := range cur.Inspector().Root().Preorder((*ast.Ident)(nil)) {
			if f, ok := g.info.Uses[c.Node().(*ast.Ident)].(*types.Func); ok && f.Pkg() == fn.Pkg() {
				g.uses[f] = append(g.uses[f], c)
			}
		}
	}
	uses := g.uses[fn]
	if len(uses) == 0 || g.visiting[fn] {
		return false
	}
	g.visiting[fn] = true
	defer delete(g.visiting, fn)
	for _, u := range uses {
		call, ok := u.Parent().Node().(*ast.CallExpr)
		if !ok || ast.Unparen(call.Fun) != u.Node() {
			return false // used as a value: may be called from anywhere
		}
		if !g.excluded(u.Parent(), goos) {
			return false
		}
	}
	return true
}

// leaves reports whether statement s, run on goos, always leaves the
// enclosing block: an if whose branch taken on goos ends in a terminating
// statement.
func (g *Guard) leaves(s ast.Stmt, goos string) bool {
	ifs, ok := s.(*ast.IfStmt)
	if !ok {
		return false
	}
	v, ok := g.evalBool(ifs.Cond, goos)
	if !ok {
		return false
	}
	if v {
		return g.terminates(ifs.Body)
	}
	switch e := ifs.Else.(type) {
	case *ast.BlockStmt:
		return g.terminates(e)
	case *ast.IfStmt:
		return g.leaves(e, goos)
	}
	return false
}

// terminates reports whether the statement never completes normally.
func (g *Guard) terminates(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return len(s.List) > 0 && g.terminates(s.List[len(s.List)-1])
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK || s.Tok == token.CONTINUE
	case *ast.IfStmt:
		return s.Else != nil && g.terminates(s.Body) && g.terminates(s.Else)
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		return callee.NeverReturns(g.info, call)
	}
	return false
}

// clauseExcluded reports whether the case clause at clause is never
// selected on goos.
func (g *Guard) clauseExcluded(clause inspector.Cursor, goos string) bool {
	cc, ok := clause.Node().(*ast.CaseClause)
	if !ok {
		return false
	}
	sw, ok := clause.Parent().Parent().Node().(*ast.SwitchStmt)
	if !ok {
		return false // a type switch
	}
	i := -1
	for j, s := range sw.Body.List {
		if s == cc {
			i = j
		}
	}
	if i < 0 {
		return false
	}
	return g.clauseNever(sw, i, goos)
}

// match is a tri-state: whether a clause's case list matches on goos.
type match int

const (
	unknown match = iota
	yes
	no
)

func (g *Guard) clauseMatch(sw *ast.SwitchStmt, cc *ast.CaseClause, goos string) match {
	if cc.List == nil {
		return unknown // default: decided by the others
	}
	result := no
	for _, e := range cc.List {
		var v bool
		var ok bool
		if sw.Tag == nil {
			v, ok = g.evalBool(e, goos)
		} else {
			v, ok = g.evalEq(sw.Tag, e, goos)
		}
		switch {
		case ok && v:
			return yes
		case !ok:
			result = unknown
		}
	}
	return result
}

// clauseNever reports whether clause i of sw is never run on goos.
func (g *Guard) clauseNever(sw *ast.SwitchStmt, i int, goos string) bool {
	if i > 0 {
		// Fallthrough from a clause that may run reaches this one.
		prev := sw.Body.List[i-1].(*ast.CaseClause)
		if n := len(prev.Body); n > 0 {
			if br, ok := prev.Body[n-1].(*ast.BranchStmt); ok && br.Tok == token.FALLTHROUGH && !g.clauseNever(sw, i-1, goos) {
				return false
			}
		}
	}
	cc := sw.Body.List[i].(*ast.CaseClause)
	if cc.List == nil {
		// default runs when no clause matches.
		for _, s := range sw.Body.List {
			if other := s.(*ast.CaseClause); other != cc && g.clauseMatch(sw, other, goos) == yes {
				return true
			}
		}
		return false
	}
	if g.clauseMatch(sw, cc, goos) == no {
		return true
	}
	for _, s := range sw.Body.List[:i] {
		if g.clauseMatch(sw, s.(*ast.CaseClause), goos) == yes {
			return true
		}
	}
	return false
}

// A value is the result of evaluating an expression on one GOOS: a
// constant, and whether it depends on the operating system.
type value struct {
	c   constant.Value
	dep bool
}

// evalBool evaluates a boolean condition on goos. ok is false if its value
// is unknown or does not depend on the operating system.
func (g *Guard) evalBool(e ast.Expr, goos string) (v, ok bool) {
	val, known := g.eval(e, goos, 0)
	if !known || !val.dep || val.c.Kind() != constant.Bool {
		return false, false
	}
	return constant.BoolVal(val.c), true
}

// evalEq evaluates x == y on goos, with the same rules as evalBool.
func (g *Guard) evalEq(x, y ast.Expr, goos string) (v, ok bool) {
	vx, okx := g.eval(x, goos, 0)
	vy, oky := g.eval(y, goos, 0)
	if !okx || !oky || !(vx.dep || vy.dep) {
		return false, false
	}
	r, ok := compare(vx.c, token.EQL, vy.c)
	return r, ok
}

func compare(x constant.Value, op token.Token, y constant.Value) (r, ok bool) {
	if x.Kind() == constant.Unknown || y.Kind() == constant.Unknown {
		return false, false
	}
	if (x.Kind() == constant.String) != (y.Kind() == constant.String) ||
		(x.Kind() == constant.Bool) != (y.Kind() == constant.Bool) {
		return false, false
	}
	return constant.Compare(x, op, y), true
}

const maxDepth = 8

// eval evaluates e on goos. ok is false if the value is not known.
func (g *Guard) eval(e ast.Expr, goos string, depth int) (value, bool) {
	if depth > maxDepth {
		return value{}, false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := x.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = x.(*ast.Ident)
		}
		obj := g.info.Uses[id]
		if obj == nil {
			break
		}
		if v, ok := platformConst(obj, goos); ok {
			return value{v, true}, true
		}
		switch obj := obj.(type) {
		case *types.Const:
			if obj.Pkg() == nil {
				break // true, false, iota
			}
			g.index()
			if g.isWinOnly(obj) {
				return g.winOnlyValue(e, goos)
			}
			if decl, ok := g.decls[obj]; ok {
				return g.eval(decl, goos, depth+1)
			}
		case *types.Var:
			if !isBasic(obj.Type()) {
				return value{}, false
			}
			g.index()
			val, ok := g.values.Single(e)
			if !ok {
				return value{}, false
			}
			if g.isWinOnly(obj) {
				if goos != "windows" {
					return value{}, false
				}
				v, ok := g.eval(val, goos, depth+1)
				v.dep = true
				return v, ok
			}
			return g.eval(val, goos, depth+1)
		}
	case *ast.UnaryExpr:
		if x.Op == token.NOT {
			v, ok := g.eval(x.X, goos, depth+1)
			if !ok || v.c.Kind() != constant.Bool {
				return value{}, false
			}
			return value{constant.MakeBool(!constant.BoolVal(v.c)), v.dep}, true
		}
	case *ast.BinaryExpr:
		switch x.Op {
		case token.LAND, token.LOR:
			vx, okx := g.eval(x.X, goos, depth+1)
			vy, oky := g.eval(x.Y, goos, depth+1)
			okx = okx && vx.c.Kind() == constant.Bool
			oky = oky && vy.c.Kind() == constant.Bool
			short := x.Op == token.LOR // the value that decides alone
			if okx && constant.BoolVal(vx.c) == short {
				return vx, true
			}
			if oky && constant.BoolVal(vy.c) == short {
				return vy, true
			}
			if okx && oky {
				return value{vy.c, vx.dep || vy.dep}, true
			}
			return value{}, false
		case token.EQL, token.NEQ:
			vx, okx := g.eval(x.X, goos, depth+1)
			vy, oky := g.eval(x.Y, goos, depth+1)
			if !okx || !oky {
				return value{}, false
			}
			r, ok := compare(vx.c, x.Op, vy.c)
			if !ok {
				return value{}, false
			}
			return value{constant.MakeBool(r), vx.dep || vy.dep}, true
		}
	case *ast.CallExpr:
		if len(x.Args) != 0 {
			break
		}
		fn := callee.Func(g.info, x)
		if fn == nil || fn.Pkg() == nil {
			break
		}
		g.index()
		if decl, ok := g.decls[fn]; ok {
			return g.eval(decl, goos, depth+1)
		}
		return value{}, false
	}
	// Any other constant: the same on every system.
	if tv, ok := g.info.Types[e]; ok && tv.Value != nil {
		return value{tv.Value, false}, true
	}
	return value{}, false
}

func isBasic(t types.Type) bool {
	_, ok := t.Underlying().(*types.Basic)
	return ok
}

func (g *Guard) isWinOnly(obj types.Object) bool {
	if g.fset == nil || !obj.Pos().IsValid() {
		return false
	}
	return g.winOnly[g.fset.File(obj.Pos())]
}

// winOnlyValue is the value of a constant declared in a Windows-only file:
// the type checker's on Windows, unknown elsewhere.
func (g *Guard) winOnlyValue(e ast.Expr, goos string) (value, bool) {
	if goos != "windows" {
		return value{}, false
	}
	tv, ok := g.info.Types[e]
	if !ok || tv.Value == nil {
		return value{}, false
	}
	return value{tv.Value, true}, true
}

// platformConst returns the value of runtime.GOOS and the separator
// constants on goos.
func platformConst(obj types.Object, goos string) (constant.Value, bool) {
	c, ok := obj.(*types.Const)
	if !ok || c.Pkg() == nil {
		return nil, false
	}
	windows := goos == "windows"
	switch callee.PkgPath(c.Pkg()) + "." + c.Name() {
	case "runtime.GOOS":
		return constant.MakeString(goos), true
	case "os.PathSeparator", "path/filepath.Separator":
		if windows {
			return constant.MakeInt64('\\'), true
		}
		return constant.MakeInt64('/'), true
	case "os.PathListSeparator", "path/filepath.ListSeparator":
		switch {
		case windows:
			return constant.MakeInt64(';'), true
		case goos == "plan9":
			return constant.MakeInt64(0), true
		}
		return constant.MakeInt64(':'), true
	}
	return nil, false
}

// Cond evaluates the boolean condition e as if the program ran on goos.
// ok is false if the value is unknown there or does not depend on the
// operating system (a condition that is constant everywhere).
func (g *Guard) Cond(e ast.Expr, goos string) (v, ok bool) {
	return g.evalBool(e, goos)
}
