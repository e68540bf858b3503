package goosguard_test

import (
	"go/ast"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/winlint/winlint/analysistest"
	"github.com/winlint/winlint/internal/goosguard"
)

// marker reports every call of a function whose name starts with "mark"
// that goosguard places on one side of a GOOS test. The fixtures in
// testdata/src/goosguard say with "// want" which ones must be reported.
var marker = &analysis.Analyzer{
	Name:     "goosguardtest",
	Doc:      "reports goosguard's verdict on calls of mark",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		g := goosguard.New(pass.Fset, pass.TypesInfo, pass.Files)
		for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			id, ok := call.Fun.(*ast.Ident)
			if !ok || !strings.HasPrefix(id.Name, "mark") {
				continue
			}
			excl, only := g.ExcludesWindows(cur), g.OnlyWindows(cur)
			if excl {
				pass.Reportf(call.Pos(), "excludes windows")
			}
			if only {
				pass.Reportf(call.Pos(), "only windows")
			}
			// The convenience functions agree with the Guard, except on
			// declarations in Windows-only files (they have no FileSet).
			if id.Name != "markw" {
				if goosguard.ExcludesWindows(pass.TypesInfo, cur) != excl || goosguard.OnlyWindows(pass.TypesInfo, cur) != only {
					pass.Reportf(call.Pos(), "convenience functions disagree")
				}
			}
		}
		return nil, nil
	},
}

func TestGuard(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), marker, "goosguard")
}
