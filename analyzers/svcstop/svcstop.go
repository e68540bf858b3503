package svcstop

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
	"github.com/winlint/winlint/internal/syntax"
	"github.com/winlint/winlint/internal/target"
)

// Analyzer reports Windows services that do not stop cleanly: WL5001–WL5010.
var Analyzer = &analysis.Analyzer{
	Name:      "svcstop",
	Doc:       doc,
	URL:       "https://github.com/winlint/winlint/blob/main/docs/checks/",
	Run:       run,
	FactTypes: []analysis.Fact{new(serviceFact), new(pkgServiceFact)},
}

const (
	svcPath       = "golang.org/x/sys/windows/svc"
	debugPath     = svcPath + "/debug"
	eventlogPath  = svcPath + "/eventlog"
	kardianosPath = "github.com/kardianos/service"
	signalPath    = "os/signal"
)

// apiPackages are the packages whose functions the checks look for; a
// package that imports none of them (and no package known to run a
// service) is skipped.
var apiPackages = []string{svcPath, debugPath, eventlogPath, kardianosPath, signalPath}

type checker struct {
	pass    *analysis.Pass
	values  *fold.Values
	windows bool
	decls   map[*types.Func]*ast.FuncDecl
	// files maps each function declaration to its file.
	files map[*ast.FuncDecl]*ast.File
	// reach holds, per function of the package, whether it reaches
	// svc.Run / kardianos Run and the interactive-session tests.
	reach map[*types.Func]*serviceFact
	// termReported holds the signal.Notify calls reported by WL5008, which
	// WL5009 then leaves alone.
	termReported map[*ast.CallExpr]bool
}

func run(pass *analysis.Pass) (any, error) {
	if !callee.ImportsAny(pass.Pkg, apiPackages...) && !importsServicePackage(pass) {
		return nil, nil
	}
	c := &checker{
		pass:         pass,
		values:       fold.NewValues(pass.TypesInfo, pass.Files),
		windows:      target.IsWindows(pass.Pkg),
		decls:        make(map[*types.Func]*ast.FuncDecl),
		files:        make(map[*ast.FuncDecl]*ast.File),
		termReported: make(map[*ast.CallExpr]bool),
	}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				c.decls[fn] = fd
				c.files[fd] = f
			}
		}
	}
	c.computeReach()
	c.checkHandlers()
	c.checkKardianos()
	c.checkSignals()
	c.checkEventlog()
	return nil, nil
}

// funcDecls returns the package's function declarations in source order.
func (c *checker) funcDecls() []*ast.FuncDecl {
	var out []*ast.FuncDecl
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				out = append(out, fd)
			}
		}
	}
	return out
}

// importedPkg returns the package with the given path among pkg's imports.
func importedPkg(pkg *types.Package, path string) *types.Package {
	for _, imp := range pkg.Imports() {
		if callee.PkgPath(imp) == path {
			return imp
		}
	}
	return nil
}

// constOf returns the constant object e denotes (svc.Stop, syscall.SIGHUP),
// or nil.
func constOf(info *types.Info, e ast.Expr) *types.Const {
	k, _ := info.Uses[syntax.Ident(e)].(*types.Const)
	return k
}

// calleeName is callee.CallName, tolerant of odd code.
func (c *checker) calleeName(call *ast.CallExpr) string {
	return callee.CallName(c.pass.TypesInfo, call)
}

// isExitCall reports whether call ends the process: os.Exit or one of the
// log Fatal functions. It returns the name to use in messages.
func (c *checker) isExitCall(call *ast.CallExpr) (string, bool) {
	switch n := c.calleeName(call); n {
	case "os.Exit":
		return "os.Exit", true
	case "log.Fatal", "log.Fatalf", "log.Fatalln":
		return n, true
	case "(*log.Logger).Fatal", "(*log.Logger).Fatalf", "(*log.Logger).Fatalln":
		return "log.Logger." + n[len("(*log.Logger)."):], true
	}
	return "", false
}

// inspectNoLits is ast.Inspect that does not descend into function literals.
func inspectNoLits(n ast.Node, f func(ast.Node) bool) {
	ast.Inspect(n, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		return f(n)
	})
}

// recvTypeName returns the name of fd's receiver type, for messages.
func recvTypeName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	t := fd.Recv.List[0].Type
	for {
		switch x := t.(type) {
		case *ast.StarExpr:
			t = x.X
			continue
		case *ast.IndexExpr:
			t = x.X
			continue
		case *ast.IndexListExpr:
			t = x.X
			continue
		case *ast.Ident:
			return x.Name
		}
		return ""
	}
}
