package process

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/fold"
)

// posixShells are shells that a stock Windows does not have.
var posixShells = map[string]bool{"sh": true, "bash": true, "zsh": true, "dash": true, "ksh": true}

// builtins are cmd.exe built-in commands: no program of that name exists
// on Windows.
var builtins = map[string]bool{
	"start": true, "echo": true, "dir": true, "mkdir": true, "md": true, "del": true,
	"erase": true, "copy": true, "type": true, "move": true, "ren": true, "rename": true,
	"rd": true, "rmdir": true, "cls": true, "mklink": true, "pushd": true, "popd": true,
	"assoc": true, "ftype": true, "ver": true, "vol": true,
}

// programBase returns the lower-case program name of a command without its
// directory and .exe extension.
func programBase(prog string) string {
	if i := strings.LastIndexAny(prog, `/\`); i >= 0 {
		prog = prog[i+1:]
	}
	prog = strings.ToLower(prog)
	return strings.TrimSuffix(prog, ".exe")
}

func hasDir(prog string) bool { return strings.ContainsAny(prog, `/\`) }

func isBatch(prog string) bool {
	p := strings.ToLower(prog)
	return strings.HasSuffix(p, ".bat") || strings.HasSuffix(p, ".cmd")
}

func (c *checker) checkCommand(cur inspector.Cursor, call *ast.CallExpr, i int) {
	if len(call.Args) <= i || c.isTestFile(call) {
		return
	}
	progExpr := call.Args[i]
	args := call.Args[i+1:]
	prog, known := c.vals().String(progExpr)
	switch {
	case known && programBase(prog) == "cmd" || !known && c.isComSpec(progExpr):
		c.checkCmdLine(cur, call, args)
	case known && isBatch(prog):
		c.checkBatch(cur, call, prog, args)
	case !known:
		if name, ok := c.batchShape(progExpr); ok {
			c.checkBatch(cur, call, name, args)
		}
	default:
		c.checkProgram(cur, call, progExpr, prog)
	}
}

// checkProgram reports WL8001: a POSIX shell or a cmd.exe built-in run as
// a program.
func (c *checker) checkProgram(cur inspector.Cursor, call *ast.CallExpr, progExpr ast.Expr, prog string) {
	base := programBase(prog)
	shell := posixShells[base] || prog == "/usr/bin/env"
	builtin := builtins[base] && !hasDir(prog)
	if !shell && !builtin {
		return
	}
	if c.guard.ExcludesWindows(cur) {
		return
	}
	f := c.facts(cur)
	if f.lookPath[base] || shell && anyShellProbed(f) {
		return
	}
	if shell {
		WL8001.Report(c.pass, progExpr, "%s runs %q, which a stock Windows does not have (exec: %q: executable file not found in %%PATH%%); guard it with runtime.GOOS and run the program directly or with cmd /C on Windows", callName(call), prog, prog)
		return
	}
	if base == "start" {
		WL8001.Report(c.pass, progExpr, "%s runs %q, a cmd.exe built-in that is not a program; open files and URLs on Windows with exec.Command(\"rundll32\", \"url.dll,FileProtocolHandler\", target)", callName(call), prog)
		return
	}
	WL8001.Report(c.pass, progExpr, "%s runs %q, a cmd.exe built-in that is not a program on Windows (executable file not found in %%PATH%%); do it in Go (os, io) or run cmd /C %s with constant arguments on Windows", callName(call), prog, base)
}

func anyShellProbed(f *declFacts) bool {
	for s := range posixShells {
		if f.lookPath[s] {
			return true
		}
	}
	return false
}

func callName(call *ast.CallExpr) string {
	return types.ExprString(call.Fun)
}

// isComSpec reports whether e is os.Getenv("COMSPEC"), the path of cmd.exe.
func (c *checker) isComSpec(e ast.Expr) bool {
	if v, ok := c.vals().Single(e); ok {
		e = v
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !callee.IsOneOf(c.pass.TypesInfo, call, "os.Getenv") {
		return false
	}
	s, ok := c.vals().String(call.Args[0])
	return ok && strings.EqualFold(s, "COMSPEC")
}

// batchShape reports whether the program, not a constant, is known to name
// a .bat or .cmd file: a string ending in the extension, or a
// filepath.Join whose last element does.
func (c *checker) batchShape(e ast.Expr) (string, bool) {
	if v, ok := c.vals().Single(e); ok {
		e = v
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) > 0 &&
		callee.IsOneOf(c.pass.TypesInfo, call, "path/filepath.Join", "path.Join") {
		if s, ok := c.vals().String(call.Args[len(call.Args)-1]); ok && isBatch(s) {
			return s, true
		}
		return "", false
	}
	shape := c.vals().StringShape(e)
	if n := len(shape); n > 1 && shape[n-1].Known && isBatch(shape[n-1].Text) {
		return shape[n-1].Text, true
	}
	return "", false
}

// checkCmdLine reports WL8002 for cmd /C with data in the command line.
func (c *checker) checkCmdLine(cur inspector.Cursor, call *ast.CallExpr, args []ast.Expr) {
	if call.Ellipsis.IsValid() {
		return
	}
	// Skip cmd's own switches up to /C or /K.
	j := -1
	for k, a := range args {
		s, ok := c.vals().String(a)
		if !ok {
			return
		}
		if u := strings.ToUpper(s); u == "/C" || u == "/K" || u == "/S/C" || u == "/D/C" {
			j = k
			break
		}
		if !strings.HasPrefix(s, "/") {
			return
		}
	}
	if j < 0 || j+1 >= len(args) {
		return
	}
	rest := args[j+1:]
	// The command: a variable holding a whole command line (a task
	// runner's configured command) is what cmd /C is for; data spliced
	// into a constant command is not.
	var data ast.Expr
	first := c.vals().StringShape(rest[0])
	if first.HasHole() && first.Prefix() != "" && !c.safeShape(first) {
		data = rest[0]
	}
	if data == nil {
		for _, a := range rest[1:] {
			if sh := c.vals().StringShape(a); sh.HasHole() && !c.safeShape(sh) {
				data = a
				break
			}
		}
	}
	if data == nil {
		return
	}
	if c.guard.ExcludesWindows(cur) || c.facts(cur).cmdLine {
		return
	}
	cmdText := ""
	if s, ok := first.Known(); ok {
		cmdText = " " + s
	} else if p := strings.TrimSpace(first.Prefix()); p != "" {
		cmdText = " " + strings.Fields(p)[0]
	}
	fix := "run the program directly instead of through cmd /C"
	if strings.EqualFold(strings.TrimSpace(cmdText), "start") {
		fix = "open URLs and files with exec.Command(\"rundll32\", \"url.dll,FileProtocolHandler\", target)"
	}
	WL8002.Report(c.pass, data, "security: %s is put on the command line of cmd /C%s, which cmd.exe parses again: & | < > ^ %% in it split the command or inject another (Go quotes arguments for CommandLineToArgvW, not for cmd.exe); %s, or set SysProcAttr.CmdLine with cmd.exe escaping", types.ExprString(data), cmdText, fix)
}

// checkBatch reports WL8002 for a batch file with data in its arguments.
func (c *checker) checkBatch(cur inspector.Cursor, call *ast.CallExpr, name string, args []ast.Expr) {
	var data ast.Expr
	for _, a := range args {
		if call.Ellipsis.IsValid() && a == args[len(args)-1] {
			data = a
			break
		}
		if sh := c.vals().StringShape(a); sh.HasHole() && !c.safeShape(sh) {
			data = a
			break
		}
	}
	if data == nil || c.guard.ExcludesWindows(cur) || c.facts(cur).cmdLine {
		return
	}
	WL8002.Report(c.pass, data, "security: %s is passed to the batch file %s, which Windows runs through cmd.exe: & | < > ^ %% in it split the command or inject another (the BatBadBut class, CVE-2024-24576 in Rust); pass data in environment variables or a file, or set SysProcAttr.CmdLine with cmd.exe escaping", types.ExprString(data), name[strings.LastIndexAny(name, `/\`)+1:])
}

// safeShape reports whether every hole of the shape is a value that cannot
// hold cmd.exe metacharacters: numbers and booleans, their strconv
// formatting, and strings escaped for cmd.exe.
func (c *checker) safeShape(s fold.Shape) bool {
	for _, p := range s {
		if !p.Known && !c.safeExpr(p.Expr) {
			return false
		}
	}
	return true
}

func (c *checker) safeExpr(e ast.Expr) bool {
	if e == nil {
		return false
	}
	info := c.pass.TypesInfo
	if t := info.TypeOf(e); t != nil {
		if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&(types.IsInteger|types.IsFloat|types.IsBoolean) != 0 {
			return true
		}
	}
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	switch name := callee.CallName(info, call); name {
	case "strconv.Itoa", "strconv.FormatInt", "strconv.FormatUint", "strconv.FormatFloat", "strconv.FormatBool":
		return true
	case "strings.ReplaceAll", "strings.Replace":
		if len(call.Args) >= 3 {
			if s, ok := c.vals().String(call.Args[2]); ok && strings.Contains(s, "^") {
				return true // escaped for cmd.exe
			}
		}
	case "(*strings.Replacer).Replace":
		// r := strings.NewReplacer("&", "^&", ...); r.Replace(s)
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if v, ok := c.vals().Single(sel.X); ok {
				return c.mentionsCaret(v)
			}
		}
	default:
		fn := callee.Func(info, call)
		if fn == nil {
			return false
		}
		// A helper that says it escapes or quotes for cmd.exe, or a
		// function of this package that escapes with ^ (open-golang's
		// cleaninput: strings.NewReplacer("&", "^&")).
		n := strings.ToLower(fn.Name())
		if strings.Contains(n, "escape") || strings.Contains(n, "quote") {
			return true
		}
		if fn.Pkg() == c.pass.Pkg {
			if decl := c.funcDecl(fn); decl != nil {
				return c.mentionsCaret(decl.Body)
			}
		}
	}
	return false
}

// mentionsCaret reports whether n holds a string constant with "^", the
// escape character of cmd.exe.
func (c *checker) mentionsCaret(n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(lit.Value, "^") {
			found = true
		}
		return !found
	})
	return found
}

// funcDecl returns the declaration of a function of the package.
func (c *checker) funcDecl(fn *types.Func) *ast.FuncDecl {
	for _, f := range c.pass.Files {
		if f.Pos() <= fn.Pos() && fn.Pos() < f.End() {
			for _, d := range f.Decls {
				if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Pos() == fn.Pos() && fd.Body != nil {
					return fd
				}
			}
		}
	}
	return nil
}
