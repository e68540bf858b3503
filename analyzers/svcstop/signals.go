package svcstop

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fixes"
	"github.com/winlint/winlint/internal/syntax"
)

// serviceFact is attached to functions that reach the service entry points
// (svc.Run, kardianos Service.Run) or the tests that tell a service from a
// console session (svc.IsWindowsService, service.Interactive...), directly
// or through other functions.
type serviceFact struct {
	Run  bool
	Gate bool
}

func (*serviceFact) AFact() {}
func (f *serviceFact) String() string {
	var s []string
	if f.Run {
		s = append(s, "runsService")
	}
	if f.Gate {
		s = append(s, "testsService")
	}
	return strings.Join(s, ",")
}

// pkgServiceFact marks packages that have functions with a serviceFact.
type pkgServiceFact struct{}

func (*pkgServiceFact) AFact()         {}
func (*pkgServiceFact) String() string { return "servicePackage" }

var runFuncs = map[string]bool{
	svcPath + ".Run":                      true,
	"(" + kardianosPath + ".Service).Run": true,
}

var gateFuncs = map[string]bool{
	svcPath + ".IsWindowsService":       true,
	svcPath + ".IsAnInteractiveSession": true,
	kardianosPath + ".Interactive":      true,
	debugPath + ".Run":                  true, // a console mode next to the service
}

func importsServicePackage(pass *analysis.Pass) bool {
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(pkgServiceFact)) {
			return true
		}
	}
	return false
}

// computeReach finds the functions of the package that reach the service
// entry points or gates, and exports facts for them.
func (c *checker) computeReach() {
	c.reach = make(map[*types.Func]*serviceFact)
	refs := make(map[*types.Func][]*types.Func)
	for fn, fd := range c.decls {
		f := &serviceFact{}
		c.reach[fn] = f
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			id, ok := n.(*ast.Ident)
			if !ok {
				return true
			}
			ref, ok := c.pass.TypesInfo.Uses[id].(*types.Func)
			if !ok {
				return true
			}
			ref = ref.Origin()
			name := callee.Name(ref)
			if runFuncs[name] {
				f.Run = true
			}
			if gateFuncs[name] {
				f.Gate = true
			}
			if ref.Pkg() == c.pass.Pkg {
				refs[fn] = append(refs[fn], ref)
			} else if ref.Pkg() != nil {
				var other serviceFact
				if c.pass.ImportObjectFact(ref, &other) {
					f.Run = f.Run || other.Run
					f.Gate = f.Gate || other.Gate
				}
			}
			return true
		})
	}
	for changed := true; changed; {
		changed = false
		for fn, rs := range refs {
			f := c.reach[fn]
			for _, r := range rs {
				g := c.reach[r]
				if g == nil {
					continue
				}
				if g.Run && !f.Run {
					f.Run, changed = true, true
				}
				if g.Gate && !f.Gate {
					f.Gate, changed = true, true
				}
			}
		}
	}
	if c.pass.Pkg.Name() == "main" {
		return // nothing imports a main package
	}
	any := false
	for fn, f := range c.reach {
		if f.Run || f.Gate {
			c.pass.ExportObjectFact(fn, &serviceFact{Run: f.Run, Gate: f.Gate})
			any = true
		}
	}
	if any {
		c.pass.ExportPackageFact(new(pkgServiceFact))
	}
}

// A notify is one signal.Notify / signal.NotifyContext call.
type notify struct {
	call   *ast.CallExpr
	fn     *ast.FuncDecl
	sigs   []ast.Expr // the signals, nil for "all signals"
	all    bool
	known  bool // every signal argument is a constant
	term   bool // SIGTERM among them (or all)
	intr   bool // os.Interrupt / SIGINT among them (or all)
	dead   []string
	deadAt []ast.Expr
}

// Signals Windows never delivers to a Go program (FACTS D3).
var deadSignals = map[string]bool{
	"SIGHUP": true, "SIGQUIT": true, "SIGILL": true, "SIGTRAP": true, "SIGABRT": true,
	"SIGBUS": true, "SIGFPE": true, "SIGSEGV": true, "SIGPIPE": true,
	"SIGALRM": true,
}

func (c *checker) notifies() []*notify {
	var out []*notify
	for _, fd := range c.funcDecls() {
		inspectAll(fd.Body, func(n ast.Node) {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return
			}
			first := 0
			switch c.calleeName(call) {
			case "os/signal.Notify", "os/signal.NotifyContext":
				first = 1
			default:
				return
			}
			if len(call.Args) < first {
				return
			}
			nt := &notify{call: call, fn: fd, known: true}
			if call.Ellipsis.IsValid() {
				nt.known = false
			} else if len(call.Args) == first {
				nt.all, nt.term, nt.intr = true, true, true
			}
			for _, a := range call.Args[first:] {
				if call.Ellipsis.IsValid() {
					break
				}
				nt.sigs = append(nt.sigs, a)
				k := c.signalConst(a)
				if k == nil {
					nt.known = false
					continue
				}
				path := callee.PkgPath(k.Pkg())
				switch {
				case path == "os" && k.Name() == "Interrupt", k.Name() == "SIGINT":
					nt.intr = true
				case k.Name() == "SIGTERM":
					nt.term = true
				case deadSignals[k.Name()] && (path == "syscall" || path == "golang.org/x/sys/windows"):
					nt.dead = append(nt.dead, k.Pkg().Name()+"."+k.Name())
					nt.deadAt = append(nt.deadAt, a)
				}
			}
			out = append(out, nt)
		})
	}
	return out
}

func inspectAll(n ast.Node, f func(ast.Node)) {
	ast.Inspect(n, func(n ast.Node) bool {
		if n != nil {
			f(n)
		}
		return true
	})
}

// signalConst returns the constant or variable a signal argument names
// (os.Interrupt is a variable).
func (c *checker) signalConst(e ast.Expr) types.Object {
	id := syntax.Ident(e)
	if id == nil {
		return nil
	}
	obj := c.pass.TypesInfo.Uses[id]
	switch obj := obj.(type) {
	case *types.Const:
		if obj.Pkg() != nil {
			return obj
		}
	case *types.Var:
		if obj.Pkg() != nil && obj.Pkg().Path() == "os" && obj.Parent() == obj.Pkg().Scope() {
			return obj
		}
	}
	return nil
}

func (c *checker) checkSignals() {
	if !callee.ImportsAny(c.pass.Pkg, signalPath) {
		return
	}
	nts := c.notifies()
	c.checkServiceSignals(nts)
	if c.windows {
		c.checkWindowsSignals(nts)
	}
}

// WL5008: a service program that shuts down on SIGTERM.
func (c *checker) checkServiceSignals(nts []*notify) {
	gated := false
	mainRuns := false
	for fn, f := range c.reach {
		if f.Gate {
			gated = true
		}
		if f.Run && fn.Name() == "main" && c.pass.Pkg.Name() == "main" {
			if sig, ok := fn.Type().(*types.Signature); ok && sig.Recv() == nil {
				mainRuns = true
			}
		}
	}
	if gated {
		return
	}
	for _, nt := range nts {
		if !nt.term || syntax.IsTestFile(c.pass.Fset, nt.call.Pos()) {
			continue
		}
		fn, _ := c.pass.TypesInfo.Defs[nt.fn.Name].(*types.Func)
		if !mainRuns && (fn == nil || c.reach[fn] == nil || !c.reach[fn].Run) {
			continue
		}
		what := "syscall.SIGTERM"
		if nt.all {
			what = "every signal (no signal list)"
		}
		c.termReported[nt.call] = true
		WL5008.Report(c.pass, nt.call,
			"this program runs as a Windows service and signal.Notify asks for %s: Windows raises SIGTERM "+
				"in a service when any user logs off and at system shutdown, so the service shuts down on logoff, "+
				"while the SCM's stop never arrives as a signal; stop on svc.Stop/svc.Shutdown (or kardianos Stop) and "+
				"Notify only when svc.IsWindowsService() is false", what)
	}
}

// WL5009: signals in code built for Windows.
func (c *checker) checkWindowsSignals(nts []*notify) {
	// Functions whose Notify calls include os.Interrupt.
	hasIntr := make(map[*ast.FuncDecl]bool)
	for _, nt := range nts {
		if nt.intr || !nt.known {
			hasIntr[nt.fn] = true
		}
	}
	for _, nt := range nts {
		if syntax.IsTestFile(c.pass.Fset, nt.call.Pos()) {
			continue
		}
		for i, d := range nt.dead {
			if c.harmlessHandler(nt, c.signalConst(nt.deadAt[i])) {
				continue
			}
			WL5009.Report(c.pass, nt.deadAt[i],
				"%s is never delivered on Windows (only os.Interrupt and syscall.SIGTERM are), so this Notify "+
					"never fires for it; handle it in a file built for Unix only, or drop it", d)
		}
		if nt.term && !nt.all && nt.known && !hasIntr[nt.fn] && !c.termReported[nt.call] {
			WL5009.ReportFix(c.pass, nt.call, c.addInterruptFix(nt),
				"signal.Notify asks for SIGTERM but not os.Interrupt: on Windows, Ctrl+C in the console and "+
					"service wrappers such as NSSM stop a program with CTRL_C_EVENT (os.Interrupt), so this "+
					"shutdown path never runs and the program is killed; add os.Interrupt")
		}
	}
}

func (c *checker) addInterruptFix(nt *notify) []analysis.SuggestedFix {
	if len(nt.sigs) == 0 {
		return nil
	}
	last := nt.sigs[len(nt.sigs)-1]
	// os, as the file names it at the call (a parameter may be named os).
	name, edits, ok := fixes.PackageName(c.pass, syntax.File(c.pass.Files, nt.call.Pos()), last.End(), "os")
	if !ok {
		return nil
	}
	return []analysis.SuggestedFix{{
		Message:   "also notify os.Interrupt",
		TextEdits: append(edits, analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + name + ".Interrupt")}),
	}}
}
