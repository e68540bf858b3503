package nulpath

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

// Analyzer reports NUL bytes on the way to the OS: WL4001–WL4004.
var Analyzer = &analysis.Analyzer{
	Name: "nulpath",
	Doc:  doc,
	URL:  "https://github.com/winlint/winlint/blob/main/docs/checks/",
	Run:  run,
}

// apiPackages are the packages whose functions the checks look for; a
// package that imports none of them is skipped.
var apiPackages = []string{
	"syscall", "golang.org/x/sys/windows", "golang.org/x/sys/unix",
	"golang.org/x/sys/windows/registry", "unsafe", "unicode/utf16", "os", "C",
}

func run(pass *analysis.Pass) (any, error) {
	if !callee.ImportsAny(pass.Pkg, apiPackages...) {
		return nil, nil
	}
	c := &checker{
		pass:    pass,
		values:  fold.NewValues(pass.TypesInfo, pass.Files),
		checks:  make(map[ast.Node][]nulCheck),
		inParam: make(map[*types.Var]bool),
	}
	for _, file := range pass.Files {
		c.file = file
		syntax.WithStack(file, func(n ast.Node, stack []ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				c.checkCall(n, stack)
			}
			return true
		})
	}
	return nil, nil
}

type checker struct {
	pass   *analysis.Pass
	values *fold.Values
	file   *ast.File
	// checks caches the NUL checks found in each outermost function.
	checks map[ast.Node][]nulCheck
	// params, calls and asValue index the package's functions for
	// nulFreeParam (built on first use); inParam guards its recursion.
	params  map[*types.Var]param
	calls   map[*types.Func][]*ast.CallExpr
	asValue map[*types.Func]bool
	inParam map[*types.Var]bool
}

// outerFunc returns the outermost function declaration or literal in stack.
func outerFunc(stack []ast.Node) ast.Node {
	for _, n := range stack {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			return n
		}
	}
	return nil
}

// innerFunc returns the innermost function declaration or literal in stack
// and its signature.
func (c *checker) innerFunc(stack []ast.Node) (ast.Node, *types.Signature) {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncDecl:
			if obj, ok := c.pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
				sig, _ := obj.Type().(*types.Signature)
				return n, sig
			}
			return n, nil
		case *ast.FuncLit:
			sig, _ := c.pass.TypesInfo.TypeOf(n).(*types.Signature)
			return n, sig
		}
	}
	return nil, nil
}

func (c *checker) checkCall(call *ast.CallExpr, stack []ast.Node) {
	if c.checkBuiltinAppend(call, stack) {
		return
	}
	if c.checkCString(call, stack) {
		return
	}
	name := c.callName(call)
	if name == "" {
		return
	}
	if repl, ok := panicking[name]; ok && len(call.Args) == 1 {
		c.checkPanicking(call, name, repl, stack)
		return
	}
	if failing[name] && len(call.Args) == 1 {
		if s, ok := c.values.String(call.Args[0]); ok && strings.IndexByte(s, 0) >= 0 {
			WL4003.Report(c.pass, call.Args[0], "%s(%s) always fails with EINVAL: the string contains a NUL byte; remove the \\x00 (for a double-NUL list, build it with utf16.Encode)",
				shortName(name), quote(s))
		}
		return
	}
	if idx, ok := pathAPIs[name]; ok {
		for _, i := range idx {
			if i >= len(call.Args) {
				continue
			}
			if s, ok := c.values.String(call.Args[i]); ok && strings.IndexByte(s, 0) >= 0 {
				WL4003.Report(c.pass, call.Args[i], "%s(%s) always fails with EINVAL: the path contains a NUL byte; remove the \\x00",
					shortName(name), quote(s))
			}
		}
		return
	}
	switch name {
	case "unicode/utf16.Encode":
		c.checkUTF16Encode(call, stack)
	case "unsafe.StringData":
		c.checkStringData(call, stack)
	case "golang.org/x/sys/windows.UTF16ToString", "syscall.UTF16ToString",
		"golang.org/x/sys/windows.UTF16PtrToString":
		c.checkMultiString(call, name, stack)
	}
}

// panicking maps the converters that panic on a NUL byte to their
// error-returning replacements.
var panicking = map[string]string{
	"golang.org/x/sys/windows.StringToUTF16":    "UTF16FromString",
	"golang.org/x/sys/windows.StringToUTF16Ptr": "UTF16PtrFromString",
	"syscall.StringToUTF16":                     "UTF16FromString",
	"syscall.StringToUTF16Ptr":                  "UTF16PtrFromString",
	"syscall.StringBytePtr":                     "BytePtrFromString",
	"syscall.StringByteSlice":                   "ByteSliceFromString",
}

// failing lists the converters that return EINVAL for a string with a NUL.
var failing = map[string]bool{
	"golang.org/x/sys/windows.UTF16FromString":     true,
	"golang.org/x/sys/windows.UTF16PtrFromString":  true,
	"golang.org/x/sys/windows.BytePtrFromString":   true,
	"golang.org/x/sys/windows.ByteSliceFromString": true,
	"golang.org/x/sys/unix.BytePtrFromString":      true,
	"golang.org/x/sys/unix.ByteSliceFromString":    true,
	"syscall.UTF16FromString":                      true,
	"syscall.UTF16PtrFromString":                   true,
	"syscall.BytePtrFromString":                    true,
	"syscall.ByteSliceFromString":                  true,
}

// pathAPIs maps file APIs to the indices of their path arguments.
var pathAPIs = map[string][]int{
	"os.Open": {0}, "os.Create": {0}, "os.OpenFile": {0}, "os.Stat": {0}, "os.Lstat": {0},
	"os.Remove": {0}, "os.RemoveAll": {0}, "os.Mkdir": {0}, "os.MkdirAll": {0},
	"os.MkdirTemp": {0}, "os.CreateTemp": {0}, "os.ReadFile": {0}, "os.WriteFile": {0},
	"os.ReadDir": {0}, "os.Chdir": {0}, "os.Chmod": {0}, "os.Chtimes": {0}, "os.Chown": {0},
	"os.Lchown": {0}, "os.Truncate": {0}, "os.Readlink": {0}, "os.Rename": {0, 1},
	"os.Symlink": {0, 1}, "os.Link": {0, 1}, "os.OpenRoot": {0}, "os.OpenInRoot": {0, 1},
	"os.DirFS": {0}, "os.CopyFS": {0},
	"syscall.Open": {0}, "syscall.Stat": {0}, "syscall.Lstat": {0}, "syscall.Mkdir": {0},
	"syscall.Rmdir": {0}, "syscall.Unlink": {0}, "syscall.Chdir": {0}, "syscall.Chmod": {0},
	"syscall.Rename": {0, 1}, "syscall.Readlink": {0}, "syscall.Symlink": {0, 1},
	"syscall.Link": {0, 1}, "syscall.Access": {0}, "syscall.Truncate": {0},
	"golang.org/x/sys/unix.Open": {0}, "golang.org/x/sys/unix.Stat": {0},
	"golang.org/x/sys/unix.Lstat": {0}, "golang.org/x/sys/unix.Unlink": {0},
	"golang.org/x/sys/unix.Mkdir": {0}, "golang.org/x/sys/unix.Rmdir": {0},
	"golang.org/x/sys/unix.Access": {0}, "golang.org/x/sys/unix.Rename": {0, 1},
	"golang.org/x/sys/windows.LoadLibrary": {0}, "golang.org/x/sys/windows.LoadLibraryEx": {0},
	"syscall.LoadLibrary": {0},
}

// shortName turns a qualified name into the spelling users write.
func shortName(name string) string {
	name = strings.TrimPrefix(name, "golang.org/x/sys/")
	return name
}

func quote(s string) string {
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return strconv.Quote(s)
}

// exprString renders e for a message, shortened.
func exprString(e ast.Expr) string {
	s := types.ExprString(e)
	if len(s) > 40 {
		s = s[:37] + "..."
	}
	return s
}

// checkPanicking reports WL4001 (and WL4003 for constant strings with a
// NUL) on the converters that panic.
func (c *checker) checkPanicking(call *ast.CallExpr, name, repl string, stack []ast.Node) {
	arg := call.Args[0]
	if s, ok := c.values.String(arg); ok {
		if strings.IndexByte(s, 0) >= 0 {
			WL4003.Report(c.pass, arg, "%s(%s) always panics: the string contains a NUL byte; remove the \\x00 (for a double-NUL list, build it with utf16.Encode)",
				shortName(name), quote(s))
		}
		return
	}
	if c.nulFree(arg, 0) || c.nulChecked(arg, call.Pos(), stack) || c.insideConverter(stack) {
		return
	}
	pkg := name[:strings.LastIndex(name, ".")]
	fixes := c.converterFix(call, repl, stack)
	WL4001.ReportFix(c.pass, call, fixes,
		"%s panics if %s contains a NUL byte; use %s.%s and handle its error",
		shortName(name), exprString(arg), shortName(pkg[strings.LastIndex(pkg, "/")+1:]), repl)
}

// checkBuiltinAppend reports WL4002 on append([]byte(s), 0) and
// append(utf16.Encode([]rune(s)), 0) handed to the OS. It reports whether
// call is a call of the append builtin.
func (c *checker) checkBuiltinAppend(call *ast.CallExpr, stack []ast.Node) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	if b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); !ok || b.Name() != "append" {
		return false
	}
	if len(call.Args) != 2 || !c.isNUL(call.Args[1], call.Ellipsis.IsValid()) {
		return true
	}
	first := ast.Unparen(call.Args[0])
	// append(utf16.Encode([]rune(s)), 0), directly or through a variable.
	if enc := c.utf16EncodeOf(first, stack); enc != nil {
		if s := c.runesOf(enc.Args[0]); s != nil && c.reachesOS(call, stack) {
			c.reportHandmade(call, s, "utf16.Encode([]rune(%s)) terminated by hand", stack)
		}
		return true
	}
	// append([]byte(s), 0) whose bytes reach unsafe.Pointer or a syscall.
	if s := c.conversionOf(first, "byte"); s != nil && c.reachesOS(call, stack) {
		c.reportHandmade(call, s, "append([]byte(%s), 0)", stack)
		return true
	}
	// for _, r := range s { u = utf16.AppendRune(u, r) }; append(u, 0).
	if id, ok := first.(*ast.Ident); ok {
		if s := c.appendRuneSource(id, stack); s != nil && c.reachesOS(call, stack) {
			c.reportHandmade(call, s, "utf16.AppendRune over %s terminated by hand", stack)
		}
	}
	return true
}

// appendRuneSource returns s if the variable id is built, in the function,
// by utf16.AppendRune(id, r) inside a loop "for _, r := range s" over a
// string.
func (c *checker) appendRuneSource(id *ast.Ident, stack []ast.Node) ast.Expr {
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	fn := outerFunc(stack)
	if !ok || fn == nil {
		return nil
	}
	var src ast.Expr
	syntax.WithStack(fn, func(n ast.Node, st []ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || src != nil || len(call.Args) != 2 || c.callName(call) != "unicode/utf16.AppendRune" || !c.isVar(call.Args[0], v) {
			return src == nil
		}
		rid, ok := ast.Unparen(call.Args[1]).(*ast.Ident)
		if !ok {
			return true
		}
		for i := len(st) - 1; i >= 0; i-- {
			r, ok := st[i].(*ast.RangeStmt)
			if !ok {
				continue
			}
			if val, ok := r.Value.(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(val) == c.pass.TypesInfo.Uses[rid] && isString(c.pass.TypesInfo.TypeOf(r.X)) {
				src = r.X
			}
			break
		}
		return true
	})
	return src
}

// isNUL reports whether e is a constant 0, or with ellipsis a constant
// string "\x00".
func (c *checker) isNUL(e ast.Expr, ellipsis bool) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	if ellipsis {
		return tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == "\x00"
	}
	v, ok := constant.Int64Val(constant.ToInt(tv.Value))
	return ok && v == 0
}

// conversionOf returns s if e is the conversion []elem(s) of a string.
func (c *checker) conversionOf(e ast.Expr, elem string) ast.Expr {
	conv, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(conv.Args) != 1 {
		return nil
	}
	tv, ok := c.pass.TypesInfo.Types[conv.Fun]
	if !ok || !tv.IsType() {
		return nil
	}
	sl, ok := tv.Type.Underlying().(*types.Slice)
	if !ok {
		return nil
	}
	b, ok := sl.Elem().Underlying().(*types.Basic)
	if !ok {
		return nil
	}
	switch {
	case elem == "byte" && b.Kind() == types.Byte, elem == "rune" && b.Kind() == types.Rune:
	default:
		return nil
	}
	if !isString(c.pass.TypesInfo.TypeOf(conv.Args[0])) {
		return nil
	}
	return conv.Args[0]
}

func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// utf16EncodeOf returns the utf16.Encode call e is, or the one the local
// variable e was declared with.
func (c *checker) utf16EncodeOf(e ast.Expr, stack []ast.Node) *ast.CallExpr {
	e = ast.Unparen(e)
	if id, ok := e.(*ast.Ident); ok {
		e = c.declValue(id)
		if e == nil {
			return nil
		}
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || callee.CallName(c.pass.TypesInfo, call) != "unicode/utf16.Encode" {
		return nil
	}
	return call
}

// declValue returns the value a local variable was declared with
// ("v := x" or "var v = x"), ignoring later assignments.
func (c *checker) declValue(id *ast.Ident) ast.Expr {
	obj, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || obj.Pkg() != c.pass.Pkg || obj.Parent() == obj.Pkg().Scope() {
		return nil
	}
	var found ast.Expr
	for _, f := range c.pass.Files {
		if !(f.FileStart <= obj.Pos() && obj.Pos() <= f.FileEnd) {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if found != nil {
				return false
			}
			if n == nil || n.End() < obj.Pos() || n.Pos() > obj.Pos() {
				return n == nil
			}
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, l := range n.Lhs {
						if l, ok := l.(*ast.Ident); ok && c.pass.TypesInfo.Defs[l] == obj {
							found = n.Rhs[i]
						}
					}
				}
			case *ast.ValueSpec:
				if len(n.Names) == len(n.Values) {
					for i, l := range n.Names {
						if c.pass.TypesInfo.Defs[l] == obj {
							found = n.Values[i]
						}
					}
				}
			}
			return true
		})
	}
	return found
}

// runesOf returns s if e is []rune(s) or []rune(s + "\x00").
func (c *checker) runesOf(e ast.Expr) ast.Expr {
	return c.conversionOf(e, "rune")
}

// checkUTF16Encode reports utf16.Encode([]rune(s + "\x00")).
func (c *checker) checkUTF16Encode(call *ast.CallExpr, stack []ast.Node) {
	if len(call.Args) != 1 {
		return
	}
	s := c.runesOf(call.Args[0])
	if s == nil {
		return
	}
	if x := c.plusNUL(s); x != nil && c.reachesOS(call, stack) {
		c.reportHandmade(call, x, `utf16.Encode([]rune(%s + "\x00"))`, stack)
	}
}

// plusNUL returns x if e is x + "\x00" (the constant may be longer, but
// must end in a NUL).
func (c *checker) plusNUL(e ast.Expr) ast.Expr {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok || b.Op != token.ADD {
		return nil
	}
	if s, ok := fold.ConstString(c.pass.TypesInfo, b.Y); ok && strings.HasSuffix(s, "\x00") {
		return b.X
	}
	return nil
}

// checkStringData reports unsafe.StringData(s) passed to a syscall.
func (c *checker) checkStringData(call *ast.CallExpr, stack []ast.Node) {
	if len(call.Args) != 1 || !c.reachesSyscall(call, stack) {
		return
	}
	s := call.Args[0]
	if x := c.plusNUL(s); x != nil {
		s = x
	}
	c.reportHandmade(call, s, "unsafe.StringData(%s)", stack)
}

// checkCString reports C.CString(s) (cgo) on a string without a NUL check.
func (c *checker) checkCString(call *ast.CallExpr, stack []ast.Node) bool {
	if len(call.Args) != 1 {
		return false
	}
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		x, ok := fun.X.(*ast.Ident)
		if !ok || fun.Sel.Name != "CString" {
			return false
		}
		pn, ok := c.pass.TypesInfo.Uses[x].(*types.PkgName)
		if !ok || pn.Imported().Path() != "C" {
			return false
		}
	case *ast.Ident:
		if fun.Name != "_Cfunc_CString" {
			return false
		}
	default:
		return false
	}
	c.reportHandmade(call, call.Args[0], "C.CString(%s)", stack)
	return true
}

// reportHandmade reports WL4002 at n for the string s unless s is constant,
// cannot contain a NUL, or was checked for one earlier in the function.
func (c *checker) reportHandmade(n ast.Node, s ast.Expr, format string, stack []ast.Node) {
	if _, ok := c.values.String(s); ok {
		return
	}
	if c.nulFree(s, 0) || c.nulChecked(s, n.Pos(), stack) {
		return
	}
	what := strings.ReplaceAll(format, "%s", exprString(s))
	WL4002.Report(c.pass, n, "%s: a NUL byte inside %s silently truncates the string the OS sees; check strings.IndexByte(%s, 0) first, or use UTF16PtrFromString/BytePtrFromString",
		what, exprString(s), exprString(s))
}

// reachesOS reports whether the value of call (a byte slice) has its
// address handed to unsafe.Pointer or a syscall: directly, or through the
// variable it is assigned to (&b[0], unsafe.SliceData(b)).
func (c *checker) reachesOS(call *ast.CallExpr, stack []ast.Node) bool {
	if c.reachesSyscall(call, stack) || c.underUnsafe(stack) {
		return true
	}
	if len(stack) == 0 {
		return false
	}
	v := c.assignedVar(call, stack[len(stack)-1])
	fn := outerFunc(stack)
	if v == nil || fn == nil {
		return false
	}
	return c.varReachesOS(v, fn)
}

// varReachesOS reports whether v is used in fn inside a conversion to
// unsafe.Pointer or an argument of a syscall.
func (c *checker) varReachesOS(v *types.Var, fn ast.Node) bool {
	found := false
	syntax.WithStack(fn, func(n ast.Node, stack []ast.Node) bool {
		if found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
			if len(stack) > 0 && c.isLenCap(stack[len(stack)-1]) {
				return true
			}
			if c.underUnsafe(stack) || c.reachesSyscallDirect(stack) {
				found = true
			}
		}
		return true
	})
	return found
}

// reachesSyscallDirect reports whether an enclosing expression of the
// statement is a call into syscall, x/sys/windows or x/sys/unix.
func (c *checker) reachesSyscallDirect(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case ast.Stmt:
			return false
		case *ast.CallExpr:
			if c.isSyscall(n) {
				return true
			}
		}
	}
	return false
}

// assignedVar returns the variable e is assigned to by parent, if any.
func (c *checker) assignedVar(e ast.Expr, parent ast.Node) *types.Var {
	var lhs ast.Expr
	switch p := parent.(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, r := range p.Rhs {
				if r == e {
					lhs = p.Lhs[i]
				}
			}
		}
	case *ast.ValueSpec:
		if len(p.Names) == len(p.Values) {
			for i, r := range p.Values {
				if r == e {
					lhs = p.Names[i]
				}
			}
		}
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return nil
	}
	obj := c.pass.TypesInfo.ObjectOf(id)
	v, _ := obj.(*types.Var)
	return v
}

func (c *checker) isVar(e ast.Expr, v *types.Var) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && c.pass.TypesInfo.Uses[id] == v
}

// underUnsafe reports whether an enclosing expression of the statement is
// a conversion to unsafe.Pointer.
func (c *checker) underUnsafe(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case ast.Stmt:
			return false
		case *ast.CallExpr:
			if tv, ok := c.pass.TypesInfo.Types[n.Fun]; ok && tv.IsType() {
				if b, ok := tv.Type.(*types.Basic); ok && b.Kind() == types.UnsafePointer {
					return true
				}
			}
		}
	}
	return false
}

// syscallPkgs are the packages whose functions take raw pointers to the OS.
var syscallPkgs = map[string]bool{
	"syscall": true, "golang.org/x/sys/windows": true, "golang.org/x/sys/unix": true,
}

// reachesSyscall reports whether e is (part of) an argument of a call into
// syscall, x/sys/windows or x/sys/unix (including Proc.Call), directly or
// through a variable assigned once.
func (c *checker) reachesSyscall(e ast.Expr, stack []ast.Node) bool {
	var child ast.Node = e
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case ast.Stmt, *ast.ValueSpec:
			// Through a variable: v := unsafe.StringData(s); syscall(v).
			if ce, ok := child.(ast.Expr); ok {
				if v := c.assignedVar(ce, n); v != nil {
					return c.varReachesSyscall(v, outerFunc(stack))
				}
			}
			return false
		case *ast.CallExpr:
			if c.isSyscall(n) {
				return true
			}
		}
		child = stack[i]
	}
	return false
}

func (c *checker) isSyscall(call *ast.CallExpr) bool {
	fn := callee.Func(c.pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	return syscallPkgs[callee.PkgPath(fn.Pkg())]
}

// varReachesSyscall reports whether v appears in an argument of a syscall
// in fn.
func (c *checker) varReachesSyscall(v *types.Var, fn ast.Node) bool {
	if fn == nil {
		return false
	}
	found := false
	syntax.WithStack(fn, func(n ast.Node, stack []ast.Node) bool {
		if found {
			return false
		}
		if id, ok := n.(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] == v {
			if len(stack) > 0 && c.isLenCap(stack[len(stack)-1]) {
				return true // len(v) hands over a length, not the buffer
			}
			for i := len(stack) - 1; i >= 0; i-- {
				if _, ok := stack[i].(ast.Stmt); ok {
					break
				}
				if call, ok := stack[i].(*ast.CallExpr); ok && c.isSyscall(call) {
					found = true
					break
				}
			}
		}
		return true
	})
	return found
}

// callName is callee.CallName that also names the builtins of package
// unsafe ("unsafe.StringData").
func (c *checker) callName(call *ast.CallExpr) string {
	if name := callee.CallName(c.pass.TypesInfo, call); name != "" {
		return name
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if b, ok := c.pass.TypesInfo.Uses[sel.Sel].(*types.Builtin); ok {
			if x, ok := sel.X.(*ast.Ident); ok {
				if pn, ok := c.pass.TypesInfo.Uses[x].(*types.PkgName); ok && pn.Imported().Path() == "unsafe" {
					return "unsafe." + b.Name()
				}
			}
		}
	}
	return ""
}

// insideConverter reports whether the call is in the definition of one of
// the panicking converters themselves (x/sys's StringToUTF16Ptr calls
// StringToUTF16).
func (c *checker) insideConverter(stack []ast.Node) bool {
	for _, n := range stack {
		if fd, ok := n.(*ast.FuncDecl); ok && fd.Recv == nil {
			if _, ok := panicking[callee.PkgPath(c.pass.Pkg)+"."+fd.Name.Name]; ok {
				return true
			}
		}
	}
	return false
}

// isLenCap reports whether n is a call of the builtin len or cap.
func (c *checker) isLenCap(n ast.Node) bool {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin)
	return ok && (b.Name() == "len" || b.Name() == "cap")
}
