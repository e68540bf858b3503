package paths

import (
	"bytes"
	"go/ast"
	"go/constant"
	"go/format"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/goosguard"
	"github.com/winlint/winlint/internal/provenance"
	"github.com/winlint/winlint/internal/syntax"
)

// Analyzer reports Unix path assumptions that break on Windows:
// WL7001–WL7005.
var Analyzer = &analysis.Analyzer{
	Name: "paths",
	Doc:  doc,
	URL:  "https://github.com/winlint/winlint/blob/main/docs/checks/",
	Run:  run,
}

// apiPackages are the packages whose functions the checks look for; a
// package that imports none of them is skipped.
var apiPackages = []string{
	"path", "path/filepath", "os", "io/fs", "io/ioutil", "embed", "strings",
	"archive/zip", "archive/tar", "html/template", "text/template", "net/http",
}

type checker struct {
	pass   *analysis.Pass
	prov   *provenance.Analysis
	values *fold.Values // built on first use
	file   *ast.File
	// insp and guard answer GOOS-guard questions; built on first use, so
	// that packages without candidate findings pay nothing.
	insp  *inspector.Inspector
	guard *goosguard.Guard
	// fsIface is io/fs.FS, looked up on first use (fsLooked).
	fsIface  *types.Interface
	fsLooked bool
}

// report reports a finding of check at n, unless n is only reached on
// systems other than Windows (behind a runtime.GOOS guard).
func (c *checker) report(check *catalog.Check, n ast.Node, fixes []analysis.SuggestedFix, format string, args ...any) {
	if c.guarded(n) {
		return
	}
	check.ReportFix(c.pass, n, fixes, format, args...)
}

// guarded reports whether n is dominated by a GOOS test that excludes
// Windows.
func (c *checker) guarded(n ast.Node) bool {
	if c.guard == nil {
		c.insp = inspector.New(c.pass.Files)
		c.guard = goosguard.New(c.pass.Fset, c.pass.TypesInfo, c.pass.Files)
	}
	cur, ok := c.insp.Root().FindNode(n)
	return ok && c.guard.ExcludesWindows(cur)
}

func run(pass *analysis.Pass) (any, error) {
	if !callee.ImportsAny(pass.Pkg, apiPackages...) {
		return nil, nil
	}
	c := &checker{pass: pass, prov: provenance.New(pass)}
	for _, f := range pass.Files {
		c.file = f
		syntax.WithStack(f, func(n ast.Node, stack []ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				fn := callee.Func(c.pass.TypesInfo, n)
				name := callee.Name(fn)
				if name == "" {
					return true
				}
				c.checkPathCall(n, name, stack) // WL7001
				c.checkFSCall(n, fn, name)      // WL7002
				c.checkUnixCall(n, name, stack) // WL7003
				c.checkNameCall(n, name)        // WL7004
			case *ast.CompositeLit:
				c.checkHeaderLit(n) // WL7002
			case *ast.AssignStmt:
				c.checkHeaderAssign(n, stack) // WL7002
			case *ast.BinaryExpr:
				c.checkPermTest(n, stack) // WL7005
			}
			return true
		})
	}
	return nil, nil
}

func (c *checker) vals() *fold.Values {
	if c.values == nil {
		c.values = fold.NewValues(c.pass.TypesInfo, c.pass.Files)
	}
	return c.values
}

// render returns e as Go source, shortened for messages.
func (c *checker) render(e ast.Expr) string {
	var buf bytes.Buffer
	if err := format.Node(&buf, c.pass.Fset, e); err != nil {
		return types.ExprString(e)
	}
	s := buf.String()
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

// arg returns call's argument i, or nil.
func arg(call *ast.CallExpr, i int) ast.Expr {
	if i < len(call.Args) {
		return call.Args[i]
	}
	return nil
}

// constString folds e (constants, and variables assigned once).
func (c *checker) constString(e ast.Expr) (string, bool) {
	if s, ok := fold.ConstString(c.pass.TypesInfo, e); ok {
		return s, true
	}
	if _, ok := ast.Unparen(e).(*ast.Ident); !ok {
		return "", false
	}
	return c.vals().String(e)
}

// single follows e through a variable assigned exactly once.
func (c *checker) single(e ast.Expr) ast.Expr {
	for range 8 {
		if _, ok := ast.Unparen(e).(*ast.Ident); !ok {
			return ast.Unparen(e)
		}
		v, ok := c.vals().Single(e)
		if !ok {
			return ast.Unparen(e)
		}
		e = v
	}
	return ast.Unparen(e)
}

// enclosingFunc returns the innermost function body of stack.
func enclosingFunc(stack []ast.Node) ast.Node {
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncDecl:
			return f.Body
		case *ast.FuncLit:
			return f.Body
		}
	}
	return nil
}

func isPkgSel(info *types.Info, e ast.Expr, path string) (*ast.SelectorExpr, bool) {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil, false
	}
	pn, ok := info.Uses[id].(*types.PkgName)
	return sel, ok && pn.Imported().Path() == path
}

// constInt returns the integer value of a constant.
func constInt(tv types.TypeAndValue) (int64, bool) {
	if tv.Value == nil {
		return 0, false
	}
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}
