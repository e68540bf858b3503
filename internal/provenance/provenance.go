// Package provenance answers "where did this value come from?" for an
// expression of a package under analysis: an OS path (the result of
// os.Executable, filepath.Join, the path of a filepath.Walk callback…), a
// slash-separated name (an io/fs name, a path.* or filepath.ToSlash result,
// an archive entry name), a URL path, a constant, or a standard stream of
// the console (os.Stdin and readers over it, the handles of the three
// standard files).
//
// The analysis is local and cheap: it looks through parentheses,
// conversions, constants, the assignments of local and unexported
// package-level variables (all of them must agree), the results of
// functions it knows (matched through type information), the results of
// functions of the same package (all return statements must agree), and
// the parameters of known callbacks. Anything else has the zero Origin:
// unknown. Checks built on it stay silent on unknown values.
package provenance

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
)

// An Origin is a set of facts about where a value came from. The zero
// Origin means unknown.
type Origin uint

const (
	// OSPath: a path in the operating system's syntax (backslashes on
	// Windows): os.Getwd, os.Executable, os.TempDir, os.UserHomeDir,
	// filepath.Join/Abs/Clean/Dir/Rel/FromSlash results, os.Args[0],
	// (*os.File).Name, t.TempDir, the path of a filepath.Walk/WalkDir
	// callback, strings built with os.PathSeparator.
	OSPath Origin = 1 << iota
	// SlashName: a slash-separated name: filepath.ToSlash and path.*
	// results, the path of an fs.WalkDir callback, fs.Glob results,
	// zip and tar entry names.
	SlashName
	// URLPath: the path of a URL (url.URL.Path, EscapedPath).
	URLPath
	// Constant: a constant expression (the value is known statically).
	Constant
	// Stdin, Stdout, Stderr: the value is, wraps or is the handle of the
	// standard input (os.Stdin, bufio.NewReader(os.Stdin), a Scanner over
	// it), output or error.
	Stdin
	Stdout
	Stderr
	// StdHandle: the value is the OS handle or descriptor of a standard
	// stream (os.Stdin.Fd(), int(os.Stdout.Fd()), syscall.Stdin,
	// GetStdHandle results); one of Stdin, Stdout, Stderr says which.
	StdHandle
	// OSFile: the value describes an entry of the operating system's file
	// system: an os.Stat, os.Lstat or (*os.File).Stat result, the info
	// or entry parameter of a filepath.Walk/WalkDir callback, an
	// os.ReadDir entry, and their Info(), Mode() and Perm() results (a
	// slice of them for ReadDir). Archive headers and fs.FS entries are
	// not.
	OSFile
)

// PathKinds are the bits that say what syntax a path or name is in.
const PathKinds = OSPath | SlashName | URLPath

// Streams are the bits that name a standard stream.
const Streams = Stdin | Stdout | Stderr

// IsOSPath reports whether o is known to be an OS path and nothing else.
func (o Origin) IsOSPath() bool { return o&PathKinds == OSPath }

// IsSlash reports whether o is known to be slash-separated: an io/fs or
// archive name, a path.* or ToSlash result, or a URL path.
func (o Origin) IsSlash() bool { return o&PathKinds != 0 && o&OSPath == 0 }

// IsStdin reports whether o is standard input or wraps it.
func (o Origin) IsStdin() bool { return o&Stdin != 0 }

// IsOSFile reports whether o describes an entry of the OS file system.
func (o Origin) IsOSFile() bool { return o&OSFile != 0 }

// IsStdHandle reports whether o is the handle of a standard stream.
func (o Origin) IsStdHandle() bool { return o&StdHandle != 0 }

// String lists the bits of o, for tests and debugging.
func (o Origin) String() string {
	if o == 0 {
		return "unknown"
	}
	names := []string{"OSPath", "SlashName", "URLPath", "Constant", "Stdin", "Stdout", "Stderr", "StdHandle", "OSFile"}
	s := ""
	for i, n := range names {
		if o&(1<<i) != 0 {
			if s != "" {
				s += "|"
			}
			s += n
		}
	}
	return s
}

// Of returns the origin of e in pass. It indexes the package's
// assignments on each call; use New for more than one query.
func Of(pass *analysis.Pass, e ast.Expr) Origin { return New(pass).Of(e) }

// An Analysis answers origin queries for one package. The index of the
// package's assignments is built on the first query that needs it.
type Analysis struct {
	info  *types.Info
	files []*ast.File

	indexed bool
	defs    map[*types.Var][]def
	funcs   map[*types.Func]*ast.FuncDecl
	vars    map[*types.Var]Origin // cache; busy marks a variable being resolved
	results map[*types.Func][]Origin
}

// busy marks a variable or function whose origin is being computed, so
// that cycles (p = filepath.Dir(p)) end as unknown.
const busy Origin = 1 << 31

// A def is one way a variable gets a value.
type def struct {
	kind  defKind
	expr  ast.Expr // the value, the call of a tuple assignment, or the ranged-over expression
	index int      // result index of a tuple assignment
	known Origin   // for defKnown
}

type defKind int

const (
	defUnknown defKind = iota // not understood: the variable's origin is unknown
	defZero                   // declared without a value: neutral
	defValue                  // expr is the value
	defTuple                  // result index of the call expr
	defElem                   // an element of expr (range value)
	defKnown                  // known origin (a callback parameter)
)

// New returns an Analysis of the package of pass.
func New(pass *analysis.Pass) *Analysis {
	return &Analysis{info: pass.TypesInfo, files: pass.Files}
}

const maxDepth = 10

// Of returns the origin of e.
func (a *Analysis) Of(e ast.Expr) Origin {
	o := a.of(e, 0)
	return o &^ busy
}

func (a *Analysis) of(e ast.Expr, depth int) Origin {
	if e == nil || depth > maxDepth {
		return 0
	}
	e = ast.Unparen(e)
	if tv, ok := a.info.Types[e]; ok && tv.Value != nil {
		if usesSeparator(a.info, e) {
			return Constant | OSPath
		}
		return Constant
	}
	switch e := e.(type) {
	case *ast.Ident:
		return a.ident(e, depth)
	case *ast.SelectorExpr:
		return a.selector(e, depth)
	case *ast.CallExpr:
		return a.call(e, depth)
	case *ast.IndexExpr:
		return a.index(e, depth)
	case *ast.SliceExpr:
		if isString(a.info.TypeOf(e)) || isStringSlice(a.info.TypeOf(e)) {
			return a.of(e.X, depth+1) & PathKinds
		}
	case *ast.BinaryExpr:
		if e.Op != token.ADD || !isString(a.info.TypeOf(e)) {
			return 0
		}
		if usesSeparator(a.info, e) {
			return OSPath
		}
		// The leading operand says what syntax the path is in:
		// dir + "/x" is still an OS path if dir is one.
		x := a.of(e.X, depth+1)
		if x&Constant != 0 {
			return 0
		}
		return x & PathKinds
	}
	return 0
}

// usesSeparator reports whether e mentions os.PathSeparator or
// filepath.Separator (folded to a constant, so only visible in syntax).
func usesSeparator(info *types.Info, e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok {
			if c, ok := info.Uses[id].(*types.Const); ok && c.Pkg() != nil {
				p := c.Pkg().Path()
				if (p == "os" && c.Name() == "PathSeparator") || (p == "path/filepath" && c.Name() == "Separator") {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

func (a *Analysis) ident(id *ast.Ident, depth int) Origin {
	v, ok := a.info.Uses[id].(*types.Var)
	if !ok {
		return 0
	}
	return a.variable(v, depth)
}

// known package-level variables of other packages.
func stdVar(v *types.Var) Origin {
	if v.Pkg() == nil {
		return 0
	}
	switch callee.PkgPath(v.Pkg()) + "." + v.Name() {
	case "os.Stdin":
		return Stdin
	case "os.Stdout":
		return Stdout
	case "os.Stderr":
		return Stderr
	case "syscall.Stdin", "golang.org/x/sys/windows.Stdin":
		return Stdin | StdHandle
	case "syscall.Stdout", "golang.org/x/sys/windows.Stdout":
		return Stdout | StdHandle
	case "syscall.Stderr", "golang.org/x/sys/windows.Stderr":
		return Stderr | StdHandle
	}
	return 0
}

func (a *Analysis) variable(v *types.Var, depth int) Origin {
	if o := stdVar(v); o != 0 {
		return o
	}
	if v.IsField() || v.Pkg() == nil {
		return 0
	}
	if v.Parent() == v.Pkg().Scope() && v.Exported() {
		return 0 // other packages may assign it
	}
	a.index_()
	if o, ok := a.vars[v]; ok {
		if o == busy {
			return 0
		}
		return o
	}
	defs, ok := a.defs[v]
	if !ok {
		return 0 // declared outside the files we see (another package)
	}
	a.vars[v] = busy
	o := a.join(defs, depth)
	a.vars[v] = o
	return o
}

// join combines the origins of a variable's definitions: all must agree,
// zero-value declarations and empty strings are neutral.
func (a *Analysis) join(defs []def, depth int) Origin {
	var out Origin
	seen := false
	for _, d := range defs {
		var o Origin
		switch d.kind {
		case defUnknown:
			return 0
		case defZero:
			continue
		case defKnown:
			o = d.known
		case defValue:
			if a.isEmptyString(d.expr) {
				continue
			}
			o = a.of(d.expr, depth+1)
		case defTuple:
			o = a.tupleResult(d.expr, d.index, depth+1)
		case defElem:
			o = a.elem(d.expr, depth+1)
		}
		if o == 0 || o&busy != 0 {
			return 0
		}
		if !seen {
			out, seen = o, true
		} else if out != o {
			// Constants of any value agree with each other.
			if out&^Constant == 0 && o&^Constant == 0 {
				continue
			}
			return 0
		}
	}
	if !seen {
		return 0
	}
	return out
}

func (a *Analysis) isEmptyString(e ast.Expr) bool {
	s, ok := fold.ConstString(a.info, e)
	return ok && s == ""
}

func (a *Analysis) selector(sel *ast.SelectorExpr, depth int) Origin {
	switch obj := a.info.Uses[sel.Sel].(type) {
	case *types.Var:
		if !obj.IsField() {
			return a.variable(obj, depth)
		}
		s, ok := a.info.Selections[sel]
		if !ok {
			return 0
		}
		recv := s.Recv()
		switch {
		case obj.Name() == "Path" && callee.IsNamedType(recv, "net/url", "URL"):
			return URLPath
		case obj.Name() == "Name" && (callee.IsNamedType(recv, "archive/zip", "FileHeader") ||
			callee.IsNamedType(recv, "archive/zip", "File") ||
			callee.IsNamedType(recv, "archive/tar", "Header")):
			return SlashName
		}
	}
	return 0
}

func (a *Analysis) index(ix *ast.IndexExpr, depth int) Origin {
	if sel, ok := ast.Unparen(ix.X).(*ast.SelectorExpr); ok {
		if v, ok := a.info.Uses[sel.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "os" && v.Name() == "Args" {
			if n, ok := fold.ConstInt(a.info, ix.Index); ok && n == 0 {
				return OSPath
			}
			return 0
		}
	}
	return a.elem(ix.X, depth+1)
}

// elem is the origin of the elements of the slice or array x.
func (a *Analysis) elem(x ast.Expr, depth int) Origin {
	t := a.info.TypeOf(x)
	if isStringSlice(t) {
		return a.of(x, depth) & PathKinds
	}
	if t != nil {
		switch t.Underlying().(type) {
		case *types.Slice, *types.Array:
			return a.of(x, depth) & OSFile
		}
	}
	return 0
}

// results of known functions: the origin of each result.
var funcResults = callee.Table[[]Origin]{
	"os.Executable":    {OSPath},
	"os.Getwd":         {OSPath},
	"os.TempDir":       {OSPath},
	"os.UserHomeDir":   {OSPath},
	"os.UserConfigDir": {OSPath},
	"os.UserCacheDir":  {OSPath},
	"os.MkdirTemp":     {OSPath},
	"os.Readlink":      {OSPath},
	"(*os.File).Name":  {OSPath},
	"os/exec.LookPath": {OSPath},
	"runtime.GOROOT":   {OSPath},

	"(*testing.common).TempDir": {OSPath},
	"(*testing.T).TempDir":      {OSPath},
	"(*testing.B).TempDir":      {OSPath},
	"(*testing.F).TempDir":      {OSPath},
	"(testing.TB).TempDir":      {OSPath},

	"path/filepath.Abs":          {OSPath},
	"path/filepath.Clean":        {OSPath},
	"path/filepath.Dir":          {OSPath},
	"path/filepath.EvalSymlinks": {OSPath},
	"path/filepath.FromSlash":    {OSPath},
	"path/filepath.Join":         {OSPath},
	"path/filepath.Rel":          {OSPath},
	"path/filepath.Localize":     {OSPath},
	"path/filepath.Glob":         {OSPath},
	"path/filepath.Split":        {OSPath},
	"path/filepath.SplitList":    {OSPath},

	"path/filepath.ToSlash": {SlashName},
	"path.Join":             {SlashName},
	"path.Clean":            {SlashName},
	"path.Dir":              {SlashName},
	"path.Base":             {SlashName},
	"path.Ext":              {SlashName},
	"path.Split":            {SlashName, SlashName},
	"io/fs.Glob":            {SlashName},

	"(*net/url.URL).EscapedPath": {URLPath},
	"(net/url.URL).EscapedPath":  {URLPath},

	"os.Stat":            {OSFile},
	"os.Lstat":           {OSFile},
	"os.ReadDir":         {OSFile},
	"(*os.File).Stat":    {OSFile},
	"(*os.File).ReadDir": {OSFile},
	"(*os.File).Readdir": {OSFile},
	"io/ioutil.ReadDir":  {OSFile},
}

// osFileMethods keep OSFile from their receiver.
var osFileMethods = map[string]bool{
	"(io/fs.DirEntry).Info": true,
	"(io/fs.FileInfo).Mode": true,
	"(io/fs.FileMode).Perm": true,
	"(io/fs.FileMode).Type": true,
}

// pathPreserving functions return a transformation of their first
// argument in the same syntax.
var pathPreserving = map[string]bool{
	"strings.TrimSuffix": true, "strings.TrimPrefix": true, "strings.TrimSpace": true,
	"strings.TrimRight": true, "strings.TrimLeft": true, "strings.ToLower": true,
	"strings.ToUpper": true, "strings.Clone": true,
}

func (a *Analysis) call(call *ast.CallExpr, depth int) Origin {
	// Conversions keep the origin: string(b), int(fd), windows.Handle(h).
	if tv, ok := a.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return a.of(call.Args[0], depth+1)
		}
		return 0
	}
	fn := callee.Func(a.info, call)
	if fn == nil {
		return 0
	}
	name := callee.Name(fn)
	switch name {
	case "bufio.NewReader", "bufio.NewReaderSize", "bufio.NewScanner":
		if len(call.Args) > 0 {
			return a.of(call.Args[0], depth+1) & Streams
		}
		return 0
	case "(*os.File).Fd":
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s := a.of(sel.X, depth+1) & Streams; s != 0 {
				return s | StdHandle
			}
		}
		return 0
	case "syscall.GetStdHandle", "golang.org/x/sys/windows.GetStdHandle":
		if len(call.Args) == 1 {
			return stdHandleConst(a.info, call.Args[0])
		}
		return 0
	case "path/filepath.Join":
		// Joining onto a slash name (filepath.Join(u.Path, x)) still
		// makes an OS path: Join cleans with the OS separator.
		return OSPath
	}
	if osFileMethods[name] {
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			return a.of(sel.X, depth+1) & OSFile
		}
		return 0
	}
	if pathPreserving[name] && len(call.Args) > 0 {
		return a.of(call.Args[0], depth+1) & PathKinds
	}
	if rs, ok := funcResults[name]; ok {
		if len(rs) > 0 {
			return rs[0]
		}
		return 0
	}
	return a.localResult(fn, 0, depth)
}

func stdHandleConst(info *types.Info, e ast.Expr) Origin {
	id, ok := ast.Unparen(e).(*ast.Ident)
	var obj types.Object
	if ok {
		obj = info.Uses[id]
	} else if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		obj = info.Uses[sel.Sel]
	}
	if obj == nil {
		return 0
	}
	switch obj.Name() {
	case "STD_INPUT_HANDLE":
		return Stdin | StdHandle
	case "STD_OUTPUT_HANDLE":
		return Stdout | StdHandle
	case "STD_ERROR_HANDLE":
		return Stderr | StdHandle
	}
	return 0
}

// OfResult returns the origin of result index of the multi-valued call
// (dir in "dir, err := os.UserConfigDir()").
func (a *Analysis) OfResult(call *ast.CallExpr, index int) Origin {
	return a.tupleResult(call, index, 0) &^ busy
}

// tupleResult is the origin of result index of a multi-valued call.
func (a *Analysis) tupleResult(e ast.Expr, index int, depth int) Origin {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return 0
	}
	if index == 0 {
		return a.call(call, depth)
	}
	fn := callee.Func(a.info, call)
	if fn == nil {
		return 0
	}
	if rs, ok := funcResults[callee.Name(fn)]; ok {
		if index < len(rs) {
			return rs[index]
		}
		return 0
	}
	return a.localResult(fn, index, depth)
}

// localResult is the origin of result index of a function declared in
// this package: all its return statements must agree.
func (a *Analysis) localResult(fn *types.Func, index int, depth int) Origin {
	a.index_()
	decl := a.funcs[fn]
	if decl == nil || decl.Body == nil {
		return 0
	}
	if a.results == nil {
		a.results = make(map[*types.Func][]Origin)
	}
	if rs, ok := a.results[fn]; ok {
		if rs == nil {
			return 0 // being computed: recursion
		}
		if index < len(rs) {
			return rs[index] &^ busy
		}
		return 0
	}
	sig := fn.Type().(*types.Signature)
	n := sig.Results().Len()
	a.results[fn] = nil
	rs := make([]Origin, n)
	for i := range n {
		var defs []def
		bad := false
		ast.Inspect(decl.Body, func(node ast.Node) bool {
			switch node := node.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				switch {
				case len(node.Results) == n:
					defs = append(defs, def{kind: defValue, expr: node.Results[i]})
				case len(node.Results) == 1 && n > 1:
					defs = append(defs, def{kind: defTuple, expr: node.Results[0], index: i})
				default:
					bad = true // naked return
				}
			}
			return true
		})
		if !bad && len(defs) > 0 {
			rs[i] = a.join(defs, depth+1)
		}
	}
	a.results[fn] = rs
	if index < n {
		return rs[index]
	}
	return 0
}

// callbacks whose function argument's parameters have known origins.
var callbacks = map[string]struct {
	arg     int
	origins []Origin
}{
	"path/filepath.Walk":    {1, []Origin{OSPath, OSFile}},
	"path/filepath.WalkDir": {1, []Origin{OSPath, OSFile}},
	"io/fs.WalkDir":         {2, []Origin{SlashName}},
}

// index_ indexes the definitions of the package's variables and its
// function declarations.
func (a *Analysis) index_() {
	if a.indexed {
		return
	}
	a.indexed = true
	a.defs = make(map[*types.Var][]def)
	a.funcs = make(map[*types.Func]*ast.FuncDecl)
	a.vars = make(map[*types.Var]Origin)
	// Callback parameters first, so that a function literal's parameter
	// gets its known origin instead of "unknown".
	known := make(map[*types.Var]Origin)
	for _, f := range a.files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if fn, ok := a.info.Defs[fd.Name].(*types.Func); ok {
					a.funcs[fn] = fd
				}
			}
		}
	}
	for _, f := range a.files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			cb, ok := callbacks[callee.CallName(a.info, call)]
			if !ok || cb.arg >= len(call.Args) {
				return true
			}
			var ft *ast.FuncType
			switch fn := ast.Unparen(call.Args[cb.arg]).(type) {
			case *ast.FuncLit:
				ft = fn.Type
			case *ast.Ident:
				if obj, ok := a.info.Uses[fn].(*types.Func); ok && a.funcs[obj] != nil {
					ft = a.funcs[obj].Type
				}
			}
			if ft == nil || ft.Params == nil {
				return true
			}
			i := 0
			for _, field := range ft.Params.List {
				for _, name := range field.Names {
					if i < len(cb.origins) {
						if v, ok := a.info.Defs[name].(*types.Var); ok {
							if prev, seen := known[v]; seen && prev != cb.origins[i] {
								known[v] = 0
							} else {
								known[v] = cb.origins[i]
							}
						}
					}
					i++
				}
			}
			return true
		})
	}
	for _, f := range a.files {
		ast.Inspect(f, a.visit(known))
	}
}

func (a *Analysis) add(id ast.Expr, d def) {
	ident, ok := ast.Unparen(id).(*ast.Ident)
	if !ok || ident.Name == "_" {
		return
	}
	obj := a.info.Defs[ident]
	if obj == nil {
		obj = a.info.Uses[ident]
	}
	if v, ok := obj.(*types.Var); ok {
		a.defs[v] = append(a.defs[v], d)
	}
}

func (a *Analysis) visit(known map[*types.Var]Origin) func(ast.Node) bool {
	params := func(fl *ast.FieldList) {
		if fl == nil {
			return
		}
		for _, f := range fl.List {
			for _, name := range f.Names {
				v, _ := a.info.Defs[name].(*types.Var)
				if v == nil {
					continue
				}
				if o, ok := known[v]; ok && o != 0 {
					a.defs[v] = append(a.defs[v], def{kind: defKnown, known: o})
				} else {
					a.defs[v] = append(a.defs[v], def{kind: defUnknown})
				}
			}
		}
	}
	return func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncType:
			params(n.Params)
			params(n.Results)
		case *ast.FuncDecl:
			params(n.Recv)
		case *ast.AssignStmt:
			plain := n.Tok == token.ASSIGN || n.Tok == token.DEFINE
			for i, lhs := range n.Lhs {
				switch {
				case plain && len(n.Lhs) == len(n.Rhs):
					a.add(lhs, def{kind: defValue, expr: n.Rhs[i]})
				case plain && len(n.Rhs) == 1:
					if _, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
						a.add(lhs, def{kind: defTuple, expr: n.Rhs[0], index: i})
					} else {
						a.add(lhs, def{kind: defUnknown})
					}
				case n.Tok == token.ADD_ASSIGN && len(n.Lhs) == 1:
					// p += "/x" keeps p's syntax: neutral.
				default:
					a.add(lhs, def{kind: defUnknown})
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				switch {
				case len(n.Values) == 0:
					a.add(name, def{kind: defZero})
				case len(n.Values) == len(n.Names):
					a.add(name, def{kind: defValue, expr: n.Values[i]})
				case len(n.Values) == 1:
					a.add(name, def{kind: defTuple, expr: n.Values[0], index: i})
				default:
					a.add(name, def{kind: defUnknown})
				}
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				a.add(n.Key, def{kind: defUnknown})
			}
			if n.Value != nil {
				a.add(n.Value, def{kind: defElem, expr: n.X})
			}
		case *ast.IncDecStmt:
			a.add(n.X, def{kind: defUnknown})
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				a.add(n.X, def{kind: defUnknown}) // address taken
			}
		case *ast.TypeSwitchStmt:
			// The symbolic variable of each clause is implicit; leave it
			// without definitions (unknown).
		}
		return true
	}
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isStringSlice(t types.Type) bool {
	if t == nil {
		return false
	}
	switch u := t.Underlying().(type) {
	case *types.Slice:
		return isString(u.Elem())
	case *types.Array:
		return isString(u.Elem())
	}
	return false
}
