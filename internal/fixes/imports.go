package fixes

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// PackageName returns the name by which code inserted at pos in file can
// refer to the package with import path path, for an analyzer's suggested
// fix.
//
// If the file imports the package under a name that means the package at
// pos (not shadowed there by a parameter or variable), that name is
// returned with no edits. Otherwise, for a standard-library package or one
// the package under analysis already imports, it returns the package's own
// name and the edit that adds the import to file, provided that name is
// free at pos and in the file. Otherwise ok is false: the fix cannot be
// written and should not be offered.
//
// Several fixes may add the same import: their edits are identical, and
// applied once.
func PackageName(pass *analysis.Pass, file *ast.File, pos token.Pos, path string) (name string, edits []analysis.TextEdit, ok bool) {
	if file == nil {
		return "", nil, false
	}
	scope := pass.TypesInfo.Scopes[file]
	if scope == nil {
		return "", nil, false
	}
	if inner := scope.Innermost(pos); inner != nil {
		scope = inner
	}
	means := func(name string, obj types.Object) bool {
		_, found := scope.LookupParent(name, pos)
		return found == obj
	}
	for _, imp := range file.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err != nil || p != path {
			continue
		}
		pn := pass.TypesInfo.PkgNameOf(imp)
		if pn == nil || pn.Name() == "_" || pn.Name() == "." {
			continue
		}
		if means(pn.Name(), pn) {
			return pn.Name(), nil, true
		}
	}

	// Add the import.
	name = ""
	for _, p := range pass.Pkg.Imports() {
		if p.Path() == path {
			name = p.Name()
		}
	}
	if name == "" {
		first, _, _ := strings.Cut(path, "/")
		if strings.Contains(first, ".") {
			return "", nil, false // not standard: the module may not require it
		}
		name = path[strings.LastIndexByte(path, '/')+1:]
	}
	if !token.IsIdentifier(name) || !means(name, nil) {
		return "", nil, false
	}
	for _, imp := range file.Imports { // a blank or dot import of that name
		if imp.Name != nil && imp.Name.Name == name {
			return "", nil, false
		}
	}
	edit, ok := addImport(pass.Fset, file, path)
	if !ok {
		return "", nil, false
	}
	return name, []analysis.TextEdit{edit}, true
}

// addImport returns the edit that adds `import "path"` to file: into its
// first import declaration, in sorted position, or after the package
// clause.
func addImport(fset *token.FileSet, file *ast.File, path string) (analysis.TextEdit, bool) {
	tf := fset.File(file.Pos())
	if tf == nil {
		return analysis.TextEdit{}, false
	}
	lineEnd := func(p token.Pos) (token.Pos, bool) { return LineEnd(tf, p) }
	quoted := strconv.Quote(path)
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if !gd.Lparen.IsValid() {
			at, ok := lineEnd(gd.End())
			if !ok {
				return analysis.TextEdit{}, false
			}
			return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\nimport " + quoted)}, true
		}
		// After the last spec that sorts before it, at the end of its
		// line (after a trailing comment), or first.
		after := gd.Lparen
		for _, s := range gd.Specs {
			is := s.(*ast.ImportSpec)
			if is.Path.Value < quoted {
				if at, ok := lineEnd(is.End()); ok {
					after = at
				}
			}
		}
		if after == gd.Lparen {
			after++
			return analysis.TextEdit{Pos: after, End: after, NewText: []byte("\n\t" + quoted)}, true
		}
		return analysis.TextEdit{Pos: after, End: after, NewText: []byte("\n\t" + quoted)}, true
	}
	at, ok := lineEnd(file.Name.End())
	if !ok {
		return analysis.TextEdit{}, false
	}
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte("\n\nimport " + quoted)}, true
}
