package svcstop

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/winlint/winlint/internal/syntax"
)

// This file checks implementations of kardianos/service's Interface:
// WL5006 (Start blocks), WL5007 (no-op Stop while Start launched work) and
// the Stop half of WL5005 (os.Exit / log.Fatal in Stop).

// serveForever are calls that serve until the server is closed.
var serveForever = map[string]bool{
	"net/http.ListenAndServe":                   true,
	"net/http.ListenAndServeTLS":                true,
	"net/http.Serve":                            true,
	"net/http.ServeTLS":                         true,
	"(*net/http.Server).ListenAndServe":         true,
	"(*net/http.Server).ListenAndServeTLS":      true,
	"(*net/http.Server).Serve":                  true,
	"(*net/http.Server).ServeTLS":               true,
	"(*google.golang.org/grpc.Server).Serve":    true,
	"(*github.com/gin-gonic/gin.Engine).Run":    true,
	"(*github.com/labstack/echo/v4.Echo).Start": true,
}

func (c *checker) checkKardianos() {
	kpkg := importedPkg(c.pass.Pkg, kardianosPath)
	if kpkg == nil {
		return
	}
	tn, ok := kpkg.Scope().Lookup("Interface").(*types.TypeName)
	if !ok {
		return
	}
	iface, ok := tn.Type().Underlying().(*types.Interface)
	if !ok {
		return
	}
	// Group Start and Stop methods by receiver type.
	type impl struct{ start, stop *ast.FuncDecl }
	impls := make(map[*types.TypeName]*impl)
	var order []*types.TypeName
	for _, fd := range c.funcDecls() {
		if fd.Recv == nil || (fd.Name.Name != "Start" && fd.Name.Name != "Stop") || syntax.IsTestFile(c.pass.Fset, fd.Pos()) {
			continue
		}
		fn, ok := c.pass.TypesInfo.Defs[fd.Name].(*types.Func)
		if !ok {
			continue
		}
		sig, ok := fn.Type().(*types.Signature)
		if !ok || sig.Recv() == nil {
			continue
		}
		rt := sig.Recv().Type()
		if p, ok := rt.(*types.Pointer); ok {
			rt = p.Elem()
		}
		named, ok := types.Unalias(rt).(*types.Named)
		if !ok {
			continue
		}
		if !types.Implements(types.NewPointer(named), iface) {
			continue
		}
		obj := named.Obj()
		if impls[obj] == nil {
			impls[obj] = &impl{}
			order = append(order, obj)
		}
		if fd.Name.Name == "Start" {
			impls[obj].start = fd
		} else {
			impls[obj].stop = fd
		}
	}
	for _, obj := range order {
		im := impls[obj]
		if im.start != nil {
			c.checkStartBlocks(obj.Name(), im.start)
		}
		if im.stop != nil {
			c.checkStopExits(obj.Name(), im.stop)
		}
		if im.start != nil && im.stop != nil && c.isNoOp(im.stop) {
			c.checkNoOpStop(obj.Name(), im.start, im.stop)
		}
	}
}

// WL5006: Start blocks.
func (c *checker) checkStartBlocks(typ string, start *ast.FuncDecl) {
	n, what := c.blocks(start.Body, 1)
	if n == nil {
		return
	}
	WL5006.Report(c.pass, n,
		"%s.Start does not return (%s): kardianos/service calls Start before it reports the service "+
			"running, so the service stays START_PENDING, where the SCM refuses every control and its stop "+
			"request fails; start the work in a goroutine and return", typ, what)
}

// blocks returns the first statement of body, outside goroutines and
// function literals, that never returns: select{}, an endless loop, or a
// call that serves forever; depth bounds how far calls to functions of
// this package are followed.
func (c *checker) blocks(body *ast.BlockStmt, depth int) (ast.Node, string) {
	var found ast.Node
	var what string
	ast.Inspect(body, func(n ast.Node) bool {
		if found != nil {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.DeferStmt:
			return false
		case *ast.SelectStmt:
			if len(n.Body.List) == 0 {
				found, what = n, "select {} blocks forever"
				return false
			}
		case *ast.ForStmt:
			if endless(n, nil) {
				found, what = n, "the loop has no exit"
				return false
			}
		case *ast.LabeledStmt:
			if f, ok := n.Stmt.(*ast.ForStmt); ok && endless(f, n.Label) {
				found, what = n, "the loop has no exit"
				return false
			}
		case *ast.CallExpr:
			name := c.calleeName(n)
			if serveForever[name] {
				found, what = n, shortName(name)+" serves until the server is closed"
				return false
			}
			if depth > 0 {
				if fd := c.decls[calleeFunc(c.pass.TypesInfo, n)]; fd != nil {
					if inner, _ := c.blocks(fd.Body, depth-1); inner != nil {
						found, what = n, fd.Name.Name+" does not return"
						return false
					}
				}
			}
		}
		return true
	})
	return found, what
}

func shortName(qualified string) string {
	s := strings.NewReplacer("(*", "", "(", "", ")", "").Replace(qualified)
	dot := strings.LastIndex(s, ".")
	if dot < 0 {
		return s
	}
	if i := strings.LastIndex(s[:dot], "/"); i >= 0 {
		s = s[i+1:]
	}
	return s
}

// endless reports whether f is "for { ... }" with no way out: no break
// that leaves it, no return, goto, panic or process exit inside.
func endless(f *ast.ForStmt, label *ast.Ident) bool {
	if f.Cond != nil {
		return false
	}
	exits := false
	var walk func(n ast.Node, nested bool)
	walk = func(root ast.Node, nested bool) {
		ast.Inspect(root, func(n ast.Node) bool {
			if exits || n == nil {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				exits = true
			case *ast.BranchStmt:
				switch n.Tok {
				case token.GOTO:
					exits = true
				case token.BREAK:
					if n.Label != nil {
						exits = label != nil && n.Label.Name == label.Name
					} else if !nested {
						exits = true
					}
				}
			case *ast.CallExpr:
				if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok && id.Name == "panic" {
					exits = true
				}
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
					if sel.Sel.Name == "Exit" || sel.Sel.Name == "Fatal" || sel.Sel.Name == "Fatalf" || sel.Sel.Name == "Goexit" {
						exits = true
					}
				}
			case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
				if n != root {
					// An unlabeled break inside binds to the inner statement.
					walk(n, true)
					return false
				}
			}
			return true
		})
	}
	walk(f.Body, false)
	return !exits
}

// isNoOp reports whether fd does nothing: an empty body or a lone
// "return nil", after statements that only log ("stopping…").
func (c *checker) isNoOp(fd *ast.FuncDecl) bool {
	l := fd.Body.List
	if len(l) == 0 {
		return true
	}
	if !c.trivialBlock(l[:len(l)-1]) {
		return false
	}
	if c.trivialBlock(l[len(l)-1:]) {
		return true
	}
	ret, ok := l[len(l)-1].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return false
	}
	id, ok := ret.Results[0].(*ast.Ident)
	return ok && id.Name == "nil"
}

// WL5005 (kardianos half): os.Exit / log.Fatal in Stop.
func (c *checker) checkStopExits(typ string, stop *ast.FuncDecl) {
	syntax.WithStack(stop.Body, func(n ast.Node, stack []ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		if name, ok := c.isExitCall(call); ok && !c.gated(stack) {
			WL5005.Report(c.pass, call,
				"%s in %s.Stop ends the process while kardianos/service is stopping it, before Execute "+
					"returns and svc.Run reports the service stopped, so the SCM records an unexpected termination; "+
					"return from Stop (with an error) and let Run return", name, typ)
		}
		return true
	})
}

// WL5007: Stop does nothing while Start launched work that runs until told
// to stop.
func (c *checker) checkNoOpStop(typ string, start, stop *ast.FuncDecl) {
	var launched *ast.GoStmt
	var what string
	inspectNoLits(start.Body, func(n ast.Node) bool {
		g, ok := n.(*ast.GoStmt)
		if !ok || launched != nil {
			return launched == nil
		}
		var body *ast.BlockStmt
		name := "a goroutine"
		if cn := c.calleeName(g.Call); serveForever[cn] {
			launched, what = g, shortName(cn)
			return false
		}
		if lit, ok := ast.Unparen(g.Call.Fun).(*ast.FuncLit); ok {
			body = lit.Body
		} else if fd := c.decls[calleeFunc(c.pass.TypesInfo, g.Call)]; fd != nil {
			body = fd.Body
			name = fd.Name.Name
		}
		if body == nil {
			return false
		}
		if n, _ := c.blocks(body, 1); n != nil {
			launched, what = g, name
		}
		return false
	})
	if launched == nil {
		return
	}
	WL5007.Report(c.pass, stop.Name,
		"%s.Stop does nothing while Start runs %s until it is stopped: on the SCM's stop Execute returns "+
			"and the process exits, killing %s mid-work (no flush, no graceful close); signal it to stop "+
			"and wait for it in Stop", typ, what, what)
}
