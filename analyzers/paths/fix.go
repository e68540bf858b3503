package paths

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/fixes"
)

// pkgRef returns the name under which code at pos can refer to the package
// path, and the edits that add its import if the file lacks it; ok is
// false when no name can be written there (fixes.PackageName).
func (c *checker) pkgRef(path string, pos token.Pos) (name string, edits []analysis.TextEdit, ok bool) {
	return fixes.PackageName(c.pass, c.file, pos, path)
}

// usesOf counts the references in the file to the package imported as
// path.
func (c *checker) usesOf(path string) (n int) {
	ast.Inspect(c.file, func(node ast.Node) bool {
		if id, ok := node.(*ast.Ident); ok {
			if pn, ok := c.pass.TypesInfo.Uses[id].(*types.PkgName); ok && pn.Imported().Path() == path {
				n++
			}
		}
		return true
	})
	return n
}

// removeImport returns the edit that deletes the file's import of path.
func (c *checker) removeImport(path string) ([]analysis.TextEdit, bool) {
	for _, d := range c.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, s := range gd.Specs {
			is := s.(*ast.ImportSpec)
			p, _ := strconv.Unquote(is.Path.Value)
			if p != path {
				continue
			}
			if !gd.Lparen.IsValid() || len(gd.Specs) == 1 {
				return []analysis.TextEdit{{Pos: gd.Pos(), End: gd.End()}}, true
			}
			// Delete the spec's whole line.
			tf := c.pass.Fset.File(is.Pos())
			line := fixes.Line(tf, is.Pos()) // real lines, whatever //line says
			if fixes.Line(tf, is.End()) != line || line >= tf.LineCount() {
				return nil, false
			}
			return []analysis.TextEdit{{Pos: tf.LineStart(line), End: tf.LineStart(line + 1)}}, true
		}
	}
	return nil, false
}

// source returns the text of the file between two positions, or "".
func (c *checker) source(pos, end token.Pos) string {
	tf := c.pass.Fset.File(pos)
	if tf == nil {
		return ""
	}
	content, err := c.pass.ReadFile(tf.Name())
	if err != nil {
		return ""
	}
	i, j := tf.Offset(pos), tf.Offset(end)
	if i < 0 || j > len(content) || i > j {
		return ""
	}
	return string(content[i:j])
}
