package console

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/provenance"
)

// checkSizeOfInput reports WL9002: GetSize asked of the standard input's
// handle.
func (c *checker) checkSizeOfInput(cur inspector.Cursor, call *ast.CallExpr, name string) {
	fn := callee.Func(c.pass.TypesInfo, call)
	if fn.Name() != "GetSize" {
		return
	}
	arg := call.Args[0]
	o := c.origins.Of(arg)
	if !o.IsStdHandle() || !o.IsStdin() || o&(provenance.Stdout|provenance.Stderr) != 0 {
		return
	}
	if c.guard.ExcludesWindows(cur) || c.sizeFallback(cur, call) {
		return
	}
	var fixes []analysis.SuggestedFix
	if sel := c.stdinSelector(arg); sel != nil {
		fixes = []analysis.SuggestedFix{{
			Message:   "ask the size of the standard output",
			TextEdits: []analysis.TextEdit{{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("Stdout")}},
		}}
	}
	WL9002.ReportFix(c.pass, arg, fixes, "%s.GetSize(%s) asks the size of the standard input's handle: on Windows the size is known only for an output (screen buffer) handle, so the call fails; pass the handle of os.Stdout", fn.Pkg().Name(), types.ExprString(arg))
}

// stdinSelector returns the os.Stdin or syscall.Stdin selector written in
// the argument itself (int(os.Stdin.Fd()), int(syscall.Stdin)), the one
// word a fix changes; nil if the handle comes through a variable.
func (c *checker) stdinSelector(arg ast.Expr) *ast.SelectorExpr {
	var found *ast.SelectorExpr
	ast.Inspect(arg, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok || found != nil {
			return found == nil
		}
		if v, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Var); ok && v.Name() == "Stdin" && v.Pkg() != nil {
			switch callee.PkgPath(v.Pkg()) {
			case "os", "syscall", "golang.org/x/sys/windows":
				found = sel
			}
		}
		return true
	})
	return found
}

// sizeFallback reports whether the same function also asks GetSize of an
// output handle (a fallback after the input fails).
func (c *checker) sizeFallback(cur inspector.Cursor, call *ast.CallExpr) bool {
	var body ast.Node
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = f.Node()
		break
	}
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		other, ok := n.(*ast.CallExpr)
		if !ok || found || other == call || len(other.Args) == 0 {
			return !found
		}
		if fn := callee.Func(c.pass.TypesInfo, other); fn != nil && fn.Name() == "GetSize" && fdFuncs[callee.Name(fn)] {
			if o := c.origins.Of(other.Args[0]); o&(provenance.Stdout|provenance.Stderr) != 0 {
				found = true
			}
		}
		return !found
	})
	return found
}
