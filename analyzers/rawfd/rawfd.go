package rawfd

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/paths"
	"github.com/winlint/winlint/internal/resource"
)

// Analyzer reports raw descriptors and handles shared behind the back of
// their owner: WL3001–WL3005.
var Analyzer = &analysis.Analyzer{
	Name: "rawfd",
	Doc:  doc,
	URL:  "https://github.com/winlint/winlint/blob/main/docs/checks/",
	Run:  run,
}

// apiPackages are the packages whose functions the checks look for.
var apiPackages = []string{"os", "syscall", "golang.org/x/sys/windows", "golang.org/x/sys/unix", "net"}

func run(pass *analysis.Pass) (any, error) {
	if !callee.ImportsAny(pass.Pkg, apiPackages...) {
		return nil, nil
	}
	c := &checker{
		pass:     pass,
		values:   fold.NewValues(pass.TypesInfo, pass.Files),
		graphs:   make(map[*ast.BlockStmt]*paths.Graph),
		reported: make(map[string]bool),
	}
	for _, file := range pass.Files {
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			c.checkFunc(fd.Body, fd.Type)
			// Function literals are functions of their own.
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				if lit, ok := n.(*ast.FuncLit); ok {
					c.checkFunc(lit.Body, lit.Type)
				}
				return true
			})
		}
	}
	return nil, nil
}

type checker struct {
	pass   *analysis.Pass
	values *fold.Values
	graphs map[*ast.BlockStmt]*paths.Graph
	// reported holds the findings made, by check and position.
	reported map[string]bool
}

// A fn is one function body under analysis, with the stack of every node
// (up to the body) for lookups.
type fn struct {
	body    *ast.BlockStmt
	typ     *ast.FuncType
	parents map[ast.Node]ast.Node
	// own lists the calls that belong to this function, not to a nested
	// function literal, with their ancestors.
	calls []*ast.CallExpr
}

func (c *checker) graph(body *ast.BlockStmt) *paths.Graph {
	g, ok := c.graphs[body]
	if !ok {
		g = paths.New(body, c.mayReturn)
		c.graphs[body] = g
	}
	return g
}

func (c *checker) mayReturn(call *ast.CallExpr) bool {
	return !callee.NeverReturns(c.pass.TypesInfo, call)
}

func (c *checker) checkFunc(body *ast.BlockStmt, typ *ast.FuncType) {
	f := &fn{body: body, typ: typ, parents: make(map[ast.Node]ast.Node)}
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if len(stack) > 0 {
			f.parents[n] = stack[len(stack)-1]
		}
		if lit, ok := n.(*ast.FuncLit); ok && lit.Body != body {
			return false // a function of its own
		}
		if call, ok := n.(*ast.CallExpr); ok {
			f.calls = append(f.calls, call)
		}
		stack = append(stack, n)
		return true
	})
	if !c.relevant(f) {
		return
	}
	for _, call := range f.calls {
		name := callee.CallName(c.pass.TypesInfo, call)
		switch {
		case name == "(*os.File).Fd":
			c.checkFd(f, call)
		case name == "os.NewFile":
			c.checkNewFile(f, call)
		case closers[name] || isRelease(name):
			c.checkClose(f, call, name)
		case isSetStdHandle(name):
			c.checkSetStdHandle(f, call)
		}
		if c.isRawProducer(call) {
			c.checkProducer(f, call)
		}
	}
}

// relevant reports whether the function calls anything the checks are
// about, so that graphs are only built where needed.
func (c *checker) relevant(f *fn) bool {
	for _, call := range f.calls {
		name := callee.CallName(c.pass.TypesInfo, call)
		if name == "(*os.File).Fd" || name == "os.NewFile" || isSetStdHandle(name) || closers[name] || resource.IsRelease(name) || c.isRawProducer(call) {
			return true
		}
	}
	return false
}

func isMethodName(name string) bool { return len(name) > 0 && name[0] == '(' }

// closers close a raw descriptor or handle given as first argument, in
// addition to the release functions of internal/resource.
var closers = map[string]bool{
	"syscall.Close":                                        true,
	"syscall.CloseHandle":                                  true,
	"syscall.Closesocket":                                  true,
	"golang.org/x/sys/windows.CloseHandle":                 true,
	"golang.org/x/sys/windows.Close":                       true,
	"golang.org/x/sys/windows.Closesocket":                 true,
	"golang.org/x/sys/unix.Close":                          true,
	"golang.org/x/sys/windows.FindClose":                   true,
	"golang.org/x/sys/windows.FreeLibrary":                 true,
	"golang.org/x/sys/windows.FindCloseChangeNotification": true,
}

// rawProducers return a raw descriptor or handle (result 0) that the
// caller owns, in addition to the Handle class of internal/resource.
var rawProducers = map[string]bool{
	"syscall.Open": true, "syscall.Socket": true, "syscall.Dup": true, "syscall.Accept": true,
	"syscall.CreateFile": true, "syscall.CreateFileMapping": true, "syscall.OpenProcess": true,
	"golang.org/x/sys/windows.Socket": true, "golang.org/x/sys/windows.WSASocket": true,
	"golang.org/x/sys/windows.CreateNamedPipe": true, "golang.org/x/sys/windows.CreateIoCompletionPort": true,
	"golang.org/x/sys/unix.Open": true, "golang.org/x/sys/unix.Openat": true, "golang.org/x/sys/unix.Socket": true,
	"golang.org/x/sys/unix.Dup": true, "golang.org/x/sys/unix.Accept": true, "golang.org/x/sys/unix.EpollCreate1": true,
	"golang.org/x/sys/unix.Eventfd": true, "golang.org/x/sys/unix.MemfdCreate": true,
}

func (c *checker) isRawProducer(call *ast.CallExpr) bool {
	name := callee.CallName(c.pass.TypesInfo, call)
	if rawProducers[name] {
		return true
	}
	if s := resource.Lookup(c.pass.TypesInfo, call); s != nil && s.Class == resource.Handle && s.Result == 0 && s.ReleasePkg != "" {
		return true
	}
	return false
}

// ---- helpers ----

// localVar returns the local variable e denotes (through parentheses and
// conversions), or nil. Package-level variables, fields and parameters of
// other functions are not local.
func (c *checker) localVar(e ast.Expr) *types.Var {
	e = c.unconvert(e)
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Pkg() == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil
	}
	return v
}

// unconvert strips parentheses and type conversions: int(f.Fd()),
// windows.Handle(fd), uintptr(h).
func (c *checker) unconvert(e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 {
			return e
		}
		tv, ok := c.pass.TypesInfo.Types[call.Fun]
		if !ok || !tv.IsType() {
			return e
		}
		e = call.Args[0]
	}
}

// declaredIn reports whether v is declared inside f's body or is one of
// its parameters or results.
func declaredIn(v *types.Var, f *fn) bool {
	if f.body.Pos() <= v.Pos() && v.Pos() < f.body.End() {
		return true
	}
	return f.typ != nil && f.typ.Pos() <= v.Pos() && v.Pos() < f.typ.End()
}

// isParam reports whether v is a parameter or result of f.
func isParam(v *types.Var, f *fn) bool {
	return f.typ != nil && f.typ.Pos() <= v.Pos() && v.Pos() < f.typ.End()
}

// mentions reports whether v is used in n (nested functions included).
func (c *checker) mentions(n ast.Node, v *types.Var) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if found {
			return false
		}
		if id, ok := x.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
			found = true
		}
		return true
	})
	return found
}

// mentionsExcept is mentions, ignoring the identifiers inside skip.
func (c *checker) mentionsExcept(n ast.Node, v *types.Var, skip ast.Node) bool {
	found := false
	ast.Inspect(n, func(x ast.Node) bool {
		if found || x == skip {
			return false
		}
		if id, ok := x.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
			found = true
		}
		return true
	})
	return found
}

// node returns the graph node (statement, condition or spec) that
// contains n, or nil.
func (c *checker) node(f *fn, g *paths.Graph, n ast.Node) ast.Node {
	for x := n; x != nil; x = f.parents[x] {
		if g.Contains(x) {
			return x
		}
		if _, ok := x.(*ast.FuncLit); ok {
			return nil
		}
	}
	return nil
}

// usedAfter reports whether some path from the node holding n reaches a
// use of v, without first passing an assignment to v. Uses inside the
// node itself other than in skip count as well.
func (c *checker) usedAfter(f *fn, n ast.Node, v *types.Var, skip ast.Node) bool {
	g := c.graph(f.body)
	start := c.node(f, g, n)
	if start == nil {
		return true // not understood: assume live
	}
	if c.mentionsExcept(start, v, skip) {
		return true
	}
	return g.Reaches(start,
		func(x ast.Node) bool { return c.mentions(x, v) && !c.assigns(x, v) },
		func(x ast.Node) bool { return c.assigns(x, v) })
}

// assigns reports whether n is an assignment to v (v = …, v, err := …).
func (c *checker) assigns(n ast.Node, v *types.Var) bool {
	as, ok := n.(*ast.AssignStmt)
	if !ok {
		return false
	}
	for _, l := range as.Lhs {
		if id, ok := l.(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(id) == v {
			// An assignment that also reads v (v = f(v)) is a use.
			for _, r := range as.Rhs {
				if c.mentions(r, v) {
					return false
				}
			}
			return true
		}
	}
	return false
}

// deferredUse reports whether a defer statement or a function literal of
// f mentions v: v then stays live until the function returns (or for as
// long as the closure lives).
func (c *checker) deferredUse(f *fn, v *types.Var) bool {
	found := false
	ast.Inspect(f.body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.DeferStmt, *ast.GoStmt, *ast.FuncLit:
			if c.mentions(n, v) {
				found = true
			}
		}
		return true
	})
	return found
}

// escapes reports whether v is stored, returned, sent or passed to a
// function other than as the receiver of its own methods: another
// reference may then keep it live.
func (c *checker) escapes(f *fn, v *types.Var) bool {
	found := false
	ast.Inspect(f.body, func(n ast.Node) bool {
		if found {
			return false
		}
		id, ok := n.(*ast.Ident)
		if !ok || c.pass.TypesInfo.Uses[id] != v {
			return true
		}
		switch p := f.parents[id].(type) {
		case *ast.SelectorExpr:
			// f.Method() or f.Field: not an escape.
		case *ast.AssignStmt:
			for _, r := range p.Rhs {
				if r == id {
					found = true
				}
			}
		case *ast.BinaryExpr, *ast.IfStmt, *ast.SwitchStmt:
		default:
			found = true
		}
		return true
	})
	return found
}

// def returns the call v was declared or assigned with and the index of
// v among its results, if v is assigned exactly once.
func (c *checker) def(v *types.Var, use *ast.Ident) (*ast.CallExpr, int) {
	val, index, ok := c.values.Def(use)
	if !ok {
		return nil, -1
	}
	call, ok := ast.Unparen(val).(*ast.CallExpr)
	if !ok {
		return nil, -1
	}
	if index < 0 {
		index = 0
	}
	return call, index
}

func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

// rangeVar reports whether v is declared by a range statement of f
// ("for _, h := range hs"): each iteration has its own h.
func (c *checker) rangeVar(f *fn, v *types.Var) bool {
	found := false
	ast.Inspect(f.body, func(n ast.Node) bool {
		r, ok := n.(*ast.RangeStmt)
		if found || !ok || r.Tok != token.DEFINE {
			return !found
		}
		for _, e := range []ast.Expr{r.Key, r.Value} {
			if id, ok := e.(*ast.Ident); ok && c.pass.TypesInfo.Defs[id] == v {
				found = true
			}
		}
		return true
	})
	return found
}
