// Package analysistest is winlint's test harness. It runs an analyzer over
// fixture packages the way winlint runs it on user code: type-checked as the
// GOOS=windows build (on any host), with cgo off. On top of x/tools'
// analysistest (// want expectations, .golden files for suggested fixes) it
// fails loudly when a fixture written for Windows was not analyzed, so that
// a test can never pass by silently skipping the files it is about.
package analysistest

import (
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/tools/go/analysis"
	xtest "golang.org/x/tools/go/analysis/analysistest"

	"github.com/winlint/winlint/internal/target"
)

// T is the part of *testing.T the harness uses. Tests pass a *testing.T;
// the harness's own tests pass a recorder to prove that it fails.
type T interface {
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
	Helper()
	Setenv(key, value string)
}

// TestData returns the repository's testdata directory, the GOPATH-style
// root ("src/<analyzer>/...") of every analyzer's fixtures.
func TestData() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("analysistest: cannot locate the harness's source")
	}
	return filepath.Join(filepath.Dir(file), "..", "testdata")
}

// Run analyzes the packages matching patterns under dir/src as the
// GOOS=windows build and checks the "// want" expectations of every file.
func Run(t T, dir string, a *analysis.Analyzer, patterns ...string) []*xtest.Result {
	t.Helper()
	setWindows(t)
	results := xtest.Run(t, dir, a, patterns...)
	checkLoaded(t, dir, results, patterns)
	return results
}

// RunWithSuggestedFixes is Run that also applies the suggested fixes and
// compares each fixed file with its ".golden" sibling.
func RunWithSuggestedFixes(t T, dir string, a *analysis.Analyzer, patterns ...string) []*xtest.Result {
	t.Helper()
	setWindows(t)
	results := xtest.RunWithSuggestedFixes(t, dir, a, patterns...)
	checkLoaded(t, dir, results, patterns)
	return results
}

func setWindows(t T) {
	t.Setenv("GOOS", "windows")
	t.Setenv("GOARCH", "amd64")
	t.Setenv("CGO_ENABLED", "0")
	t.Setenv("GOFLAGS", "")
}

// checkLoaded fails the test unless every package was type-checked for
// Windows and every _windows.go fixture file under the patterns'
// directories was among the analyzed files.
func checkLoaded(t T, dir string, results []*xtest.Result, patterns []string) {
	t.Helper()
	analyzed := make(map[string]bool)
	for _, r := range results {
		if r.Action == nil || r.Action.Package == nil {
			continue
		}
		pkg := r.Action.Package
		if pkg.Types != nil && target.GOOS(pkg.Types) != "windows" {
			t.Errorf("package %s was type-checked for GOOS=%s, not windows", pkg.PkgPath, target.GOOS(pkg.Types))
		}
		for _, f := range pkg.CompiledGoFiles {
			analyzed[filepath.Clean(f)] = true
		}
	}
	if len(results) == 0 {
		t.Errorf("no package matched %v under %s", patterns, dir)
		return
	}
	for _, pattern := range patterns {
		root := filepath.Join(dir, "src", filepath.FromSlash(strings.TrimSuffix(pattern, "/...")))
		recursive := strings.HasSuffix(pattern, "/...")
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil
			}
			if d.IsDir() {
				if path != root && !recursive {
					return filepath.SkipDir
				}
				return nil
			}
			name := d.Name()
			if strings.HasSuffix(name, "_windows.go") || strings.HasSuffix(name, "_windows_test.go") {
				if !analyzed[filepath.Clean(path)] {
					t.Errorf("fixture %s was not analyzed: the harness must load it as GOOS=windows", path)
				}
			}
			return nil
		})
	}
}
