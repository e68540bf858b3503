package syntax

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"
)

func TestHelpers(t *testing.T) {
	fset := token.NewFileSet()
	src := "package p\n\nimport (\n\tn \"net\"\n\t\"os/exec\"\n\t_ \"embed\"\n)\n\nvar _ = n.IPv4len + len(exec.ErrDot.Error())\n"
	f, err := parser.ParseFile(fset, "a_test.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := parser.ParseFile(fset, "b.go", "package p\n", 0)
	files := []*ast.File{g, f}
	if File(files, f.Package) != f || File(files, g.Package) != g || File(files, token.NoPos) != nil {
		t.Error("File does not find the file holding a position")
	}
	for path, want := range map[string]string{"net": "n", "os/exec": "exec", "embed": "", "fmt": ""} {
		if got := ImportName(f, path); got != want {
			t.Errorf("ImportName(%q) = %q, want %q", path, got, want)
		}
	}
	if ImportName(nil, "net") != "" {
		t.Error("ImportName(nil) is not empty")
	}
	if !IsTestFile(fset, f.Package) || IsTestFile(fset, g.Package) {
		t.Error("IsTestFile is wrong")
	}
	var sel *ast.SelectorExpr
	depth := 0
	WithStack(f, func(n ast.Node, stack []ast.Node) bool {
		if s, ok := n.(*ast.SelectorExpr); ok && sel == nil {
			sel, depth = s, len(stack)
		}
		return true
	})
	if sel == nil || depth < 3 {
		t.Fatalf("WithStack: selector %v at depth %d", sel, depth)
	}
	if Ident(sel).Name != "IPv4len" || Ident(sel.X).Name != "n" || Ident(&ast.BasicLit{}) != nil {
		t.Error("Ident is wrong")
	}
}
