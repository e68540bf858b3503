package nulpath

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/syntax"
)

// envBlockFuncs return a pointer to an environment block (a double-NUL
// list of NAME=value strings).
var envBlockFuncs = map[string]bool{
	"golang.org/x/sys/windows.GetEnvironmentStrings": true,
	"syscall.GetEnvironmentStrings":                  true,
}

// listFillers fill a buffer (argument index) with a double-NUL list.
var listFillers = map[string]int{
	"golang.org/x/sys/windows.GetLogicalDriveStrings":           1,
	"golang.org/x/sys/windows.GetVolumePathNamesForVolumeName":  1,
	"golang.org/x/sys/windows.GetPrivateProfileSectionNames":    0,
	"golang.org/x/sys/windows.QueryDosDevice":                   1,
	"golang.org/x/sys/windows.GetVolumePathNamesForVolumeNameW": 1,
}

// checkMultiString reports WL4004: UTF16ToString of a whole buffer that
// holds a double-NUL list, which keeps the first element only.
func (c *checker) checkMultiString(call *ast.CallExpr, name string, stack []ast.Node) {
	if len(call.Args) != 1 || inLoop(stack) {
		return
	}
	fn := outerFunc(stack)
	if fn == nil {
		return
	}
	arg := ast.Unparen(call.Args[0])
	if name == "golang.org/x/sys/windows.UTF16PtrToString" {
		if c.fromEnvBlock(arg, 0) {
			WL4004.Report(c.pass, call, "UTF16PtrToString(%s) reads only the first variable of the environment block: it stops at the first NUL; walk the block string by string until an empty one, or use os.Environ()",
				exprString(arg))
		}
		return
	}
	// The whole buffer: b, b[:], b[:n], b[0:n].
	base := arg
	if sl, ok := arg.(*ast.SliceExpr); ok {
		if sl.Low != nil && !c.isNULConst(sl.Low) {
			return
		}
		base = ast.Unparen(sl.X)
	}
	id, ok := base.(*ast.Ident)
	if !ok {
		return
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return
	}
	switch {
	case c.filledList(v, fn) != "":
		WL4004.Report(c.pass, call, "UTF16ToString(%s) keeps only the first string of the double-NUL list %s fills; split %s at each NUL instead",
			exprString(arg), c.filledList(v, fn), id.Name)
	case c.fromEnvBlock(base, 0):
		WL4004.Report(c.pass, call, "UTF16ToString(%s) reads only the first variable of the environment block: it stops at the first NUL; split the block at each NUL, or use os.Environ()",
			exprString(arg))
	case c.underMultiSZ(stack):
		WL4004.Report(c.pass, call, "UTF16ToString(%s) of a REG_MULTI_SZ value keeps only its first string; split %s at each NUL, or use registry's GetStringsValue",
			exprString(arg), id.Name)
	}
}

// inLoop reports whether the innermost function around the call has a
// loop around it (walking a list string by string is the correct use).
func inLoop(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			return true
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		}
	}
	return false
}

// filledList returns the name of the API that fills v with a double-NUL
// list in fn, or "".
func (c *checker) filledList(v *types.Var, fn ast.Node) string {
	found := ""
	ast.Inspect(fn, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found != "" {
			return found == ""
		}
		idx, name, ok := callee.Table[int](listFillers).Lookup(c.pass.TypesInfo, call)
		if !ok || idx >= len(call.Args) {
			return true
		}
		if c.bufferOf(call.Args[idx]) == v {
			found = shortName(name)
		}
		return true
	})
	return found
}

// bufferOf returns the slice variable b of &b[0], unsafe.SliceData(b) or b.
func (c *checker) bufferOf(e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			if ix, ok := ast.Unparen(x.X).(*ast.IndexExpr); ok {
				return c.bufferOf(ix.X)
			}
		}
	case *ast.CallExpr:
		if c.callName(x) == "unsafe.SliceData" && len(x.Args) == 1 {
			return c.bufferOf(x.Args[0])
		}
	case *ast.Ident:
		v, _ := c.pass.TypesInfo.Uses[x].(*types.Var)
		return v
	}
	return nil
}

// fromEnvBlock reports whether e is (derived from) the pointer returned by
// GetEnvironmentStrings: the variable itself, a conversion of it, or
// unsafe.Slice of it.
func (c *checker) fromEnvBlock(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CallExpr:
		if envBlockFuncs[callee.CallName(c.pass.TypesInfo, x)] {
			return true
		}
		if c.callName(x) == "unsafe.Slice" && len(x.Args) == 2 {
			return c.fromEnvBlock(x.Args[0], depth+1)
		}
		if tv, ok := c.pass.TypesInfo.Types[x.Fun]; ok && tv.IsType() && len(x.Args) == 1 {
			return c.fromEnvBlock(x.Args[0], depth+1)
		}
	case *ast.Ident:
		val, index, ok := c.values.Def(x)
		if !ok {
			return false
		}
		if index > 0 {
			return false
		}
		return c.fromEnvBlock(val, depth+1)
	}
	return false
}

// underMultiSZ reports whether the call is in the branch of an if or
// switch taken for a REG_MULTI_SZ value type.
func (c *checker) underMultiSZ(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return false
		case *ast.CaseClause:
			for _, e := range n.List {
				if c.isMultiSZ(e) {
					return true
				}
			}
		case *ast.IfStmt:
			if i+1 < len(stack) && stack[i+1] == n.Body {
				if b, ok := ast.Unparen(n.Cond).(*ast.BinaryExpr); ok && b.Op == token.EQL &&
					(c.isMultiSZ(b.X) || c.isMultiSZ(b.Y)) {
					return true
				}
			}
		}
	}
	return false
}

func (c *checker) isMultiSZ(e ast.Expr) bool {
	id := syntax.Ident(e)
	if id == nil {
		return false
	}
	k, ok := c.pass.TypesInfo.Uses[id].(*types.Const)
	if !ok || k.Pkg() == nil {
		return false
	}
	switch callee.PkgPath(k.Pkg()) {
	case "golang.org/x/sys/windows/registry", "golang.org/x/sys/windows", "syscall":
		return k.Name() == "MULTI_SZ" || k.Name() == "REG_MULTI_SZ"
	}
	return false
}
