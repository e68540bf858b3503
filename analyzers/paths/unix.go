package paths

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/syntax"
)

// fileArgs are the file-system functions and the indexes of their path
// arguments.
var fileArgs = callee.Table[[]int]{
	"os.Open": {0}, "os.OpenFile": {0}, "os.Create": {0}, "os.ReadFile": {0},
	"os.WriteFile": {0}, "os.Stat": {0}, "os.Lstat": {0}, "os.Mkdir": {0},
	"os.MkdirAll": {0}, "os.MkdirTemp": {0}, "os.CreateTemp": {0}, "os.Remove": {0},
	"os.RemoveAll": {0}, "os.Rename": {0, 1}, "os.Chdir": {0}, "os.ReadDir": {0},
	"os.Truncate": {0}, "os.Chmod": {0}, "os.Chtimes": {0}, "os.Symlink": {0, 1},
	"os.Link": {0, 1}, "os.Readlink": {0}, "os.DirFS": {0}, "os.OpenRoot": {0},
	"io/ioutil.ReadFile": {0}, "io/ioutil.WriteFile": {0}, "io/ioutil.ReadDir": {0},
	"io/ioutil.TempFile": {0}, "io/ioutil.TempDir": {0},
}

// unixDevices maps Unix device files to their Windows replacement.
var unixDevices = map[string]string{
	"/dev/null":    "os.DevNull",
	"/dev/stdout":  "os.Stdout",
	"/dev/stderr":  "os.Stderr",
	"/dev/stdin":   "os.Stdin",
	"/dev/tty":     "the console (CONIN$/CONOUT$) or os.Stdin/os.Stdout",
	"/dev/zero":    "a reader of zeros",
	"/dev/urandom": "crypto/rand",
	"/dev/random":  "crypto/rand",
}

// checkUnixCall reports WL7003 at calls.
func (c *checker) checkUnixCall(call *ast.CallExpr, name string, stack []ast.Node) {
	if idx, ok := fileArgs[name]; ok {
		for _, i := range idx {
			if p := arg(call, i); p != nil {
				c.unixPath(p, name)
			}
		}
		return
	}
	switch name {
	case "strings.Split", "strings.SplitN":
		c.listSplit(call)
	case "os.Setenv":
		c.listSetenv(call)
	case "os.Getenv":
		c.homeRead(call, stack)
	case "os.ExpandEnv":
		c.homeExpand(call, stack)
	}
}

// unixPath reports a path argument that starts with a Unix-only absolute
// path.
func (c *checker) unixPath(p ast.Expr, api string) {
	if !c.mayStartWithSlash(p, 0) {
		return
	}
	prefix, whole := c.pathPrefix(p)
	if prefix == "" {
		return
	}
	var msg string
	var fixes []analysis.SuggestedFix
	if repl, ok := unixDevices[prefix]; ok && whole {
		msg = prefix + " does not exist on Windows; use " + repl
		if prefix == "/dev/null" {
			fixes = c.devNullFix(p)
		}
	} else if prefix == "/tmp" || strings.HasPrefix(prefix, "/tmp/") || strings.HasPrefix(prefix, "/var/tmp/") {
		msg = "/tmp does not exist on Windows; use os.TempDir(), os.MkdirTemp or t.TempDir()"
	} else {
		return
	}
	c.report(WL7003, p, fixes, "%s given to %s: %s", c.render(p), shortAPI(api), msg)
}

// mayStartWithSlash is a cheap test before pathPrefix: whether e may
// start with "/" (a constant that does, a variable, a concatenation or
// join whose first part may).
func (c *checker) mayStartWithSlash(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	if s, ok := fold.ConstString(c.pass.TypesInfo, e); ok {
		return strings.HasPrefix(s, "/")
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.BinaryExpr:
		return e.Op == token.ADD && c.mayStartWithSlash(e.X, depth+1)
	case *ast.CallExpr:
		switch callee.CallName(c.pass.TypesInfo, e) {
		case "path/filepath.Join", "path.Join", "fmt.Sprintf":
			return len(e.Args) > 0 && c.mayStartWithSlash(e.Args[0], depth+1)
		}
	}
	return false
}

// pathPrefix returns the known text a path starts with, up to the first
// part computed at run time, and whether the path is entirely known. The
// first argument of filepath.Join and path.Join is looked through.
func (c *checker) pathPrefix(p ast.Expr) (string, bool) {
	for range 8 {
		e := c.single(p)
		call, ok := e.(*ast.CallExpr)
		if !ok {
			break
		}
		switch callee.CallName(c.pass.TypesInfo, call) {
		case "path/filepath.Join", "path.Join":
			if len(call.Args) == 0 {
				return "", false
			}
			s, _ := c.pathPrefix(call.Args[0])
			if s == "" {
				return "", false
			}
			return s + "/", false
		}
		break
	}
	shape := c.vals().StringShape(p)
	if s, ok := shape.Known(); ok {
		return s, true
	}
	return shape.Prefix(), false
}

// devNullFix replaces a "/dev/null" literal with os.DevNull.
func (c *checker) devNullFix(p ast.Expr) []analysis.SuggestedFix {
	lit, ok := ast.Unparen(p).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil
	}
	name, edits, ok := c.pkgRef("os", lit.Pos())
	if !ok {
		return nil
	}
	edits = append(edits, analysis.TextEdit{Pos: lit.Pos(), End: lit.End(), NewText: []byte(name + ".DevNull")})
	return []analysis.SuggestedFix{{Message: "Use os.DevNull", TextEdits: edits}}
}

// listVars are environment variables holding lists of paths, separated
// by os.PathListSeparator (';' on Windows).
var listVars = map[string]bool{
	"PATH": true, "GOPATH": true, "KUBECONFIG": true, "PYTHONPATH": true,
	"NODE_PATH": true, "CDPATH": true, "CLASSPATH": true, "MANPATH": true,
}

// envName returns the name of the environment variable e reads with
// os.Getenv or os.LookupEnv, upper-cased (Windows names are
// case-insensitive).
func (c *checker) envName(e ast.Expr) string {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		if v, index, ok := c.vals().Def(id); ok {
			if index > 0 {
				return ""
			}
			e = ast.Unparen(v)
		}
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return ""
	}
	if !callee.IsOneOf(c.pass.TypesInfo, call, "os.Getenv", "os.LookupEnv", "syscall.Getenv") {
		return ""
	}
	s, ok := c.constString(call.Args[0])
	if !ok {
		return ""
	}
	return strings.ToUpper(s)
}

// listSplit reports strings.Split(os.Getenv("PATH"), ":").
func (c *checker) listSplit(call *ast.CallExpr) {
	if len(call.Args) < 2 {
		return
	}
	sep, ok := c.constString(call.Args[1])
	if !ok || sep != ":" {
		return
	}
	v := c.envName(call.Args[0])
	if !listVars[v] {
		return
	}
	var fixes []analysis.SuggestedFix
	if len(call.Args) == 2 {
		fixes = c.splitListFix(call)
	}
	c.report(WL7003, call, fixes,
		"$%s is split on \":\", but Windows separates its entries with \";\" (and C:\\ has a colon); use filepath.SplitList",
		v)
}

// splitListFix rewrites strings.Split(x, ":") as filepath.SplitList(x).
func (c *checker) splitListFix(call *ast.CallExpr) []analysis.SuggestedFix {
	name, edits, ok := c.pkgRef("path/filepath", call.Pos())
	if !ok {
		return nil
	}
	if c.usesOf("strings") == 1 {
		rm, ok := c.removeImport("strings")
		if !ok {
			return nil
		}
		edits = append(edits, rm...)
	}
	edits = append(edits,
		analysis.TextEdit{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(name + ".SplitList")},
		analysis.TextEdit{Pos: call.Args[0].End(), End: call.Rparen})
	return []analysis.SuggestedFix{{Message: "Use filepath.SplitList", TextEdits: edits}}
}

// listSetenv reports os.Setenv("PATH", dir+":"+os.Getenv("PATH")) and
// os.Setenv("PATH", strings.Join(dirs, ":")).
func (c *checker) listSetenv(call *ast.CallExpr) {
	if len(call.Args) != 2 {
		return
	}
	name, ok := c.constString(call.Args[0])
	if !ok || !listVars[strings.ToUpper(name)] {
		return
	}
	if !c.colonJoined(call.Args[1]) {
		return
	}
	c.report(WL7003, call.Args[1], nil,
		"$%s is joined with \":\", but Windows separates its entries with \";\"; use string(os.PathListSeparator)",
		strings.ToUpper(name))
}

// colonJoined reports whether e joins computed parts with a ":"
// separator: a + ":" + b, or strings.Join(list, ":").
func (c *checker) colonJoined(e ast.Expr) bool {
	e = c.single(e)
	if call, ok := e.(*ast.CallExpr); ok && callee.IsOneOf(c.pass.TypesInfo, call, "strings.Join") && len(call.Args) == 2 {
		sep, ok := c.constString(call.Args[1])
		return ok && sep == ":"
	}
	shape := c.vals().StringShape(e)
	for i, part := range shape {
		if !part.Known {
			continue
		}
		// A known part that starts or ends with ':' between two holes.
		if strings.HasPrefix(part.Text, ":") && i > 0 && !shape[i-1].Known {
			return true
		}
		if strings.HasSuffix(part.Text, ":") && i+1 < len(shape) && !shape[i+1].Known {
			return true
		}
	}
	return false
}

// homeFallbacks are names whose mention in a function means it already
// handles a missing HOME.
var homeFallbacks = []string{"USERPROFILE", "HOMEPATH", "HOMEDRIVE", "APPDATA", "LOCALAPPDATA"}

// homeRead reports os.Getenv("HOME") used as a directory with no
// fallback when it is empty.
func (c *checker) homeRead(call *ast.CallExpr, stack []ast.Node) {
	if len(call.Args) != 1 {
		return
	}
	if s, ok := c.constString(call.Args[0]); !ok || s != "HOME" {
		return
	}
	body := enclosingFunc(stack)
	if body == nil {
		return
	}
	// The value: the call itself, or the variable it is assigned to.
	var v types.Object
	use := ast.Node(call)
	parent := stack[len(stack)-1]
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) != len(p.Rhs) {
			return
		}
		for i, r := range p.Rhs {
			if r == call {
				id, ok := p.Lhs[i].(*ast.Ident)
				if !ok {
					return
				}
				v = c.objOf(id)
			}
		}
		if v == nil {
			return
		}
	case *ast.ValueSpec:
		for i, r := range p.Values {
			if r == call && i < len(p.Names) {
				v = c.objOf(p.Names[i])
			}
		}
		if v == nil {
			return
		}
	}
	if c.hasFallback(body) {
		return
	}
	var at ast.Node
	if v == nil {
		if c.usedAsDir(call, stack) {
			at = use
		}
	} else {
		at = c.varUsedAsDir(body, v)
		if at != nil && c.emptyChecked(body, v) {
			return
		}
	}
	if at == nil {
		return
	}
	c.report(WL7003, call, nil,
		"$HOME is usually unset on Windows, so this builds a path from \"\"; use os.UserHomeDir (it reads %%USERPROFILE%% on Windows) or fall back when HOME is empty")
}

func (c *checker) objOf(id *ast.Ident) types.Object {
	if obj := c.pass.TypesInfo.Defs[id]; obj != nil {
		return obj
	}
	return c.pass.TypesInfo.Uses[id]
}

// hasFallback reports whether body handles a missing HOME: it reads
// USERPROFILE (or HOMEDRIVE/HOMEPATH, APPDATA), calls os.UserHomeDir,
// os/user, go-homedir, or tests runtime.GOOS.
func (c *checker) hasFallback(body ast.Node) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.BasicLit:
			if n.Kind == token.STRING {
				if s, err := strconv.Unquote(n.Value); err == nil {
					for _, f := range homeFallbacks {
						if strings.EqualFold(s, f) {
							found = true
						}
					}
				}
			}
		case *ast.SelectorExpr:
			if obj := c.pass.TypesInfo.Uses[n.Sel]; obj != nil && obj.Pkg() != nil {
				switch callee.PkgPath(obj.Pkg()) + "." + obj.Name() {
				case "os.UserHomeDir", "os/user.Current", "os/user.Lookup", "runtime.GOOS",
					"github.com/mitchellh/go-homedir.Dir", "github.com/mitchellh/go-homedir.Expand":
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// usedAsDir reports whether the HOME value e (whose ancestors are stack)
// is used as a directory: joined onto, concatenated with a path, given to
// a file function, or substituted for "~".
func (c *checker) usedAsDir(e ast.Expr, stack []ast.Node) bool {
	if len(stack) == 0 {
		return false
	}
	switch p := stack[len(stack)-1].(type) {
	case *ast.CallExpr:
		name := callee.CallName(c.pass.TypesInfo, p)
		switch name {
		case "path/filepath.Join", "path.Join":
			return len(p.Args) > 1 && p.Args[0] == e
		case "strings.Replace", "strings.ReplaceAll":
			if len(p.Args) >= 3 && p.Args[2] == e {
				s, ok := c.constString(p.Args[1])
				return ok && strings.HasPrefix(s, "~")
			}
			return false
		}
		if idx, ok := fileArgs[name]; ok {
			for _, i := range idx {
				if i < len(p.Args) && p.Args[i] == e {
					return true
				}
			}
		}
	case *ast.BinaryExpr:
		if p.Op == token.ADD && p.X == e {
			prefix := c.vals().StringShape(p.Y).Prefix()
			return strings.HasPrefix(prefix, "/") || strings.HasPrefix(prefix, "\\")
		}
	}
	return false
}

// varUsedAsDir returns the first use of v in body as a directory, or nil.
func (c *checker) varUsedAsDir(body ast.Node, v types.Object) ast.Node {
	var at ast.Node
	syntax.WithStack(body, func(n ast.Node, stack []ast.Node) bool {
		if at != nil {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v && c.usedAsDir(id, stack) {
			at = id
		}
		return true
	})
	return at
}

// emptyChecked reports whether body tests v for emptiness (v == "",
// len(v) == 0) or gives it to cmp.Or.
func (c *checker) emptyChecked(body ast.Node, v types.Object) bool {
	is := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		return ok && c.pass.TypesInfo.Uses[id] == v
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				if is(n.X) && c.isEmptyString(n.Y) || is(n.Y) && c.isEmptyString(n.X) {
					found = true
				}
			}
		case *ast.CallExpr:
			if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "len" && len(n.Args) == 1 && is(n.Args[0]) {
				if _, builtin := c.pass.TypesInfo.Uses[id].(*types.Builtin); builtin {
					found = true
				}
			}
			if callee.IsOneOf(c.pass.TypesInfo, n, "cmp.Or") {
				for _, a := range n.Args {
					if is(a) {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

func (c *checker) isEmptyString(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == ""
}

// homeExpand reports os.ExpandEnv("$HOME/...") with no fallback in the
// function.
func (c *checker) homeExpand(call *ast.CallExpr, stack []ast.Node) {
	if len(call.Args) != 1 {
		return
	}
	s, ok := c.constString(call.Args[0])
	if !ok {
		return
	}
	rest, ok := strings.CutPrefix(s, "$HOME")
	if !ok {
		rest, ok = strings.CutPrefix(s, "${HOME}")
	}
	if !ok || !strings.HasPrefix(rest, "/") {
		return
	}
	if body := enclosingFunc(stack); body == nil || c.hasFallback(body) {
		return
	}
	c.report(WL7003, call, nil,
		"$HOME is usually unset on Windows, so %s expands to a path under the drive's root; use os.UserHomeDir (it reads %%USERPROFILE%% on Windows)",
		c.render(call))
}
