// Package syntax holds small questions about a package's syntax trees that
// several analyzers ask: which file holds a position, under which name a
// file imports a package, whether a position is in a test file, which
// identifier an expression names, and walks that keep each node's
// ancestors.
package syntax

import (
	"go/ast"
	"go/token"
	"strings"
)

// File returns the file of files that contains pos, or nil.
func File(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// ImportName returns the name under which file imports path, or "" if it
// does not import it, imports it as _ or ., or file is nil.
func ImportName(file *ast.File, path string) string {
	if file == nil {
		return ""
	}
	for _, imp := range file.Imports {
		if imp.Path.Value != `"`+path+`"` {
			continue
		}
		if imp.Name == nil {
			return path[strings.LastIndexByte(path, '/')+1:]
		}
		if imp.Name.Name == "_" || imp.Name.Name == "." {
			return ""
		}
		return imp.Name.Name
	}
	return ""
}

// IsTestFile reports whether pos is in a _test.go file.
func IsTestFile(fset *token.FileSet, pos token.Pos) bool {
	f := fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go")
}

// Ident returns the identifier e names: e itself, or the selected name of
// a selector (pkg.Name, x.Field); nil for other expressions.
func Ident(e ast.Expr) *ast.Ident {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return x
	case *ast.SelectorExpr:
		return x.Sel
	}
	return nil
}

// WithStack calls f for every node under root with the stack of its
// ancestors (root first, n's parent last). When f returns false the
// node's children are skipped.
func WithStack(root ast.Node, f func(n ast.Node, stack []ast.Node) bool) {
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if !f(n, stack) {
			return false // Inspect sends no nil for a node whose children it skips
		}
		stack = append(stack, n)
		return true
	})
}
