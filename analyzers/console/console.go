package console

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/goosguard"
	"github.com/winlint/winlint/internal/provenance"
	"github.com/winlint/winlint/internal/syntax"
)

// Analyzer reports console handling that breaks on Windows: WL9001–WL9003.
var Analyzer = &analysis.Analyzer{
	Name:     "console",
	Doc:      doc,
	URL:      "https://github.com/winlint/winlint/blob/main/docs/checks/",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
}

// termPackages are the terminal packages whose functions take a file
// descriptor (on Windows: a handle) as an int.
var termPackages = []string{"golang.org/x/term", "golang.org/x/crypto/ssh/terminal", "github.com/mattn/go-isatty"}

// apiPackages are the packages whose functions the checks look for.
var apiPackages = append([]string{"bufio"}, termPackages...)

// fdFuncs are the functions whose first argument is a descriptor.
var fdFuncs = map[string]bool{}

func init() {
	for _, p := range termPackages[:2] {
		for _, f := range []string{"IsTerminal", "ReadPassword", "GetSize", "MakeRaw", "GetState", "Restore"} {
			fdFuncs[p+"."+f] = true
		}
	}
	fdFuncs["github.com/mattn/go-isatty.IsTerminal"] = true
	fdFuncs["github.com/mattn/go-isatty.IsCygwinTerminal"] = true
}

type checker struct {
	pass    *analysis.Pass
	values  *fold.Values
	guard   *goosguard.Guard
	origins *provenance.Analysis
}

func run(pass *analysis.Pass) (any, error) {
	if !callee.ImportsAny(pass.Pkg, apiPackages...) {
		return nil, nil
	}
	c := &checker{
		pass:    pass,
		guard:   goosguard.New(pass.Fset, pass.TypesInfo, pass.Files),
		origins: provenance.New(pass),
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range insp.Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if syntax.IsTestFile(pass.Fset, call.Pos()) {
			continue
		}
		if id := syntax.Ident(call.Fun); id == nil || !callNames[id.Name] {
			continue
		}
		name := callee.CallName(pass.TypesInfo, call)
		if fdFuncs[name] && len(call.Args) > 0 {
			if !c.checkLiteralFd(cur, call, name) {
				c.checkSizeOfInput(cur, call, name)
			}
		}
		c.checkLine(cur, call, name)
	}
	return nil, nil
}

// callNames are the names of the functions the checks look at; other
// calls are not resolved.
var callNames = map[string]bool{
	"IsTerminal": true, "ReadPassword": true, "GetSize": true, "MakeRaw": true, "GetState": true,
	"Restore": true, "IsCygwinTerminal": true, "ReadString": true, "ReadBytes": true,
}

// vals returns the package's once-assigned values, indexed on first use.
func (c *checker) vals() *fold.Values {
	if c.values == nil {
		c.values = fold.NewValues(c.pass.TypesInfo, c.pass.Files)
	}
	return c.values
}

var streamNames = [...]string{"Stdin", "Stdout", "Stderr"}

// checkLiteralFd reports WL9001: a literal 0, 1 or 2 as the descriptor.
func (c *checker) checkLiteralFd(cur inspector.Cursor, call *ast.CallExpr, name string) bool {
	arg := call.Args[0]
	n, ok := fold.ConstInt(c.pass.TypesInfo, arg)
	if !ok {
		if v, single := c.vals().Single(arg); single {
			n, ok = fold.ConstInt(c.pass.TypesInfo, v)
		}
	}
	if !ok || n < 0 || n > 2 {
		return false
	}
	if c.guard.ExcludesWindows(cur) {
		return true
	}
	fn := callee.Func(c.pass.TypesInfo, call)
	short := fn.Pkg().Name() + "." + fn.Name()
	stream := streamNames[n]
	note := ""
	if n == 0 && fn.Name() == "GetSize" {
		// The size is known on an output handle only (WL9002).
		stream = "Stdout"
		note = " (GetSize needs an output handle on Windows)"
	}
	uintptrParam := false
	if sig, ok := fn.Type().(*types.Signature); ok && sig.Params().Len() > 0 {
		if b, ok := sig.Params().At(0).Type().Underlying().(*types.Basic); ok && b.Kind() == types.Uintptr {
			uintptrParam = true
		}
	}
	fixes := c.stdFix(call, arg, stream, uintptrParam, name)
	repl := "int(os." + stream + ".Fd())"
	if uintptrParam {
		repl = "os." + stream + ".Fd()"
	}
	WL9001.ReportFix(c.pass, arg, fixes, "%s(%s): descriptor %d is not the standard %s on Windows, whose console handles come from GetStdHandle, so the call fails with \"The handle is invalid\" or reports no terminal; pass %s%s",
		short, types.ExprString(arg), n, [...]string{"input", "output", "error"}[n], repl, note)
	return true
}

// stdFix replaces arg with the handle of the named standard stream,
// importing os if needed; nil if os is shadowed at the call.
func (c *checker) stdFix(call *ast.CallExpr, arg ast.Expr, stream string, uintptrParam bool, name string) []analysis.SuggestedFix {
	file := syntax.File(c.pass.Files, call.Pos())
	if file == nil {
		return nil
	}
	osName := ""
	for _, imp := range file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == "os" {
			osName = "os"
			if imp.Name != nil {
				osName = imp.Name.Name
			}
		}
	}
	var edits []analysis.TextEdit
	scope := c.pass.Pkg.Scope().Innermost(call.Pos())
	if osName == "" || osName == "_" || osName == "." {
		if osName != "" {
			return nil
		}
		osName = "os"
		if scope != nil {
			if _, obj := scope.LookupParent("os", call.Pos()); obj != nil {
				return nil // something else is called os here
			}
		}
		edits = append(edits, importEdit(file))
	} else if scope != nil {
		if _, obj := scope.LookupParent(osName, call.Pos()); obj == nil {
			return nil
		} else if pn, ok := obj.(*types.PkgName); !ok || pn.Imported().Path() != "os" {
			return nil // shadowed
		}
	}
	repl := osName + "." + stream + ".Fd()"
	if !uintptrParam {
		repl = "int(" + repl + ")"
	}
	edits = append(edits, analysis.TextEdit{Pos: arg.Pos(), End: arg.End(), NewText: []byte(repl)})
	return []analysis.SuggestedFix{{Message: "pass " + repl, TextEdits: edits}}
}

// importEdit adds import "os" to file.
func importEdit(file *ast.File) analysis.TextEdit {
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t\"os\"")}
		}
		return analysis.TextEdit{Pos: gd.End(), End: gd.End(), NewText: []byte("\nimport \"os\"")}
	}
	end := file.Name.End()
	return analysis.TextEdit{Pos: end, End: end, NewText: []byte("\n\nimport \"os\"")}
}
