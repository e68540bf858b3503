package provenance_test

import (
	"go/ast"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/analysistest"
	"github.com/winlint/winlint/internal/provenance"
)

// probe reports the origin of the argument of every call of a function
// named "origin" in the fixtures.
var probe = &analysis.Analyzer{
	Name: "probe",
	Doc:  "report the origin of origin(x) arguments",
	Run: func(pass *analysis.Pass) (any, error) {
		a := provenance.New(pass)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) != 1 {
					return true
				}
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "origin" {
					pass.Reportf(call.Pos(), "%s", a.Of(call.Args[0]))
				}
				return true
			})
		}
		return nil, nil
	},
}

func TestOrigins(t *testing.T) {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, probe, "provenance")
}

func TestOriginMethods(t *testing.T) {
	cases := []struct {
		o                            provenance.Origin
		osPath, slash, stdin, handle bool
	}{
		{0, false, false, false, false},
		{provenance.OSPath, true, false, false, false},
		{provenance.OSPath | provenance.Constant, true, false, false, false},
		{provenance.SlashName, false, true, false, false},
		{provenance.URLPath, false, true, false, false},
		{provenance.OSPath | provenance.SlashName, false, false, false, false},
		{provenance.Stdin, false, false, true, false},
		{provenance.Stdin | provenance.StdHandle, false, false, true, true},
	}
	for _, c := range cases {
		if c.o.IsOSPath() != c.osPath || c.o.IsSlash() != c.slash || c.o.IsStdin() != c.stdin || c.o.IsStdHandle() != c.handle {
			t.Errorf("%s: IsOSPath=%v IsSlash=%v IsStdin=%v IsStdHandle=%v", c.o, c.o.IsOSPath(), c.o.IsSlash(), c.o.IsStdin(), c.o.IsStdHandle())
		}
	}
	if s := (provenance.Stdout | provenance.StdHandle).String(); s != "Stdout|StdHandle" {
		t.Errorf("String = %q", s)
	}
}

// resultProbe reports the origin of each result of "a, b := f()" calls.
var resultProbe = &analysis.Analyzer{
	Name: "resultprobe",
	Doc:  "report the origins of tuple assignments",
	Run: func(pass *analysis.Pass) (any, error) {
		a := provenance.New(pass)
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				as, ok := n.(*ast.AssignStmt)
				if !ok || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
					return true
				}
				if call, ok := as.Rhs[0].(*ast.CallExpr); ok {
					pass.Reportf(as.Pos(), "%s %s", a.OfResult(call, 0), a.OfResult(call, 1))
				}
				return true
			})
		}
		return nil, nil
	},
}

func TestOfResult(t *testing.T) {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, resultProbe, "provenance/results")
}
