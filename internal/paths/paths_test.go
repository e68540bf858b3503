package paths_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"github.com/winlint/winlint/internal/paths"
)

const src = `package p

func f(c bool) {
	a()
	if c {
		b()
		return
	}
	d()
}`

func graph(t *testing.T) (*paths.Graph, map[string]ast.Node) {
	t.Helper()
	file, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	body := file.Decls[0].(*ast.FuncDecl).Body
	calls := make(map[string]ast.Node)
	ast.Inspect(body, func(n ast.Node) bool {
		if s, ok := n.(*ast.ExprStmt); ok {
			calls[s.X.(*ast.CallExpr).Fun.(*ast.Ident).Name] = s
		}
		return true
	})
	return paths.New(body, func(*ast.CallExpr) bool { return true }), calls
}

func TestReaches(t *testing.T) {
	g, calls := graph(t)
	is := func(name string) func(ast.Node) bool { return func(n ast.Node) bool { return n == calls[name] } }
	if !g.Reaches(calls["a"], is("d"), nil) {
		t.Error("d not reached from a")
	}
	if g.Reaches(calls["b"], is("d"), nil) {
		t.Error("d reached from b, which returns")
	}
	if g.Reaches(calls["a"], is("d"), func(n ast.Node) bool { _, ok := n.(ast.Expr); return ok }) {
		t.Error("d reached through the stopping condition")
	}
}

type exits struct{}

func (exits) Node(ast.Node, uint32) (paths.Step, uint32) { return paths.Continue, 0 }
func (exits) Branch(ast.Expr, uint32) (bool, bool)       { return false, false }

type pruneTrue struct{ exits }

func (pruneTrue) Branch(ast.Expr, uint32) (bool, bool) { return true, false }

func TestSearchExits(t *testing.T) {
	g, calls := graph(t)
	res, truncated := g.Search(calls["a"], 0, exits{})
	if truncated || len(res.Exits) != 2 {
		t.Fatalf("got %d exits (truncated %v), want 2: the return and the closing brace", len(res.Exits), truncated)
	}
	res, _ = g.Search(calls["a"], 0, pruneTrue{})
	if len(res.Exits) != 1 || res.Exits[0].Results != nil {
		t.Fatalf("with the true branch pruned, want only the implicit return; got %d", len(res.Exits))
	}
}
