package paths

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/callee"
)

// fsFuncs are the functions taking io/fs names, with the index of the
// first name argument; -1 marks a variadic list of patterns from there.
var fsFuncs = map[string]struct {
	arg      int
	variadic bool
}{
	"io/fs.ReadFile": {1, false},
	"io/fs.ReadDir":  {1, false},
	"io/fs.Stat":     {1, false},
	"io/fs.Lstat":    {1, false},
	"io/fs.ReadLink": {1, false},
	"io/fs.Sub":      {1, false},
	"io/fs.Glob":     {1, false},
	"io/fs.WalkDir":  {1, false},

	"html/template.ParseFS":             {1, true},
	"text/template.ParseFS":             {1, true},
	"(*html/template.Template).ParseFS": {1, true},
	"(*text/template.Template).ParseFS": {1, true},

	"net/http.ServeFileFS": {3, false},

	"(*archive/zip.Writer).Create": {0, false},
}

// fsMethods are the methods of fs.FS implementations that take a name.
var fsMethods = map[string]bool{
	"Open": true, "ReadFile": true, "ReadDir": true, "Stat": true, "Lstat": true,
	"ReadLink": true, "Sub": true, "Glob": true,
}

// checkFSCall reports WL7002 at calls.
func (c *checker) checkFSCall(call *ast.CallExpr, fn *types.Func, name string) {
	if s, ok := fsFuncs[name]; ok {
		last := s.arg
		if s.variadic {
			last = len(call.Args) - 1
		}
		for i := s.arg; i <= last && i < len(call.Args); i++ {
			c.fsName(call.Args[i], name)
		}
		return
	}
	if fsMethods[fn.Name()] && len(call.Args) >= 1 && c.isFSMethod(fn) {
		c.fsName(call.Args[0], name)
	}
}

// isFSMethod reports whether fn is a method whose receiver implements
// io/fs.FS (embed.FS, fs.FS itself, os.DirFS's result, zip.Reader…).
func (c *checker) isFSMethod(fn *types.Func) bool {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Params().Len() < 1 {
		return false
	}
	if b, ok := sig.Params().At(0).Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
		return false
	}
	fsIface := c.fsInterface()
	if fsIface == nil {
		return false
	}
	// An interface that includes fs.FS promises io/fs names; a concrete
	// type only if it is one of the standard library's file systems (a
	// type of the program's own may take OS paths on purpose).
	recv := sig.Recv().Type()
	if types.IsInterface(recv) {
		return types.Implements(recv, fsIface)
	}
	for _, t := range concreteFS {
		if callee.IsNamedType(recv, t[0], t[1]) {
			return true
		}
	}
	return false
}

// concreteFS are the standard library's concrete io/fs file systems.
var concreteFS = [][2]string{
	{"embed", "FS"},
	{"archive/zip", "Reader"},
	{"archive/zip", "ReadCloser"},
	{"testing/fstest", "MapFS"},
}

// fsInterface returns io/fs.FS if the package's dependencies include io/fs.
func (c *checker) fsInterface() *types.Interface {
	if !c.fsLooked {
		c.fsLooked = true
		c.fsIface = c.findFS()
	}
	return c.fsIface
}

func (c *checker) findFS() *types.Interface {
	var find func(p *types.Package, seen map[*types.Package]bool) *types.Interface
	find = func(p *types.Package, seen map[*types.Package]bool) *types.Interface {
		if seen[p] {
			return nil
		}
		seen[p] = true
		if p.Path() == "io/fs" {
			if obj := p.Scope().Lookup("FS"); obj != nil {
				iface, _ := obj.Type().Underlying().(*types.Interface)
				return iface
			}
			return nil
		}
		for _, imp := range p.Imports() {
			if i := find(imp, seen); i != nil {
				return i
			}
		}
		return nil
	}
	return find(c.pass.Pkg, make(map[*types.Package]bool))
}

// fsName reports name if it is an OS path given where an io/fs or archive
// name is expected.
func (c *checker) fsName(name ast.Expr, api string) {
	if !c.prov.Of(name).IsOSPath() || c.noSeparator(name) {
		return
	}
	c.report(WL7002, name, c.toSlashFix(name),
		"%s is an OS path (\\ on Windows), but %s takes a slash-separated name; build it with path.Join or convert it with filepath.ToSlash",
		c.render(name), shortAPI(api))
}

// toSlashFix wraps e in filepath.ToSlash.
func (c *checker) toSlashFix(e ast.Expr) []analysis.SuggestedFix {
	name, edits, ok := c.pkgRef("path/filepath", e.Pos())
	if !ok {
		return nil
	}
	edits = append(edits,
		analysis.TextEdit{Pos: e.Pos(), End: e.Pos(), NewText: []byte(name + ".ToSlash(")},
		analysis.TextEdit{Pos: e.End(), End: e.End(), NewText: []byte(")")})
	return []analysis.SuggestedFix{{Message: "Convert with filepath.ToSlash", TextEdits: edits}}
}

// shortAPI turns "(*archive/zip.Writer).Create" into "zip.Writer.Create".
func shortAPI(name string) string {
	out := make([]byte, 0, len(name))
	for i := 0; i < len(name); i++ {
		switch name[i] {
		case '(', ')', '*':
			continue
		}
		out = append(out, name[i])
	}
	s := string(out)
	// Drop the package path before the last '/'.
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return s[i+1:]
		}
	}
	return s
}

// checkHeaderLit reports WL7002 for zip.FileHeader{Name: p} and
// tar.Header{Name: p}.
func (c *checker) checkHeaderLit(lit *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(lit)
	api := headerType(t)
	if api == "" {
		return
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "Name" {
			c.fsName(kv.Value, api)
		}
	}
}

// headerWriters write an archive header.
var headerWriters = []string{
	"(*archive/tar.Writer).WriteHeader",
	"(*archive/zip.Writer).CreateHeader",
	"(*archive/zip.Writer).CreateRaw",
}

// writesHeader reports whether body writes an archive header.
func (c *checker) writesHeader(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && callee.IsOneOf(c.pass.TypesInfo, call, headerWriters...) {
			found = true
		}
		return !found
	})
	return found
}

// checkHeaderAssign reports WL7002 for hdr.Name = p in a function that
// writes archive headers (a reader that rewrites the names it reads into
// OS paths, for its own use, is not writing an archive).
func (c *checker) checkHeaderAssign(as *ast.AssignStmt, stack []ast.Node) {
	tuple := len(as.Rhs) == 1 && len(as.Lhs) > 1
	if len(as.Lhs) != len(as.Rhs) && !tuple {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Name" {
			continue
		}
		s, ok := c.pass.TypesInfo.Selections[sel]
		if !ok || s.Kind() != types.FieldVal {
			continue
		}
		api := headerType(s.Recv())
		if api != "" {
			if body := enclosingFunc(stack); body == nil || !c.writesHeader(body) {
				return
			}
		}
		switch {
		case api == "":
		case !tuple:
			c.fsName(as.Rhs[i], api)
		default:
			// hdr.Name, err = filepath.Rel(root, p)
			if call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr); ok && c.prov.OfResult(call, i).IsOSPath() {
				c.report(WL7002, as.Rhs[0], nil,
					"%s is an OS path (\\ on Windows), but %s takes a slash-separated name; convert it with filepath.ToSlash",
					c.render(as.Rhs[0]), shortAPI(api))
			}
		}
	}
}

func headerType(t types.Type) string {
	switch {
	case callee.IsNamedType(t, "archive/zip", "FileHeader"):
		return "archive/zip.FileHeader.Name"
	case callee.IsNamedType(t, "archive/tar", "Header"):
		return "archive/tar.Header.Name"
	}
	return ""
}

// noSeparator reports whether e is filepath.Join, Clean or FromSlash of
// one constant without a separator ("static"): the result has no
// separator either, so it is a valid io/fs name on every system.
func (c *checker) noSeparator(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	switch callee.CallName(c.pass.TypesInfo, call) {
	case "path/filepath.Join", "path/filepath.Clean", "path/filepath.FromSlash":
	default:
		return false
	}
	s, ok := c.constString(call.Args[0])
	return ok && s != "" && !strings.ContainsAny(s, `/\`) && s != ".." && !strings.HasPrefix(s, "../")
}
