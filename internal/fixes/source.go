package fixes

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// Text returns the source text of n as its file holds it, comments and
// all. A fix that rewrites an expression around n must copy n's text this
// way: printing the syntax tree (types.ExprString) abbreviates literals
// ("[]string{…}") and drops comments, so the result may not compile. ok
// is false if the file cannot be read or has changed since it was parsed.
func Text(pass *analysis.Pass, n ast.Node) (string, bool) {
	tf := pass.Fset.File(n.Pos())
	if tf == nil || !n.End().IsValid() || pass.Fset.File(n.End()) != tf {
		return "", false
	}
	data, err := pass.ReadFile(tf.Name())
	if err != nil || len(data) != tf.Size() {
		return "", false
	}
	start, end := tf.Offset(n.Pos()), tf.Offset(n.End())
	if start > end {
		return "", false
	}
	return string(data[start:end]), true
}

// DropsComments reports whether replacing the source of n loses a comment
// of file: one inside n that is not inside any of kept (the parts of n
// whose text the replacement copies, see Text). A fix that would drop a
// comment should not be offered.
func DropsComments(file *ast.File, n ast.Node, kept ...ast.Node) bool {
	if file == nil {
		return true
	}
	within := func(c *ast.Comment, m ast.Node) bool {
		return m.Pos() <= c.Pos() && c.End() <= m.End()
	}
	for _, cg := range file.Comments {
		if cg.End() < n.Pos() || cg.Pos() > n.End() {
			continue
		}
	comments:
		for _, c := range cg.List {
			if !within(c, n) {
				continue
			}
			for _, k := range kept {
				if k != nil && within(c, k) {
					continue comments
				}
			}
			return true
		}
	}
	return false
}

// Paren returns text, the source of the expression e, in parentheses if
// e is not a primary expression (so that a selector or call can follow
// it: "(*p).To4()", not "*p.To4()").
func Paren(e ast.Expr, text string) string {
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr, *ast.IndexExpr, *ast.IndexListExpr,
		*ast.BasicLit, *ast.SliceExpr, *ast.TypeAssertExpr, *ast.ParenExpr:
		return text
	}
	return "(" + text + ")"
}

// Line returns the real line of p in tf: the line of the .go file, which
// a //line directive does not change (tf.Line gives the renamed one).
func Line(tf *token.File, p token.Pos) int {
	return tf.PositionFor(p, false).Line
}

// LineEnd returns the position of the newline that ends the (real) line
// of p, to insert after the line and any comment on it; ok is false on
// the last line.
func LineEnd(tf *token.File, p token.Pos) (token.Pos, bool) {
	line := Line(tf, p)
	if line >= tf.LineCount() {
		return token.NoPos, false
	}
	return tf.LineStart(line+1) - 1, true
}

// Unrenamed returns the fixes without an edit in a part of a file that a
// //line directive renames. go vet's JSON output names such an edit by the
// renamed file (a .y grammar, say) with offsets into the .go file, which
// would corrupt the grammar; the vet tool drops them.
func Unrenamed(fset *token.FileSet, fixes []analysis.SuggestedFix) []analysis.SuggestedFix {
	var out []analysis.SuggestedFix
	for _, fix := range fixes {
		ok := true
		for _, e := range fix.TextEdits {
			for _, p := range []token.Pos{e.Pos, e.End} {
				if p.IsValid() && fset.PositionFor(p, true).Filename != fset.PositionFor(p, false).Filename {
					ok = false
				}
			}
		}
		if ok {
			out = append(out, fix)
		}
	}
	return out
}
