package filehandle

import (
	"go/ast"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/resource"
)

// checkWrongRelease reports WL1005: a handle released with the release
// function of another kind of handle (CloseHandle on a find handle, a
// module, a mapped view or a registry key). The release table knows which
// release belongs to which acquire.
func (c *checker) checkWrongRelease(a *resource.Acquire) {
	if a.Spec.Class != resource.Handle {
		return
	}
	c.eng.UsesOf(a.Fn, a.Var, func(n ast.Node, u resource.Use) {
		if u.Kind != resource.Release || u.Call == nil {
			return
		}
		name := callee.CallName(c.pass.TypesInfo, u.Call)
		kind, wrong := resource.WrongRelease(a.Spec, name)
		if !wrong {
			return
		}
		how := c.releaseText(a)
		if how == "" {
			return
		}
		WL1005.Report(c.pass, u.Call, "%s from %s is released with %s, which does not release a %s; use %s",
			a.Var.Name(), c.what(a), c.short(u.Call), kind, how)
	})
}

// short returns the called function as written: "windows.CloseHandle".
func (c *checker) short(call *ast.CallExpr) string {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		if id, ok := f.X.(*ast.Ident); ok {
			return id.Name + "." + f.Sel.Name
		}
		return f.Sel.Name
	case *ast.Ident:
		return f.Name
	}
	return "the call"
}
