// Command winlint-pre-commit is the entry of winlint's pre-commit hook
// (.pre-commit-hooks.yaml). pre-commit calls it with the hook's args (winlint
// flags) followed by the staged Go files; it runs `winlint [flags] ./...`
// once in each Go module that contains one of those files (the nearest
// directory with a go.mod, up to the repository root), so that modules in
// sub-directories are analyzed too. winlint analyzes packages, not single
// files: the whole module of each staged file is analyzed.
//
// It exits with winlint's status: 1 or 2 if any run failed, else 3 if any
// reported findings, else 0.
package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	root, err := os.Getwd() // pre-commit runs hooks in the repository root
	if err != nil {
		fmt.Fprintln(stderr, "winlint-pre-commit:", err)
		return 1
	}
	flags, files := splitArgs(args)
	modules, outside := modulesOf(root, files)
	for _, f := range outside {
		fmt.Fprintf(stderr, "winlint-pre-commit: %s is in no Go module (no go.mod above it): not analyzed\n", f)
	}
	if len(modules) == 0 {
		return 0
	}
	winlint, err := winlintPath()
	if err != nil {
		fmt.Fprintln(stderr, "winlint-pre-commit:", err)
		return 1
	}
	status := 0
	for _, mod := range modules {
		rel, _ := filepath.Rel(root, mod)
		if rel != "." {
			fmt.Fprintf(stdout, "winlint in %s:\n", filepath.ToSlash(rel))
		}
		cmd := exec.Command(winlint, append(slices.Clone(flags), "./...")...)
		cmd.Dir = mod
		cmd.Stdout, cmd.Stderr = stdout, stderr
		code := 0
		if err := cmd.Run(); err != nil {
			exit, ok := err.(*exec.ExitError)
			if !ok {
				fmt.Fprintln(stderr, "winlint-pre-commit:", err)
				return 1
			}
			code = exit.ExitCode()
		}
		switch {
		case code == 0:
		case code == 3:
			if status == 0 {
				status = 3
			}
		case status == 0 || status == 3:
			status = code
		}
	}
	return status
}

// splitArgs separates winlint's flags from the file names pre-commit
// appends: existing .go files. A "./..." argument (the pattern older hook
// configurations passed) is dropped: every run analyzes ./... of its module.
func splitArgs(args []string) (flags, files []string) {
	for _, a := range args {
		if strings.HasSuffix(a, ".go") {
			if fi, err := os.Stat(a); err == nil && fi.Mode().IsRegular() {
				files = append(files, a)
				continue
			}
		}
		if a == "./..." {
			continue
		}
		flags = append(flags, a)
	}
	return flags, files
}

// modulesOf returns the directories of the modules containing files (the
// nearest directory with a go.mod, not above root), sorted, and the files
// that are in none.
func modulesOf(root string, files []string) (modules, outside []string) {
	seen := make(map[string]bool)
	for _, f := range files {
		abs, err := filepath.Abs(f)
		if err != nil {
			outside = append(outside, f)
			continue
		}
		mod := ""
		for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				mod = dir
				break
			}
			if dir == root || filepath.Dir(dir) == dir || !strings.HasPrefix(dir, root) {
				break
			}
		}
		if mod == "" {
			outside = append(outside, f)
			continue
		}
		if !seen[mod] {
			seen[mod] = true
			modules = append(modules, mod)
		}
	}
	slices.Sort(modules)
	return modules, outside
}

// winlintPath returns the winlint installed beside this command (pre-commit
// installs both with `go install ./...`), else the one on PATH.
func winlintPath() (string, error) {
	name := "winlint"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	if self, err := os.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(self), name)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return exec.LookPath("winlint")
}
