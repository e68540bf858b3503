package paths

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/callee"
)

// pathFuncs are the functions of package path that WL7001 reports on OS
// paths, with the argument that must be an OS path.
var pathFuncs = map[string]bool{
	"path.Base": true, "path.Dir": true, "path.Ext": true, "path.Split": true,
	"path.Join": true, "path.IsAbs": true, "path.Clean": true,
}

// slashSurgery are the strings functions that, with a "/" argument, take a
// path apart on slashes.
var slashSurgery = map[string]string{
	"strings.Split":         "filepath.Dir, filepath.Base or strings.Split(filepath.ToSlash(p), \"/\")",
	"strings.SplitN":        "filepath.Dir, filepath.Base or strings.SplitN(filepath.ToSlash(p), \"/\", n)",
	"strings.SplitAfter":    "filepath.Dir, filepath.Base or filepath.ToSlash first",
	"strings.SplitAfterN":   "filepath.Dir, filepath.Base or filepath.ToSlash first",
	"strings.Cut":           "filepath.Dir, filepath.Base or filepath.ToSlash first",
	"strings.Index":         "filepath.Dir, filepath.Base or filepath.ToSlash first",
	"strings.LastIndex":     "filepath.Dir and filepath.Base",
	"strings.IndexByte":     "filepath.Dir, filepath.Base or filepath.ToSlash first",
	"strings.LastIndexByte": "filepath.Dir and filepath.Base",
	"strings.HasPrefix":     "filepath.IsAbs",
}

// checkPathCall reports WL7001.
func (c *checker) checkPathCall(call *ast.CallExpr, name string, stack []ast.Node) {
	if pathFuncs[name] {
		p := arg(call, 0)
		if p == nil || !c.prov.Of(p).IsOSPath() {
			return
		}
		fn := name[len("path."):]
		c.report(WL7001, call, c.pathFix(call),
			"%s is an OS path, but path.%s splits only on \"/\" (Windows paths use \\); use filepath.%s",
			c.render(p), fn, fn)
		return
	}
	use, ok := slashSurgery[name]
	if !ok || len(call.Args) < 2 {
		return
	}
	if !c.isSlash(call.Args[1]) || !c.prov.Of(call.Args[0]).IsOSPath() {
		return
	}
	if name == "strings.HasPrefix" {
		if c.windowsAwareCond(stack) || c.knownAbsolute(call.Args[0]) {
			return
		}
		c.report(WL7001, call, nil,
			"strings.HasPrefix(%s, \"/\") as an absolute-path test is false for Windows paths (C:\\...); use filepath.IsAbs",
			c.render(call.Args[0]))
		return
	}
	c.report(WL7001, call, nil, "%s is an OS path, but %s looks for \"/\" (Windows paths use \\); use %s",
		c.render(call.Args[0]), name, use)
}

// isSlash reports whether e is the constant "/" or '/'.
func (c *checker) isSlash(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	if s, ok := c.constString(e); ok {
		return s == "/"
	}
	if n, ok := constInt(tv); ok {
		return n == '/'
	}
	return false
}

// pathFix rewrites path.F to filepath.F. When the file does not import
// path/filepath it imports it, and when this is the only use of path in
// the file the import of path becomes the import of path/filepath.
func (c *checker) pathFix(call *ast.CallExpr) []analysis.SuggestedFix {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	pkg, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	if _, ok := c.pass.TypesInfo.Uses[pkg].(*types.PkgName); !ok {
		return nil
	}
	only := c.usesOf("path") == 1
	var edits []analysis.TextEdit
	name, add, ok := c.pkgRef("path/filepath", call.Pos())
	switch {
	case ok && len(add) == 0:
		// filepath is imported: use it, and drop path if unused now.
		if only {
			rm, ok := c.removeImport("path")
			if !ok {
				return nil
			}
			edits = append(edits, rm...)
		}
	case ok && only && c.renamePathImport() != nil:
		// path's import becomes path/filepath's.
		edits = append(edits, *c.renamePathImport())
	case ok && !only:
		edits = append(edits, add...)
	default:
		return nil
	}
	edits = append(edits, analysis.TextEdit{Pos: pkg.Pos(), End: pkg.End(), NewText: []byte(name)})
	return []analysis.SuggestedFix{{Message: "Use filepath." + sel.Sel.Name, TextEdits: edits}}
}

// renamePathImport returns the edit that turns an unnamed import of path
// into an import of path/filepath, or nil.
func (c *checker) renamePathImport() *analysis.TextEdit {
	for _, imp := range c.file.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if p == "path" && imp.Name == nil {
			return &analysis.TextEdit{Pos: imp.Path.Pos(), End: imp.Path.End(), NewText: []byte(`"path/filepath"`)}
		}
	}
	return nil
}

// windowsAwareCond reports whether the boolean expression around the node
// whose ancestors are stack also asks filepath.IsAbs or VolumeName, or
// tests a backslash prefix: the "/" test is then one case of several.
func (c *checker) windowsAwareCond(stack []ast.Node) bool {
	var top ast.Node
walk:
	for i := len(stack) - 1; i >= 0; i-- {
		switch p := stack[i].(type) {
		case *ast.ParenExpr:
		case *ast.UnaryExpr:
			if p.Op != token.NOT {
				break walk
			}
		case *ast.BinaryExpr:
			if p.Op != token.LAND && p.Op != token.LOR {
				break walk
			}
		default:
			break walk
		}
		top = stack[i]
	}
	if top == nil {
		return false
	}
	found := false
	ast.Inspect(top, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		switch callee.CallName(c.pass.TypesInfo, call) {
		case "path/filepath.IsAbs", "path/filepath.VolumeName":
			found = true
		case "strings.HasPrefix":
			if len(call.Args) == 2 {
				if s, ok := c.constString(call.Args[1]); ok && s == "\\" {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// absoluteSources return absolute paths; a "/" prefix test on their
// result is not an absolute-path test but a deliberate "Unix or Windows
// form?" test (git-lfs builds file URLs that way).
var absoluteSources = map[string]bool{
	"path/filepath.Abs": true, "os.Getwd": true, "os.Executable": true,
	"os.TempDir": true, "os.UserHomeDir": true, "os.UserConfigDir": true,
	"os.UserCacheDir": true, "os.MkdirTemp": true,
	"(*testing.common).TempDir": true, "(testing.TB).TempDir": true,
}

// knownAbsolute reports whether e is, directly or through a variable
// assigned once, the result of a function that returns absolute paths.
func (c *checker) knownAbsolute(e ast.Expr) bool {
	for range 8 {
		e = ast.Unparen(e)
		if call, ok := e.(*ast.CallExpr); ok {
			return absoluteSources[callee.CallName(c.pass.TypesInfo, call)]
		}
		if _, ok := e.(*ast.Ident); !ok {
			return false
		}
		v, index, ok := c.vals().Def(e)
		if !ok || index > 0 {
			return false
		}
		e = v
	}
	return false
}
