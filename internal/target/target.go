// Package target tells an analyzer which operating system the package under
// analysis was built for.
package target

import (
	"go/build"
	"go/constant"
	"go/types"
)

// GOOS returns the GOOS the package of pass was type-checked for. It reads
// runtime.GOOS from the package's import graph when the runtime package is
// visible there (as it is when dependencies are loaded from source), and
// otherwise falls back to the GOOS of the analysis process, which the go
// command sets for vet tools and which winlint sets for its own runs.
func GOOS(pkg *types.Package) string {
	if goos, ok := runtimeGOOS(pkg); ok {
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
