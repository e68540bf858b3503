package buildflags

import (
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/winlint/winlint/internal/buildcmd"
)

// A build script (exec.Command, mage's sh, or a go:generate line) may
// build another package of the module: "./cmd/tool" or its import path.
// That package is not a dependency of the script, so its console use is
// read from its source files (parsed, not type-checked). A package that
// cannot be found or read leaves the check silent.

// targetDir returns the directory of the single package g builds (the
// working directory when none is named), resolved against the script's
// directory and its module's root, or "". The script's own package is
// left to the type-checked path.
func (c *checker) targetDir(g *buildcmd.Go) string {
	p := "."
	switch {
	case len(g.Packages) == 0 && g.Cmd.Origin != buildcmd.Generate:
		// go build in the script's working directory, taken to be its own
		// directory or the module root.
	case len(g.Packages) != 1 || g.Packages[0].Cond:
		return ""
	default:
		var ok bool
		p, ok = g.Packages[0].Known()
		if !ok || p == "" || strings.HasSuffix(p, "...") || strings.HasSuffix(p, ".go") {
			return ""
		}
	}
	file := c.pass.Fset.File(g.Cmd.File.FileStart)
	if file == nil {
		return ""
	}
	scriptDir := filepath.Dir(file.Name())
	root, modPath := moduleOf(scriptDir)
	var cands []string
	switch {
	case p == "." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../"):
		// go:generate runs in the package's directory; a build script
		// usually runs from the module root (go run ./tools/build, mage).
		if g.Cmd.Origin == buildcmd.Generate {
			cands = append(cands, filepath.Join(scriptDir, p))
		}
		if root != "" {
			cands = append(cands, filepath.Join(root, p))
		}
		if g.Cmd.Origin != buildcmd.Generate {
			cands = append(cands, filepath.Join(scriptDir, p))
		}
	case modPath != "" && (p == modPath || strings.HasPrefix(p, modPath+"/")):
		cands = append(cands, filepath.Join(root, strings.TrimPrefix(p, modPath)))
	}
	for _, d := range cands {
		if d == scriptDir {
			continue // the script's own package: judged with its type information
		}
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			return d
		}
	}
	return ""
}

// moduleOf returns the directory holding the go.mod above dir and its
// module path, or "", "".
func moduleOf(dir string) (root, path string) {
	for d := dir; ; {
		if data, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				line = strings.TrimSpace(line)
				if rest, ok := strings.CutPrefix(line, "module"); ok {
					rest = strings.TrimSpace(rest)
					if s, err := strconv.Unquote(rest); err == nil {
						rest = s
					}
					return d, rest
				}
			}
			return d, ""
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", ""
		}
		d = parent
	}
}

// consoleUseOfDir reads the Go files of dir that build for Windows and
// returns what the package does with the console, or nil if it is not a
// main package or cannot be read.
func consoleUseOfDir(dir string) *consoleUse {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	ctx := build.Default
	ctx.GOOS, ctx.GOARCH, ctx.CgoEnabled = "windows", "amd64", false
	fset := token.NewFileSet()
	use := &consoleUse{}
	var writes []string
	var logWrites []string
	setOutput := false
	files := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		if ok, err := ctx.MatchFile(dir, name); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil
		}
		if f.Name.Name != "main" {
			return nil
		}
		files++
		imports := make(map[string]string) // local name -> path
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			local := path[strings.LastIndex(path, "/")+1:]
			if imp.Name != nil {
				local = imp.Name.Name
			}
			imports[local] = path
			for _, s := range serviceImports {
				if path == s {
					use.service = s
				}
			}
		}
		pkgOf := func(e ast.Expr) (string, string) {
			sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
			if !ok {
				return "", ""
			}
			id, ok := sel.X.(*ast.Ident)
			if !ok {
				return "", ""
			}
			return imports[id.Name], sel.Sel.Name
		}
		line := func(p token.Pos) string {
			pos := fset.Position(p)
			return filepath.Base(pos.Filename) + ":" + strconv.Itoa(pos.Line)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BasicLit:
				if n.Kind == token.STRING {
					if s, err := strconv.Unquote(n.Value); err == nil && (s == "AllocConsole" || s == "AttachConsole") {
						use.unsure = true
					}
				}
			case *ast.AssignStmt:
				for _, l := range n.Lhs {
					if p, name := pkgOf(l); p == "os" && (name == "Stdout" || name == "Stderr") {
						use.unsure = true
					}
				}
			case *ast.SelectorExpr:
				if p, name := pkgOf(n); p == "os" && (name == "Stdout" || name == "Stderr") {
					writes = append(writes, "os."+name+" at "+line(n.Pos()))
				}
			case *ast.CallExpr:
				p, name := pkgOf(n.Fun)
				switch {
				case name == "AllocConsole" || name == "AttachConsole" || name == "SetStdHandle":
					use.unsure = true
				case p == "fmt" && (name == "Print" || name == "Printf" || name == "Println"):
					writes = append(writes, "fmt."+name+" at "+line(n.Pos()))
				case p == "flag" && name == "Parse":
					writes = append(writes, "flag.Parse at "+line(n.Pos())+", whose usage and errors go to os.Stderr")
				case p == "log" && name == "SetOutput", name == "SetOutput":
					setOutput = true
				case p == "log" && defaultLogger["log."+name]:
					logWrites = append(logWrites, "log."+name+" (the default logger writes to os.Stderr) at "+line(n.Pos()))
				}
			}
			return true
		})
	}
	if files == 0 {
		return nil
	}
	if !setOutput {
		writes = append(writes, logWrites...)
	}
	if len(writes) > 0 {
		use.write = writes[0]
	}
	return use
}
