package nulpath

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/syntax"
)

// nulFreeSources are functions whose string result cannot contain a NUL
// byte: the OS hands out NUL-terminated strings, and numbers are digits.
var nulFreeSources = map[string]bool{
	"os.Getenv": true, "os.LookupEnv": true, "os.Executable": true, "os.Getwd": true,
	"os.Hostname": true, "os.TempDir": true, "os.UserHomeDir": true, "os.UserCacheDir": true,
	"os.UserConfigDir": true,
	"strconv.Itoa":     true, "strconv.FormatInt": true, "strconv.FormatUint": true,
	"strconv.FormatFloat": true, "strconv.FormatBool": true, "strconv.Quote": true,
	"strconv.QuoteToASCII":                   true,
	"golang.org/x/sys/windows.UTF16ToString": true, "golang.org/x/sys/windows.UTF16PtrToString": true,
	"golang.org/x/sys/windows.BytePtrToString": true, "syscall.UTF16ToString": true,
	"golang.org/x/sys/unix.ByteSliceToString": true, "golang.org/x/sys/unix.BytePtrToString": true,
	"golang.org/x/sys/windows.GetWindowsDirectory":       true,
	"golang.org/x/sys/windows.GetSystemDirectory":        true,
	"golang.org/x/sys/windows.GetSystemWindowsDirectory": true,
	"golang.org/x/sys/windows.KnownFolderPath":           true,
	"(*testing.common).TempDir":                          true,
	"os.MkdirTemp":                                       true,
	"encoding/hex.EncodeToString":                        true,
	"encoding/base64.(*Encoding).EncodeToString":         true,
	"(*encoding/base64.Encoding).EncodeToString":         true,
}

// nulPreserving are functions whose string result contains a NUL only if
// one of their string arguments does.
var nulPreserving = map[string]bool{
	"path/filepath.Join": true, "path/filepath.Clean": true, "path/filepath.Dir": true,
	"path/filepath.Base": true, "path/filepath.Abs": true, "path/filepath.FromSlash": true,
	"path/filepath.ToSlash": true, "path/filepath.Ext": true, "path/filepath.VolumeName": true,
	"path.Join": true, "path.Clean": true, "path.Dir": true, "path.Base": true,
	"strings.ToLower": true, "strings.ToUpper": true, "strings.TrimSpace": true,
	"strings.TrimSuffix": true, "strings.TrimPrefix": true, "strings.Trim": true,
	"strings.TrimLeft": true, "strings.TrimRight": true, "strings.ReplaceAll": true,
	"strings.Replace": true, "strings.Repeat": true,
}

// nulFree reports whether the string e is known to contain no NUL byte.
func (c *checker) nulFree(e ast.Expr, depth int) bool {
	info := c.pass.TypesInfo
	e = ast.Unparen(e)
	if s, ok := fold.ConstString(info, e); ok {
		return strings.IndexByte(s, 0) < 0
	}
	if depth > 8 {
		return false
	}
	switch e := e.(type) {
	case *ast.Ident:
		if val, index, ok := c.values.Def(e); ok {
			if index >= 0 {
				call, ok := ast.Unparen(val).(*ast.CallExpr)
				return ok && index == 0 && c.nulFreeCall(call, depth)
			}
			return c.nulFree(val, depth+1)
		}
		if v, ok := info.Uses[e].(*types.Var); ok {
			return c.nulFreeParam(v, depth)
		}
	case *ast.BinaryExpr:
		return e.Op == token.ADD && c.nulFree(e.X, depth+1) && c.nulFree(e.Y, depth+1)
	case *ast.IndexExpr:
		// os.Args elements come from a NUL-terminated command line.
		if sel, ok := ast.Unparen(e.X).(*ast.SelectorExpr); ok {
			if v, ok := info.Uses[sel.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "os" && v.Name() == "Args" {
				return true
			}
		}
	case *ast.SliceExpr:
		return isString(info.TypeOf(e.X)) && c.nulFree(e.X, depth+1)
	case *ast.SelectorExpr:
		// x.F where x is a local assigned once from a composite literal
		// that sets F: svc := mgr.Service{Name: "dnscache"}.
		if x, ok := ast.Unparen(e.X).(*ast.Ident); ok {
			val, ok := c.values.Single(x)
			if !ok {
				return false
			}
			if u, ok := ast.Unparen(val).(*ast.UnaryExpr); ok && u.Op == token.AND {
				val = u.X
			}
			lit, ok := ast.Unparen(val).(*ast.CompositeLit)
			if !ok {
				return false
			}
			for _, elt := range lit.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if k, ok := kv.Key.(*ast.Ident); ok && k.Name == e.Sel.Name {
						return c.nulFree(kv.Value, depth+1)
					}
				}
			}
		}
	case *ast.CallExpr:
		return c.nulFreeCall(e, depth)
	}
	return false
}

func (c *checker) nulFreeCall(call *ast.CallExpr, depth int) bool {
	info := c.pass.TypesInfo
	// string(r) of an integer: a NUL only for code point 0, which code
	// converting letters and digits never means.
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		if t := info.TypeOf(call.Args[0]); t != nil {
			if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
				return true
			}
		}
		return false
	}
	name := callee.CallName(info, call)
	switch {
	case nulFreeSources[name]:
		return true
	case nulPreserving[name]:
		for _, a := range call.Args {
			if isString(info.TypeOf(a)) && !c.nulFree(a, depth+1) {
				return false
			}
		}
		return true
	case (name == "fmt.Sprintf" || isSprintf(call)) && len(call.Args) > 0:
		if !c.nulFree(call.Args[0], depth+1) {
			return false
		}
		if _, ok := fold.ConstString(info, call.Args[0]); !ok {
			return false
		}
		for _, a := range call.Args[1:] {
			t := info.TypeOf(a)
			if t == nil {
				return false
			}
			if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&(types.IsNumeric|types.IsBoolean) != 0 {
				continue
			}
			if !isString(t) || !c.nulFree(a, depth+1) {
				return false
			}
		}
		return true
	}
	return false
}

// A nulCheck is a test of some variables for a NUL byte.
type nulCheck struct {
	pos  token.Pos
	objs map[types.Object]bool
	text map[string]bool
}

// nulChecked reports whether the string s (or a variable it is made of) is
// tested for a NUL byte before pos in the function (the outermost
// function around the use). This conservative rule stays silent when the
// check is on another path: precision first.
func (c *checker) nulChecked(s ast.Expr, pos token.Pos, stack []ast.Node) bool {
	fn := outerFunc(stack)
	if fn == nil {
		return false
	}
	checks, ok := c.checks[fn]
	if !ok {
		checks = c.findChecks(fn)
		c.checks[fn] = checks
	}
	text := types.ExprString(ast.Unparen(s))
	var objs []types.Object
	ast.Inspect(s, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok {
				objs = append(objs, obj)
			}
		}
		return true
	})
	checked := func(o types.Object) bool {
		for _, ch := range checks {
			if ch.pos < pos && ch.objs[o] {
				return true
			}
		}
		return false
	}
	for _, ch := range checks {
		if ch.pos < pos && ch.text[text] {
			return true
		}
	}
	for _, o := range objs {
		if checked(o) {
			return true
		}
	}
	// A variable built from checked variables is checked:
	// for _, s := range v { <check s>; ss += s + "\x00" }.
	for _, o := range objs {
		derived := false
		ast.Inspect(fn, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok || derived || as.Pos() >= pos {
				return !derived
			}
			for i, l := range as.Lhs {
				id, ok := l.(*ast.Ident)
				if !ok || c.pass.TypesInfo.ObjectOf(id) != o || i >= len(as.Rhs) && len(as.Rhs) != 1 {
					continue
				}
				r := as.Rhs[0]
				if len(as.Rhs) == len(as.Lhs) {
					r = as.Rhs[i]
				}
				ast.Inspect(r, func(x ast.Node) bool {
					if xid, ok := x.(*ast.Ident); ok {
						if obj, ok := c.pass.TypesInfo.Uses[xid].(*types.Var); ok && obj != o && checked(obj) {
							derived = true
						}
					}
					return !derived
				})
			}
			return !derived
		})
		if derived {
			return true
		}
	}
	return false
}

// checkWords are words in the names of functions that validate strings;
// passing a string to one of them counts as a NUL check.
var checkWords = []string{"nul", "null", "valid", "check", "sanitiz", "sanitis"}

func (c *checker) findChecks(fn ast.Node) []nulCheck {
	info := c.pass.TypesInfo
	var out []nulCheck
	add := func(pos token.Pos, subjects ...ast.Expr) {
		ch := nulCheck{pos: pos, objs: make(map[types.Object]bool), text: make(map[string]bool)}
		for _, s := range subjects {
			s = ast.Unparen(s)
			// []byte(s) and similar conversions check s.
			if conv, ok := s.(*ast.CallExpr); ok && len(conv.Args) == 1 {
				if tv, ok := info.Types[conv.Fun]; ok && tv.IsType() {
					s = ast.Unparen(conv.Args[0])
				}
			}
			ch.text[types.ExprString(s)] = true
			ast.Inspect(s, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if obj, ok := info.Uses[id].(*types.Var); ok {
						ch.objs[obj] = true
					}
				}
				return true
			})
		}
		out = append(out, ch)
	}
	// rangeOver maps range value variables to the ranged expression.
	rangeOver := make(map[types.Object]ast.Expr)
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.RangeStmt:
			for _, v := range []ast.Expr{n.Key, n.Value} {
				if id, ok := v.(*ast.Ident); ok && id.Name != "_" {
					if obj := info.ObjectOf(id); obj != nil {
						rangeOver[obj] = n.X
					}
				}
			}
		case *ast.CallExpr:
			fun := callee.Func(info, n)
			if fun == nil {
				return true
			}
			pkg := ""
			if fun.Pkg() != nil {
				pkg = callee.PkgPath(fun.Pkg())
			}
			if pkg == "strings" || pkg == "bytes" || pkg == "internal/bytealg" {
				var subjects []ast.Expr
				hasNUL := false
				byteFunc := strings.Contains(fun.Name(), "Byte") || strings.Contains(fun.Name(), "Rune")
				for _, a := range n.Args {
					if c.isNULConst(a) && (byteFunc || isString(info.TypeOf(a))) {
						hasNUL = true
					} else {
						subjects = append(subjects, a)
					}
				}
				if hasNUL {
					add(n.Pos(), subjects...)
				}
				return true
			}
			lower := strings.ToLower(fun.Name())
			for _, w := range checkWords {
				if strings.Contains(lower, w) {
					add(n.Pos(), n.Args...)
					break
				}
			}
		case *ast.BinaryExpr:
			if n.Op != token.EQL && n.Op != token.NEQ {
				return true
			}
			for _, pair := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
				if !c.isNULConst(pair[1]) {
					continue
				}
				switch x := ast.Unparen(pair[0]).(type) {
				case *ast.IndexExpr:
					add(n.Pos(), x.X)
				case *ast.Ident:
					if over, ok := rangeOver[info.ObjectOf(x)]; ok {
						add(n.Pos(), over)
					}
				}
			}
		}
		return true
	})
	return out
}

// isNULConst reports whether e is a constant 0 or a string holding a NUL.
func (c *checker) isNULConst(e ast.Expr) bool {
	tv, ok := c.pass.TypesInfo.Types[e]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.String:
		return strings.IndexByte(constant.StringVal(tv.Value), 0) >= 0
	case constant.Int:
		v, ok := constant.Int64Val(tv.Value)
		return ok && v == 0
	}
	return false
}

// isSprintf reports whether call calls a function named Sprintf (such as
// a localization package's): with a constant format and NUL-free
// arguments its result is treated like fmt.Sprintf's.
func isSprintf(call *ast.CallExpr) bool {
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		return f.Sel.Name == "Sprintf"
	case *ast.Ident:
		return f.Name == "Sprintf"
	}
	return false
}

// A param is a parameter of a function of the package.
type param struct {
	fn       *types.Func
	decl     *ast.FuncDecl
	index    int
	variadic bool // the final ...T parameter
}

// indexCalls indexes, once per package, the parameters of the package's
// plain functions and the calls of each function; functions used as
// values are marked, since their callers are then unknown.
func (c *checker) indexCalls() {
	if c.params != nil {
		return
	}
	c.params = make(map[*types.Var]param)
	c.calls = make(map[*types.Func][]*ast.CallExpr)
	c.asValue = make(map[*types.Func]bool)
	info := c.pass.TypesInfo
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Body == nil {
				continue
			}
			fn, ok := info.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			sig, _ := fn.Type().(*types.Signature)
			if sig == nil {
				continue
			}
			for i := 0; i < sig.Params().Len(); i++ {
				c.params[sig.Params().At(i)] = param{fn, fd, i, sig.Variadic() && i == sig.Params().Len()-1}
			}
		}
		syntax.WithStack(f, func(n ast.Node, stack []ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			fn, ok := info.Uses[id].(*types.Func)
			if !ok {
				return true
			}
			// The called expression is id or pkg.id.
			var fun ast.Node = id
			i := len(stack) - 1
			if i >= 0 {
				if sel, ok := stack[i].(*ast.SelectorExpr); ok && sel.Sel == id {
					fun = sel
					i--
				}
			}
			for i >= 0 {
				if p, ok := stack[i].(*ast.ParenExpr); ok {
					fun = p
					i--
					continue
				}
				break
			}
			if i >= 0 {
				if call, ok := stack[i].(*ast.CallExpr); ok && call.Fun == fun {
					c.calls[fn] = append(c.calls[fn], call)
					return true
				}
			}
			c.asValue[fn] = true
			return true
		})
	}
}

// nulFreeParam reports whether the parameter v of an unexported function
// (or of any function of package main) is never assigned and is given a
// NUL-free string at every call of the function in the package.
func (c *checker) nulFreeParam(v *types.Var, depth int) bool {
	c.indexCalls()
	p, ok := c.params[v]
	if !ok || c.asValue[p.fn] || c.inParam[v] || depth > 8 {
		return false
	}
	if p.fn.Exported() && c.pass.Pkg.Name() != "main" {
		return false
	}
	calls := c.calls[p.fn]
	if len(calls) == 0 {
		return false
	}
	assigned := false
	ast.Inspect(p.decl.Body, func(n ast.Node) bool {
		var lhs []ast.Expr
		switch n := n.(type) {
		case *ast.AssignStmt:
			lhs = n.Lhs
		case *ast.IncDecStmt:
			lhs = []ast.Expr{n.X}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				lhs = []ast.Expr{n.X}
			}
		}
		for _, l := range lhs {
			if id, ok := ast.Unparen(l).(*ast.Ident); ok && c.pass.TypesInfo.ObjectOf(id) == v {
				assigned = true
			}
		}
		return !assigned
	})
	if assigned {
		return false
	}
	c.inParam[v] = true
	defer delete(c.inParam, v)
	for _, call := range calls {
		if p.variadic {
			if call.Ellipsis.IsValid() {
				return false
			}
			for _, a := range call.Args[min(p.index, len(call.Args)):] {
				if !c.nulFree(a, depth+1) {
					return false
				}
			}
			continue
		}
		if p.index >= len(call.Args) || !c.nulFree(call.Args[p.index], depth+1) {
			return false
		}
	}
	return true
}
