// Package target tells an analyzer which operating system the package under
// analysis was built for.
package target

import (
	"go/ast"
	"go/build"
	"go/build/constraint"
	"go/constant"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
)

// GOOS returns the GOOS the package was type-checked for. It reads
// runtime.GOOS from the package's import graph when the runtime package is
// visible there (as it is when dependencies are loaded from source), and
// otherwise falls back to $GOOS, which the go command sets for vet tools
// and test harnesses set for their loads, and last to the GOOS this
// process was built for.
func GOOS(pkg *types.Package) string {
	if goos, ok := runtimeGOOS(pkg); ok {
		return goos
	}
	if goos := os.Getenv("GOOS"); goos != "" {
		return goos
	}
	return build.Default.GOOS
}

// IsWindows reports whether pkg was built for Windows.
func IsWindows(pkg *types.Package) bool { return GOOS(pkg) == "windows" }

func runtimeGOOS(pkg *types.Package) (string, bool) {
	seen := make(map[*types.Package]bool)
	stack := []*types.Package{pkg}
	for len(stack) > 0 {
		p := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[p] {
			continue
		}
		seen[p] = true
		if p.Path() == "runtime" {
			c, ok := p.Scope().Lookup("GOOS").(*types.Const)
			if !ok || c.Val().Kind() != constant.String {
				return "", false
			}
			return constant.StringVal(c.Val()), true
		}
		stack = append(stack, p.Imports()...)
	}
	return "", false
}

// WindowsOnlyFile reports whether file can only be built for Windows: its
// name has a _windows suffix (before _test and an optional GOARCH), or its
// //go:build constraint holds for windows but neither for linux nor darwin.
// Checks about APIs that merely fail on Windows use it to stay silent in
// portable files, which usually guard such calls at run time.
func WindowsOnlyFile(fset *token.FileSet, file *ast.File) bool {
	name := strings.TrimSuffix(filepath.Base(fset.Position(file.Package).Filename), ".go")
	name = strings.TrimSuffix(name, "_test")
	parts := strings.Split(name, "_")
	if n := len(parts); n >= 2 && (parts[n-1] == "windows" || parts[n-2] == "windows" && knownArch[parts[n-1]]) {
		return true
	}
	for _, group := range file.Comments {
		if group.Pos() > file.Package {
			break
		}
		for _, c := range group.List {
			if !constraint.IsGoBuild(c.Text) {
				continue
			}
			expr, err := constraint.Parse(c.Text)
			if err != nil {
				return false
			}
			holds := func(goos string) bool {
				return expr.Eval(func(tag string) bool {
					return tag == goos || tag == "amd64" || tag == "gc" ||
						goos != "windows" && tag == "unix"
				})
			}
			return holds("windows") && !holds("linux") && !holds("darwin")
		}
	}
	return false
}

var knownArch = map[string]bool{"386": true, "amd64": true, "arm": true, "arm64": true}
