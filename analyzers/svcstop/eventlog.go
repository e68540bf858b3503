package svcstop

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/syntax"
)

// WL5010: event log misuse (FACTS D2).
func (c *checker) checkEventlog() {
	if !callee.ImportsAny(c.pass.Pkg, eventlogPath) {
		return
	}
	eventCreate := false
	for _, fd := range c.funcDecls() {
		inspectAll(fd.Body, func(n ast.Node) {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return
			}
			switch c.calleeName(call) {
			case eventlogPath + ".InstallAsEventCreate":
				eventCreate = true
			case eventlogPath + ".Install":
				if len(call.Args) >= 2 {
					if s, ok := c.values.String(call.Args[1]); ok && strings.Contains(strings.ToLower(s), "eventcreate.exe") {
						eventCreate = true
					}
				}
			}
		})
	}
	for _, fd := range c.funcDecls() {
		if syntax.IsTestFile(c.pass.Fset, fd.Pos()) {
			continue
		}
		c.checkInstallEveryStart(fd)
	}
	if eventCreate {
		c.checkEventIDs()
	}
}

// checkInstallEveryStart reports Install/InstallAsEventCreate called
// unconditionally at the top of main or of a service's Execute, with its
// error treated as fatal: the second start fails because the key exists.
func (c *checker) checkInstallEveryStart(fd *ast.FuncDecl) {
	isMain := fd.Recv == nil && fd.Name.Name == "main" && c.pass.Pkg.Name() == "main"
	isExec := fd.Recv != nil && fd.Name.Name == "Execute"
	if !isMain && !isExec {
		return
	}
	list := fd.Body.List
	for i, st := range list {
		call, errVar := installCall(c, st)
		if call == nil {
			continue
		}
		fatal := false
		// if err := eventlog.Install(...); err != nil { fatal }
		if ifs, ok := st.(*ast.IfStmt); ok {
			fatal = c.fatalBlock(ifs.Body)
		} else if i+1 < len(list) && errVar != nil {
			if ifs, ok := list[i+1].(*ast.IfStmt); ok && ifs.Init == nil && c.isErrCheck(ifs.Cond, errVar) {
				fatal = c.fatalBlock(ifs.Body)
			}
		}
		if es, ok := st.(*ast.ExprStmt); ok {
			if outer, ok := ast.Unparen(es.X).(*ast.CallExpr); ok && outer != call {
				if _, ok := c.isExitCall(outer); ok {
					fatal = true
				}
			}
		}
		if !fatal {
			continue
		}
		name := "eventlog." + shortName(c.calleeName(call))[len("eventlog."):]
		WL5010.Report(c.pass, call,
			"%s runs on every start and its error is fatal: it needs administrator rights and fails with "+
				"\"registry key already exists\" once the source is installed, so every start after the first "+
				"fails; install the event source once, from the installer or an install command", name)
	}
}

// installCall returns the eventlog Install call of st and the error
// variable it assigns, if st is one.
func installCall(c *checker, st ast.Stmt) (*ast.CallExpr, types.Object) {
	var found *ast.CallExpr
	var errObj types.Object
	var expr ast.Node = st
	if ifs, ok := st.(*ast.IfStmt); ok {
		if ifs.Init == nil {
			return nil, nil
		}
		expr = ifs.Init
	}
	switch s := expr.(type) {
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 && len(s.Lhs) == 1 {
			if call, ok := ast.Unparen(s.Rhs[0]).(*ast.CallExpr); ok && c.isInstall(call) {
				found = call
				if id, ok := s.Lhs[0].(*ast.Ident); ok {
					errObj = c.pass.TypesInfo.ObjectOf(id)
				}
			}
		}
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok {
			if c.isInstall(call) {
				return nil, nil // error ignored: not fatal
			}
			for _, a := range call.Args {
				if inner, ok := ast.Unparen(a).(*ast.CallExpr); ok && c.isInstall(inner) {
					found = inner
				}
			}
		}
	}
	return found, errObj
}

func (c *checker) isInstall(call *ast.CallExpr) bool {
	n := c.calleeName(call)
	return n == eventlogPath+".InstallAsEventCreate" || n == eventlogPath+".Install"
}

func (c *checker) isErrCheck(cond ast.Expr, errObj types.Object) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || b.Op != token.NEQ {
		return false
	}
	id, ok := ast.Unparen(b.X).(*ast.Ident)
	return ok && c.pass.TypesInfo.Uses[id] == errObj
}

// fatalBlock reports whether the block ends the process: os.Exit, log.Fatal
// or panic at its top level.
func (c *checker) fatalBlock(b *ast.BlockStmt) bool {
	for _, st := range b.List {
		es, ok := st.(*ast.ExprStmt)
		if !ok {
			continue
		}
		call, ok := ast.Unparen(es.X).(*ast.CallExpr)
		if !ok {
			continue
		}
		if _, ok := c.isExitCall(call); ok {
			return true
		}
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && id.Name == "panic" {
			if _, ok := c.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
				return true
			}
		}
	}
	return false
}

// checkEventIDs reports constant event IDs outside 1..1000 in a package
// that registers its source with EventCreate.exe as the message file.
func (c *checker) checkEventIDs() {
	for _, fd := range c.funcDecls() {
		inspectAll(fd.Body, func(n ast.Node) {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 2 {
				return
			}
			switch c.calleeName(call) {
			case "(*" + eventlogPath + ".Log).Info", "(*" + eventlogPath + ".Log).Warning", "(*" + eventlogPath + ".Log).Error",
				"(" + debugPath + ".Log).Info", "(" + debugPath + ".Log).Warning", "(" + debugPath + ".Log).Error":
			default:
				return
			}
			v, ok := c.constUint(call.Args[0])
			if !ok {
				if e, ok2 := c.values.Single(call.Args[0]); ok2 {
					v, ok = c.constUint(e)
				}
			}
			if !ok || (v >= 1 && v <= 1000) {
				return
			}
			WL5010.Report(c.pass, call.Args[0],
				"event ID %d is outside 1..1000, which EventCreate.exe (the message file InstallAsEventCreate "+
					"registers) supports: Event Viewer cannot show the message "+
					"for it; use an ID between 1 and 1000", v)
		})
	}
}
