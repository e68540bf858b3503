package buildflags

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/buildcmd"
	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/fold"
)

// Analyzer reports Windows build commands written in Go source:
// WL6001–WL6005.
var Analyzer = &analysis.Analyzer{
	Name: "buildflags",
	Doc:  doc,
	URL:  "https://github.com/winlint/winlint/blob/main/docs/checks/",
	Run:  run,
}

func run(pass *analysis.Pass) (any, error) {
	sets := buildcmd.Collect(pass)
	if len(sets) == 0 {
		return nil, nil
	}
	c := &checker{pass: pass, values: fold.NewValues(pass.TypesInfo, pass.Files), reported: make(map[string]bool)}
	for _, set := range sets {
		for _, cmd := range set.Commands {
			if buildcmd.IsSigner(cmd) {
				c.signs = true
			}
		}
	}
	for _, set := range sets {
		for _, cmd := range set.Commands {
			if g := buildcmd.ParseGo(cmd); g != nil {
				c.windowsGUI(g)
				c.unsigned(g)
				c.noVCS(g)
				c.ldflagsReplaced(g)
			}
			if buildcmd.IsSigner(cmd) {
				c.modifiedAfterSigning(cmd)
			}
		}
	}
	return nil, nil
}

type checker struct {
	pass   *analysis.Pass
	values *fold.Values
	// signs is true when the package runs a signing tool somewhere.
	signs    bool
	reported map[string]bool
	// console caches what the package does with the console (WL6001).
	console *consoleUse
}

func (c *checker) report(check *catalog.Check, at analysis.Range, format string, args ...any) {
	key := fmt.Sprintf("%s@%d", check.ID, at.Pos())
	if c.reported[key] {
		return
	}
	c.reported[key] = true
	check.Report(c.pass, at, format, args...)
}

// at returns where to report a flag: its own expression when it has one,
// else the command.
func at(f *buildcmd.Flag, cmd *buildcmd.Command) analysis.Range {
	if f.GOFLAGS && f.Var != nil && f.Var.At != nil {
		return f.Var.At
	}
	if f.Word.Node != nil {
		return f.Word.Node
	}
	return cmd.At
}

// describe names the binary a build writes, for messages.
func describe(g *buildcmd.Go) string {
	if o := g.Output(); o != nil {
		if s, ok := o.Value.Known(); ok {
			return s
		}
		if suf := (buildcmd.Word{Shape: o.Value}).Suffix(); suf != "" {
			return "…" + suf
		}
		return "the -o binary"
	}
	if len(g.Packages) == 1 {
		if s, ok := g.Packages[0].Known(); ok {
			return s
		}
	}
	return "the binary"
}

func where(cmd *buildcmd.Command) string {
	if cmd.Origin == buildcmd.Generate {
		return "the package's go:generate directives"
	}
	return "this function"
}

// ---- WL6001 ---------------------------------------------------------------

// windowsGUI reports -H windowsgui in a go:generate build of this very
// package, when the package shows it is a console program or a service.
func (c *checker) windowsGUI(g *buildcmd.Go) {
	cmd := g.Cmd
	if cmd.Test || cmd.DirSet || g.Verb != "build" && g.Verb != "install" {
		return
	}
	f, uncertain := g.Last("ldflags")
	if f == nil || uncertain {
		return
	}
	lf := buildcmd.ParseLinkFlags(f.Value)
	if lf.Pattern != "" && lf.Pattern != "all" {
		return
	}
	h, found, ok := lf.Flag("H")
	if !ok || !found {
		return
	}
	if s, ok := h.Known(); !ok || s != "windowsgui" {
		return
	}
	var use *consoleUse
	target := c.pass.Pkg.Path()
	if cmd.Origin == buildcmd.Generate && c.pass.Pkg.Name() == "main" && c.buildsThisPackage(g) {
		use = c.consoleUse()
	} else if dir := c.targetDir(g); dir != "" {
		use = consoleUseOfDir(dir)
		target = "."
		if len(g.Packages) == 1 {
			target, _ = g.Packages[0].Known()
		}
	}
	if use == nil || use.unsure {
		return
	}
	switch {
	case use.service != "":
		c.report(WL6001, at(f, cmd), "-H windowsgui builds %s without a console, but it runs as a Windows service (imports %s), which needs no -H windowsgui: its output when run from a command line (install, debug, errors) and its crash messages are lost; drop -H windowsgui",
			target, use.service)
	case use.write != "":
		c.report(WL6001, at(f, cmd), "-H windowsgui builds %s without a console, but it writes to the console (%s): that output and crash messages are lost; drop -H windowsgui, or log to a file and call debug.SetCrashOutput",
			target, use.write)
	}
}

// buildsThisPackage reports whether a go:generate build names the
// directive's own package: no package, ".", "./" or its import path.
func (c *checker) buildsThisPackage(g *buildcmd.Go) bool {
	for _, p := range g.Packages {
		s, ok := p.Known()
		if !ok || p.Cond {
			return false
		}
		if s != "." && s != "./" && s != c.pass.Pkg.Path() {
			return false
		}
	}
	return true
}

type consoleUse struct {
	service string // the service package imported
	write   string // the first console write, described
	unsure  bool   // the program manages its console or standard handles itself
}

var serviceImports = []string{"golang.org/x/sys/windows/svc", "github.com/kardianos/service"}

var consoleWriters = map[string]bool{
	"fmt.Print": true, "fmt.Printf": true, "fmt.Println": true,
}

var defaultLogger = map[string]bool{
	"log.Print": true, "log.Printf": true, "log.Println": true,
	"log.Fatal": true, "log.Fatalf": true, "log.Fatalln": true,
	"log.Panic": true, "log.Panicf": true, "log.Panicln": true,
}

// consoleAPIs are calls after which a GUI binary has a console or standard
// handles again.
var consoleAPIs = map[string]bool{
	"golang.org/x/sys/windows.AllocConsole":  true,
	"golang.org/x/sys/windows.AttachConsole": true,
	"golang.org/x/sys/windows.SetStdHandle":  true,
	"syscall.SetStdHandle":                   true,
}

func (c *checker) consoleUse() *consoleUse {
	if c.console != nil {
		return c.console
	}
	use := &consoleUse{}
	c.console = use
	for _, imp := range c.pass.Pkg.Imports() {
		for _, s := range serviceImports {
			if callee.PkgPath(imp) == s {
				use.service = s
			}
		}
	}
	info := c.pass.TypesInfo
	setOutput := false
	var firstWrite token.Pos
	var write string
	note := func(pos token.Pos, what string) {
		if !firstWrite.IsValid() || pos < firstWrite {
			firstWrite, write = pos, what
		}
	}
	var logWrites []ast.Node
	for _, f := range c.pass.Files {
		if strings.HasSuffix(c.pass.Fset.File(f.FileStart).Name(), "_test.go") {
			continue
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					if s, err := strconv.Unquote(n.Value); err == nil && (s == "AllocConsole" || s == "AttachConsole") {
						use.unsure = true // loaded by hand
					}
				}
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if isStdHandle(info, l) {
						use.unsure = true // os.Stdout = f
					}
				}
			case *ast.SelectorExpr:
				if isStdHandle(info, n) {
					note(n.Pos(), "os."+n.Sel.Name+" at line "+c.line(n.Pos()))
				}
			case *ast.CallExpr:
				name := callee.CallName(info, n)
				switch {
				case consoleAPIs[name]:
					use.unsure = true
				case name == "log.SetOutput" || name == "(*log.Logger).SetOutput":
					setOutput = true
				case consoleWriters[name]:
					note(n.Pos(), name+" at line "+c.line(n.Pos()))
				case defaultLogger[name]:
					logWrites = append(logWrites, n)
				case name == "":
					if id, ok := ast.Unparen(n.Fun).(*ast.Ident); ok {
						if b, ok := info.Uses[id].(*types.Builtin); ok && (b.Name() == "print" || b.Name() == "println") {
							note(n.Pos(), b.Name()+" at line "+c.line(n.Pos()))
						}
					}
				}
			}
			return true
		})
	}
	if !setOutput {
		for _, n := range logWrites {
			note(n.Pos(), callee.CallName(info, n.(*ast.CallExpr))+" (the default logger writes to os.Stderr) at line "+c.line(n.Pos()))
		}
	}
	use.write = write
	return use
}

func isStdHandle(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	v, ok := info.Uses[sel.Sel].(*types.Var)
	if !ok || v.Pkg() == nil || v.Pkg().Path() != "os" {
		return false
	}
	return v.Name() == "Stdout" || v.Name() == "Stderr"
}

func (c *checker) line(pos token.Pos) string {
	return strconv.Itoa(c.pass.Fset.Position(pos).Line)
}

// ---- WL6002 ---------------------------------------------------------------

// windowsTarget reports whether a build makes a Windows binary: GOOS is
// windows, or the output is a .exe (and GOOS is not known to be another).
func windowsTarget(g *buildcmd.Go) bool {
	if goos, ok := g.TargetGOOS(); ok {
		return goos == "windows"
	}
	o := g.Output()
	if o == nil {
		return false
	}
	return strings.HasSuffix(strings.ToLower(buildcmd.Word{Shape: o.Value}.Suffix()), ".exe")
}

// unsigned reports a Windows release build with no signing step after it.
func (c *checker) unsigned(g *buildcmd.Go) {
	cmd := g.Cmd
	if cmd.Test || g.Verb != "build" || g.Output() == nil || !windowsTarget(g) || c.signs {
		return
	}
	if o := g.Output(); o.Cond || o.GOFLAGS {
		return
	}
	for _, later := range cmd.Later() {
		if buildcmd.MaySign(later) {
			return
		}
	}
	c.report(WL6002, cmd.At, "windows release build of %s has no signing step after it in %s; sign it (signtool, osslsigncode, AzureSignTool, jsign) before it is published",
		describe(g), where(cmd))
}

// ---- WL6003 ---------------------------------------------------------------

// noVCS reports -buildvcs=false in a release build (a build with -o, or go
// install) for Windows or for the host.
func (c *checker) noVCS(g *buildcmd.Go) {
	cmd := g.Cmd
	if cmd.Test || g.Verb == "build" && g.Output() == nil {
		return
	}
	if goos, ok := g.TargetGOOS(); ok && goos != "windows" {
		return
	}
	f, uncertain := g.Last("buildvcs")
	if f == nil || uncertain {
		return
	}
	v, ok := f.BoolValue()
	if !ok {
		return
	}
	if b, err := strconv.ParseBool(v); err != nil || b {
		return
	}
	src := "-buildvcs=false"
	if f.GOFLAGS {
		src = "GOFLAGS=-buildvcs=false"
	}
	c.report(WL6003, at(f, cmd), "%s strips the VCS revision from %s: `go version -m` cannot tell which commit it was built from; drop it (and make .git available to the build)",
		src, describe(g))
}

// ---- WL6004 ---------------------------------------------------------------

// ldflagsReplaced reports a command-line -ldflags that silently replaces
// the -ldflags of GOFLAGS.
func (c *checker) ldflagsReplaced(g *buildcmd.Go) {
	var env, cl *buildcmd.Flag
	for i := range g.Flags {
		f := &g.Flags[i]
		if f.Name != "ldflags" {
			continue
		}
		if f.GOFLAGS {
			env = f
		} else {
			cl = f
		}
	}
	if env == nil || cl == nil || env.Cond {
		return
	}
	// The last -ldflags matching a package wins (load.PerPackageFlag.For):
	// no pattern (the command-line packages) and "all" both match the
	// main package being linked. Other patterns are not judged.
	ep, cp := buildcmd.ParseLinkFlags(env.Value), buildcmd.ParseLinkFlags(cl.Value)
	if ep.Pattern != "" && ep.Pattern != "all" || cp.Pattern != "" && cp.Pattern != "all" {
		return
	}
	ev, _ := env.Value.Known()
	c.report(WL6004, at(cl, g.Cmd), "-ldflags on the command line replaces GOFLAGS' -ldflags=%s instead of adding to it, so %s is built without those linker flags; put all of them in one -ldflags",
		ev, describe(g))
}

// ---- WL6005 ---------------------------------------------------------------

// modifiedAfterSigning reports a command or file write that changes a
// signed binary after the signer ran.
func (c *checker) modifiedAfterSigning(sign *buildcmd.Command) {
	signed := buildcmd.SignedFiles(sign)
	if len(signed) == 0 {
		return
	}
	signLine := c.line(sign.At.Pos())
	for _, later := range sign.Later() {
		for _, m := range buildcmd.ModifiedFiles(later) {
			for _, s := range signed {
				if buildcmd.SamePath(m, s) {
					c.report(WL6005, later.At, "%s rewrites %s after it was signed at line %s: the Authenticode signature no longer verifies; run %s before signing",
						later.Program(), s, signLine, later.Program())
				}
			}
		}
	}
	if sign.Set == nil || sign.Set.Decl == nil {
		return
	}
	ast.Inspect(sign.Set.Decl, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || call.Pos() <= sign.At.End() {
			return true
		}
		name := callee.CallName(c.pass.TypesInfo, call)
		var how string
		switch name {
		case "os.OpenFile":
			if len(call.Args) == 3 && c.opensForWriting(call.Args[1]) {
				how = "os.OpenFile opens for writing"
			}
		case "os.WriteFile", "os.Create":
			how = name + " rewrites"
		}
		if how == "" || len(call.Args) == 0 {
			return true
		}
		p, ok := c.values.String(call.Args[0])
		if !ok {
			return true
		}
		for _, s := range signed {
			if buildcmd.SamePath(p, s) {
				c.report(WL6005, call, "%s %s after it was signed at line %s: the Authenticode signature no longer verifies; change the file before signing it",
					how, s, signLine)
			}
		}
		return true
	})
}

// opensForWriting reports whether an os.OpenFile flag expression names
// O_WRONLY, O_RDWR, O_APPEND or O_TRUNC.
func (c *checker) opensForWriting(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		if o, ok := c.pass.TypesInfo.Uses[id].(*types.Const); ok && o.Pkg() != nil && o.Pkg().Path() == "os" {
			switch o.Name() {
			case "O_WRONLY", "O_RDWR", "O_APPEND", "O_TRUNC":
				found = true
			}
		}
		return true
	})
	return found
}
