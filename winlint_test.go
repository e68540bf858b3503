package winlint_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/winlint/winlint"
	"github.com/winlint/winlint/analysistest"
	"github.com/winlint/winlint/internal/catalog"
)

// TestCatalogue checks the declarations every host relies on: unique IDs,
// unique analyzer names, and checks that belong to their family.
func TestCatalogue(t *testing.T) {
	ids := make(map[string]bool)
	names := make(map[string]bool)
	for _, f := range winlint.Families {
		if names[f.Analyzer.Name] {
			t.Errorf("two families are named %s", f.Analyzer.Name)
		}
		names[f.Analyzer.Name] = true
		if len(f.Checks) == 0 {
			t.Errorf("family %s declares no check", f.Analyzer.Name)
		}
		for _, c := range f.Checks {
			if ids[c.ID] {
				t.Errorf("check %s is declared twice", c.ID)
			}
			ids[c.ID] = true
			if c.Family != f.Analyzer.Name {
				t.Errorf("check %s: family %q, want %q", c.ID, c.Family, f.Analyzer.Name)
			}
			if strings.HasSuffix(c.Title, ".") || c.Title != strings.TrimSpace(c.Title) {
				t.Errorf("check %s: title %q must not end with a period", c.ID, c.Title)
			}
		}
	}
	if err := analysis.Validate(catalog.Configure(winlint.Families, allEnabled())); err != nil {
		t.Error(err)
	}
}

func allEnabled() map[string]bool {
	m := make(map[string]bool)
	for _, c := range winlint.Checks() {
		m[c.ID] = true
	}
	return m
}

// TestExamples proves the documentation: each check's Bad example is
// reported under the check's ID and its Good example is not, analyzed as
// the GOOS=windows build like user code.
func TestExamples(t *testing.T) {
	for _, f := range winlint.Families {
		t.Run(f.Analyzer.Name, func(t *testing.T) {
			testExamples(t, f)
		})
	}
}

func testExamples(t *testing.T, f *catalog.Family) {
	dir := t.TempDir()
	var patterns []string
	for _, c := range f.Checks {
		for kind, src := range map[string]string{"bad": c.Bad, "good": c.Good} {
			pkg := fmt.Sprintf("examples/%s_%s", strings.ToLower(c.ID), kind)
			pkgDir := filepath.Join(dir, "src", filepath.FromSlash(pkg))
			if err := os.MkdirAll(pkgDir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(pkgDir, "example.go"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			patterns = append(patterns, pkg)
		}
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  dir,
		Env: append(os.Environ(),
			"GOPATH="+dir+string(os.PathListSeparator)+analysistest.TestData(),
			"GO111MODULE=off", "GOWORK=off", "GOFLAGS=",
			"GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		for _, e := range p.Errors {
			t.Errorf("example %s does not compile: %v", p.PkgPath, e)
		}
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{f.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	reported := make(map[string]map[string]bool) // package → IDs
	for _, act := range graph.Roots {
		if act.Err != nil {
			t.Errorf("%s: %v", act.Package.PkgPath, act.Err)
			continue
		}
		ids := make(map[string]bool)
		for _, d := range act.Diagnostics {
			ids[d.Category] = true
		}
		reported[act.Package.PkgPath] = ids
	}
	for _, c := range f.Checks {
		bad := "examples/" + strings.ToLower(c.ID) + "_bad"
		good := "examples/" + strings.ToLower(c.ID) + "_good"
		if !reported[bad][c.ID] && !c.Driver { // the driver reports Driver checks
			t.Errorf("%s: the Bad example is not reported (got %v)", c.ID, keys(reported[bad]))
		}
		if len(reported[good]) > 0 {
			t.Errorf("%s: the Good example is reported: %v", c.ID, keys(reported[good]))
		}
	}
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
