package filehandle

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/resource"
)

// checkCloseError reports WL1003: the error of Close dropped on a file
// opened for writing, in a function that checks no Close or Sync of it.
func (c *checker) checkCloseError(a *resource.Acquire) {
	if a.Spec.Class != resource.File || !c.writable(a) || c.inTest(a.Call) {
		return
	}
	if c.checkedSync(a) || c.removedAnywhere(a) || !c.written(a) || c.openedSync(a) {
		return
	}
	type drop struct {
		n    ast.Node
		call *ast.CallExpr
	}
	var drops []drop
	checked := false
	c.eng.UsesOf(a.Fn, a.Var, func(n ast.Node, u resource.Use) {
		if u.Kind != resource.Release || u.Call == nil {
			return
		}
		if u.Checked {
			checked = true
			return
		}
		if !c.isCloseMethod(u.Call, a) {
			return
		}
		drops = append(drops, drop{n, u.Call})
	})
	if checked {
		return
	}
	for _, d := range drops {
		if c.onErrorPath(d.n) {
			continue
		}
		WL1003.Report(c.pass, d.call, "error of %s.Close() is dropped, but %s was opened for writing and a failed write may surface only there; check it or return it",
			a.Var.Name(), a.Var.Name())
	}
}

// isCloseMethod reports whether call is v.Close() (directly or in a
// deferred literal) — not a helper that closes quietly on purpose.
func (c *checker) isCloseMethod(call *ast.CallExpr, a *resource.Acquire) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Close" {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	return ok && c.eng.Var(id) == a.Var
}

// writable reports whether a's file is opened for writing.
func (c *checker) writable(a *resource.Acquire) bool {
	if a.Spec.Writable {
		return true
	}
	if a.Spec.FlagArg < 0 || a.Spec.FlagArg >= len(a.Call.Args) {
		return false
	}
	flags, ok := c.foldInt(a.Call.Args[a.Spec.FlagArg], 0)
	if !ok {
		return false
	}
	var os *types.Package
	for _, imp := range c.pass.Pkg.Imports() {
		if imp.Path() == "os" {
			os = imp
		}
	}
	if os == nil {
		return false
	}
	var mask int64
	for _, name := range []string{"O_WRONLY", "O_RDWR", "O_APPEND", "O_CREATE", "O_TRUNC"} {
		if k, ok := os.Scope().Lookup(name).(*types.Const); ok {
			if v, ok := constant.Int64Val(constant.ToInt(k.Val())); ok {
				mask |= v
			}
		}
	}
	return flags&mask != 0
}

// openedSync reports whether a's file is opened with os.O_SYNC (on
// Windows FILE_FLAG_WRITE_THROUGH): each Write reaches the disk before it
// returns and reports its own error, so Close has nothing left to lose.
func (c *checker) openedSync(a *resource.Acquire) bool {
	if a.Spec.FlagArg < 0 || a.Spec.FlagArg >= len(a.Call.Args) {
		return false
	}
	flags, ok := c.foldInt(a.Call.Args[a.Spec.FlagArg], 0)
	if !ok {
		return false
	}
	for _, imp := range c.pass.Pkg.Imports() {
		if imp.Path() != "os" {
			continue
		}
		if k, ok := imp.Scope().Lookup("O_SYNC").(*types.Const); ok {
			if v, ok := constant.Int64Val(constant.ToInt(k.Val())); ok && v != 0 {
				return flags&v == v
			}
		}
	}
	return false
}

func (c *checker) foldInt(e ast.Expr, depth int) (int64, bool) {
	info := c.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		v := constant.ToInt(tv.Value)
		if v.Kind() == constant.Int {
			return constant.Int64Val(v)
		}
	}
	if depth > 8 {
		return 0, false
	}
	if v, ok := c.values.Single(e); ok {
		return c.foldInt(v, depth+1)
	}
	return 0, false
}

// checkedSync reports whether the function checks the error of v.Sync().
func (c *checker) checkedSync(a *resource.Acquire) bool {
	found := false
	ast.Inspect(a.Fn.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		var call *ast.CallExpr
		switch n := n.(type) {
		case *ast.ExprStmt:
			return false // result dropped
		case *ast.AssignStmt:
			if len(n.Lhs) == 1 {
				if id, ok := n.Lhs[0].(*ast.Ident); ok && id.Name == "_" {
					return false
				}
			}
			return true
		case *ast.CallExpr:
			call = n
		default:
			return true
		}
		if callee.CallName(c.pass.TypesInfo, call) == "(*os.File).Sync" {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.eng.Var(id) == a.Var {
					found = true
				}
			}
		}
		return true
	})
	return found
}

// onErrorPath reports whether node n is in a block that ends by returning
// a non-nil error.
func (c *checker) onErrorPath(n ast.Node) bool {
	if _, ok := n.(*ast.DeferStmt); ok {
		return false
	}
	path := c.enclosing(n)
	for i, p := range path {
		var list []ast.Stmt
		switch p := p.(type) {
		case *ast.BlockStmt:
			list = p.List
			if len(path) > i+1 {
				if _, ok := path[i+1].(*ast.IfStmt); !ok {
					return false
				}
			}
		case *ast.CaseClause:
			list = p.Body
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		default:
			continue
		}
		if len(list) == 0 {
			return false
		}
		ret, ok := list[len(list)-1].(*ast.ReturnStmt)
		gives := ok && len(ret.Results) == 0
		if br, isBr := list[len(list)-1].(*ast.BranchStmt); isBr && (br.Tok == token.CONTINUE || br.Tok == token.BREAK) {
			gives = true
		}
		if gives && i+1 < len(path) {
			// A bare return, continue or break under "if err != nil":
			// the function (or this iteration) gives up.
			if ifs, ok := path[i+1].(*ast.IfStmt); ok && ifs.Body == p && c.errNotNil(ifs.Cond) {
				return true
			}
		}
		if !ok || len(ret.Results) == 0 {
			return false
		}
		last := ret.Results[len(ret.Results)-1]
		tv, ok := c.pass.TypesInfo.Types[last]
		if !ok || tv.IsNil() {
			return false
		}
		return types.Implements(tv.Type, errorIface) || isErrorType(tv.Type)
	}
	return false
}

// errNotNil reports whether cond is "x != nil" for an error x.
func (c *checker) errNotNil(cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	y, ok := c.pass.TypesInfo.Types[b.Y]
	if !ok || !y.IsNil() {
		return false
	}
	t := c.pass.TypesInfo.TypeOf(b.X)
	return t != nil && isErrorType(t)
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

// writeMethods are the methods of *os.File that write data.
var writeMethods = map[string]bool{"Write": true, "WriteString": true, "WriteAt": true, "ReadFrom": true}

// writers are functions that write to their first argument (io.MultiWriter:
// to every argument).
var writers = map[string]bool{
	"io.Copy": true, "io.CopyN": true, "io.CopyBuffer": true, "io.WriteString": true,
	"io.MultiWriter": true, "io.NewOffsetWriter": true,
	"fmt.Fprint": true, "fmt.Fprintf": true, "fmt.Fprintln": true,
	"bufio.NewWriter": true, "bufio.NewWriterSize": true,
	"encoding/json.NewEncoder": true, "encoding/xml.NewEncoder": true, "encoding/gob.NewEncoder": true,
	"encoding/csv.NewWriter": true, "encoding/binary.Write": true, "encoding/pem.Encode": true,
	"compress/gzip.NewWriter": true, "compress/gzip.NewWriterLevel": true,
	"archive/zip.NewWriter": true, "archive/tar.NewWriter": true,
	"image/png.Encode": true, "image/jpeg.Encode": true,
	"(*text/template.Template).Execute": true, "(*text/template.Template).ExecuteTemplate": true,
	"(*html/template.Template).Execute": true, "(*html/template.Template).ExecuteTemplate": true,
	"log.New": true, "log.SetOutput": true, "(*log.Logger).SetOutput": true,
}

// written reports whether the function writes data to a's file, through
// its methods or a known writer. Files only created (to exist, or to be
// handed to another process) lose nothing at Close.
func (c *checker) written(a *resource.Acquire) bool {
	info := c.pass.TypesInfo
	found := false
	ast.Inspect(a.Fn.Body, func(n ast.Node) bool {
		if found {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && writeMethods[sel.Sel.Name] {
			if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.eng.Var(id) == a.Var {
				found = true
				return false
			}
		}
		name := callee.CallName(info, call)
		if !writers[name] {
			return true
		}
		for i, arg := range call.Args {
			if i > 0 && name != "io.MultiWriter" {
				break
			}
			if id, ok := ast.Unparen(arg).(*ast.Ident); ok && c.eng.Var(id) == a.Var {
				found = true
			}
		}
		return true
	})
	return found
}

// inTest reports whether n is in a _test.go file, where a write that
// failed shows up as a failing test.
func (c *checker) inTest(n ast.Node) bool {
	return strings.HasSuffix(c.pass.Fset.Position(n.Pos()).Filename, "_test.go")
}
