package filehandle

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/resource"
	"github.com/winlint/winlint/internal/syntax"
)

// Analyzer reports files and Windows handles not released on every path,
// and the Windows failures of files left open: WL1001–WL1005.
var Analyzer = &analysis.Analyzer{
	Name:      "filehandle",
	Doc:       doc,
	URL:       "https://github.com/winlint/winlint/blob/main/docs/checks/",
	Run:       run,
	FactTypes: resource.FactTypes,
}

func run(pass *analysis.Pass) (any, error) {
	if !resource.Relevant(pass) {
		return nil, nil
	}
	c := &checker{
		pass:   pass,
		eng:    resource.NewEngine(pass),
		values: fold.NewValues(pass.TypesInfo, pass.Files),
	}
	c.checkOwned()
	for _, fn := range c.eng.Functions() {
		acqs := c.eng.Acquires(fn)
		for _, a := range acqs {
			c.checkLeak(a)
			c.checkWrongRelease(a)
			c.checkDeferInLoop(a)
			c.checkCloseError(a)
			c.checkRemoveOpen(a)
		}
	}
	return nil, nil
}

type checker struct {
	pass   *analysis.Pass
	eng    *resource.Engine
	values *fold.Values
}

// enclosing returns the path from n up to its file (innermost first).
func (c *checker) enclosing(n ast.Node) []ast.Node {
	f := syntax.File(c.pass.Files, n.Pos())
	if f == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(f, n.Pos(), n.End())
	return path
}

func (c *checker) line(pos token.Pos) int { return c.pass.Fset.Position(pos).Line }

// releaseText returns how v is released, as source text, with the package
// qualifier the file uses, or "" if it cannot be written.
func (c *checker) releaseText(a *resource.Acquire) string {
	s := a.Spec.Release
	if a.Spec.ReleasePkg != "" {
		q := c.qualifier(a.Call, a.Spec.ReleasePkg)
		if q == "" {
			return ""
		}
		s = q + s[strings.Index(s, "."):]
	}
	return fmt.Sprintf(s, a.Var.Name())
}

// qualifier returns the name under which the file of call imports path,
// taken from call itself when it is a qualified call into that package.
func (c *checker) qualifier(call *ast.CallExpr, path string) string {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			if pn, ok := c.pass.TypesInfo.Uses[id].(*types.PkgName); ok && callee.PkgPath(pn.Imported()) == path {
				return id.Name
			}
		}
	}
	return ""
}

func (c *checker) what(a *resource.Acquire) string {
	name := a.Spec.Func
	if i := strings.LastIndex(name, "/"); i >= 0 {
		name = name[i+1:]
	}
	name = strings.TrimPrefix(name, "(*")
	name = strings.Replace(name, ")", "", 1)
	return name
}

// inLoop returns the innermost for or range statement of a's function
// that encloses n, or nil.
func (c *checker) loopOf(n ast.Node, fnNode ast.Node) ast.Stmt {
	for _, p := range c.enclosing(n) {
		switch p := p.(type) {
		case *ast.ForStmt:
			return p
		case *ast.RangeStmt:
			return p
		case *ast.FuncLit, *ast.FuncDecl:
			return nil
		}
	}
	return nil
}

func astutilPath(f *ast.File, pos token.Pos) ([]ast.Node, bool) {
	return astutil.PathEnclosingInterval(f, pos, pos)
}
