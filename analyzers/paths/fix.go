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
// path, and the edits that add its import if the file lacks it. ok is
// false when there is no usable name: the package is imported under a
// name shadowed at pos, as _ or ., or not imported and its name is taken.
func (c *checker) pkgRef(path string, pos token.Pos) (name string, edits []analysis.TextEdit, ok bool) {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return "", nil, false
	}
	for _, imp := range c.file.Imports {
		p, err := strconv.Unquote(imp.Path.Value)
		if err != nil || p != path {
			continue
		}
		var pn *types.PkgName
		if imp.Name != nil {
			pn, _ = c.pass.TypesInfo.Defs[imp.Name].(*types.PkgName)
		} else {
			pn, _ = c.pass.TypesInfo.Implicits[imp].(*types.PkgName)
		}
		if pn == nil || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		if _, obj := scope.LookupParent(pn.Name(), pos); obj == pn {
			return pn.Name(), nil, true
		}
	}
	// Not imported under a usable name: add the import, if its name is
	// free at pos and in the file.
	name = path
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			name = path[i+1:]
			break
		}
	}
	for _, imp := range c.file.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if p == path {
			return "", nil, false // imported, but unusable here
		}
	}
	if _, obj := scope.LookupParent(name, pos); obj != nil {
		return "", nil, false
	}
	return name, c.addImport(path), true
}

// addImport returns the edit that adds an import of path to the file.
func (c *checker) addImport(path string) []analysis.TextEdit {
	quoted := strconv.Quote(path)
	for _, d := range c.file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if gd.Lparen.IsValid() {
			return []analysis.TextEdit{{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + quoted)}}
		}
		// import "a" becomes import ( "a"; "path" ).
		spec := gd.Specs[0]
		text := c.source(spec.Pos(), spec.End())
		if text == "" {
			return []analysis.TextEdit{{Pos: gd.End(), End: gd.End(), NewText: []byte("\n\nimport " + quoted)}}
		}
		return []analysis.TextEdit{{Pos: gd.Pos(), End: gd.End(), NewText: []byte("import (\n\t" + text + "\n\t" + quoted + "\n)")}}
	}
	end := c.file.Name.End()
	return []analysis.TextEdit{{Pos: end, End: end, NewText: []byte("\n\nimport " + quoted)}}
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
