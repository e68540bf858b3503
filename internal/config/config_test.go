package config

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/driver"
)

func families() []*catalog.Family {
	mk := func(id string, def bool) *catalog.Check {
		return &catalog.Check{ID: id, Title: "t", Doc: "d", Bad: "b", Good: "g", Default: def, Severity: catalog.Warning}
	}
	return []*catalog.Family{
		catalog.NewFamily(&analysis.Analyzer{Name: "alpha", Doc: "d"}, mk("WL1001", true), mk("WL1002", false)),
		catalog.NewFamily(&analysis.Analyzer{Name: "beta", Doc: "d"}, mk("WL2001", true), mk("WL2005", true)),
	}
}

func defaults() map[string]bool {
	s, err := catalog.Select(families(), "default")
	if err != nil {
		panic(err)
	}
	return s
}

func TestParse(t *testing.T) {
	src := `# winlint.conf
checks = [
	"inherit", # keep the parent's
	"-WL2005",
	'WL1002',
]
exclude = ["internal/gen/", "./*_mock.go", "a/**/b"]   # trailing comment
`
	f, err := Parse("/m/winlint.conf", []byte(src), families())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(f.Checks, []string{"inherit", "-WL2005", "WL1002"}) || f.ChecksLine != 2 {
		t.Errorf("checks %q at line %d", f.Checks, f.ChecksLine)
	}
	if !slices.Equal(f.Exclude, []string{"internal/gen", "*_mock.go", "a/**/b"}) {
		t.Errorf("exclude %q", f.Exclude)
	}

	// A string holds a -checks list too.
	f, err = Parse("/m/winlint.conf", []byte(`checks = "all,-WL2005"`+"\n"), families())
	if err != nil || !slices.Equal(f.Checks, []string{"all", "-WL2005"}) {
		t.Errorf("checks string: %q, %v", f.Checks, err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"checks = [\"all\", \"-WL9*\"]\n", `x.conf:1: checks: "WL9*" matches no check (see winlint -list)`},
		{"\n\nchecks = [\"default\",\n \"nosuch\"]\n", `x.conf:3: checks: "nosuch" matches no check`},
		{"checks = [\"all\", \"inherit\"]\n", `x.conf:1: checks: "inherit" must come first`},
		{"check = [\"all\"]\n", "x.conf:1: check: unknown key (want checks or exclude)"},
		{"# c\nexclude = \"gen\"\n", "x.conf:2: exclude: want an array"},
		{"exclude = [\"/abs\"]\n", `x.conf:1: exclude: "/abs" is not a slash-separated glob`},
		{"exclude = [\"../up\"]\n", `x.conf:1: exclude: "../up" is not a slash-separated glob`},
		{"exclude = [\"a[\"]\n", `x.conf:1: exclude: "a[": bad glob`},
		{"[winlint]\nchecks = [\"all\"]\n", "x.conf:1: tables ([section]) are not supported"},
		{"checks = [\"all\"]\nchecks = [\"default\"]\n", "x.conf:2: checks is set twice"},
		{"checks = [\"all\"\n", "x.conf:2: want , or ] in the array"},
		{"checks = [\"all]\n", "x.conf:1: string not terminated"},
		{"checks = all\n", `x.conf:1: want a string in quotes, found "all"`},
		{"checks = [\"all\"] x\n", `x.conf:1: unexpected "x"`},
		{"checks [\"all\"]\n", "x.conf:1: want = after checks"},
		{"checks = true\n", "x.conf:1: want a string in quotes"},
		{"checks = \"a\\qb\"\n", `x.conf:1: unsupported escape \q`},
	} {
		_, err := Parse("x.conf", []byte(tc.src), families())
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Parse(%q): error %v, want %q", tc.src, err, tc.want)
		}
	}
}

// tree writes files (path → content) under a new temporary directory.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func ids(set map[string]bool) string {
	return strings.Join(slices.Sorted(maps.Keys(set)), ",")
}

func TestInherit(t *testing.T) {
	root := tree(t, map[string]string{
		"go.mod":                      "module m\n",
		"winlint.conf":                "checks = [\"all\", \"-WL2005\"]\n",
		"a/winlint.conf":              "checks = [\"-WL1002\"]\n",             // from the parent's
		"a/b/winlint.conf":            "checks = [\"inherit\", \"WL2005\"]\n", // from the parent's
		"a/b/c/winlint.conf":          "exclude = [\"gen\"]\n",                // checks inherited
		"r/winlint.conf":              "checks = [\"WL2001\"]\n",              // replaces
		"nested/go.mod":               "module n\n",                           // another module: the default
		"nested/x/winlint.conf":       "checks = [\"-WL1001\"]\n",
		"above/winlint.conf-not-this": "",
	})
	c := New(families(), defaults(), false)
	if errs := c.Scan(root); len(errs) > 0 {
		t.Fatal(errs)
	}
	for dir, want := range map[string]string{
		".":        "WL1001,WL1002,WL2001",
		"z":        "WL1001,WL1002,WL2001",
		"a":        "WL1001,WL2001",
		"a/b":      "WL1001,WL2001,WL2005",
		"a/b/c/d":  "WL1001,WL2001,WL2005",
		"r/s":      "WL2001",
		"nested":   "WL1001,WL2001,WL2005",
		"nested/x": "WL2001,WL2005",
	} {
		file := filepath.Join(root, filepath.FromSlash(dir), "f.go")
		if got := ids(c.Enabled(file)); got != want {
			t.Errorf("%s: enabled %s, want %s", dir, got, want)
		}
	}
	if got := ids(c.Union()); got != "WL1001,WL1002,WL2001,WL2005" {
		t.Errorf("union %s", got)
	}

	// -checks on the command line overrides the files.
	o := New(families(), map[string]bool{"WL1002": true}, true)
	o.Scan(root)
	if got := ids(o.Enabled(filepath.Join(root, "r", "f.go"))); got != "WL1002" {
		t.Errorf("override: %s", got)
	}
	if got := ids(o.Union()); got != "WL1002" {
		t.Errorf("override union: %s", got)
	}
}

func TestExclude(t *testing.T) {
	root := tree(t, map[string]string{
		"go.mod":           "module m\n",
		"winlint.conf":     "exclude = [\"internal/gen\", \"*_mock.go\", \"cmd/*/zz_*.go\", \"**/fixtures/**/*.go\"]\n",
		"sub/winlint.conf": "exclude = [\"old\"]\n",
	})
	c := New(families(), defaults(), false)
	if errs := c.Scan(root); len(errs) > 0 {
		t.Fatal(errs)
	}
	for name, want := range map[string]bool{
		"main.go":                    false,
		"internal/gen/x.go":          true,
		"internal/gen/deep/y.go":     true,
		"internal/generated/x.go":    false,
		"a/b/db_mock.go":             true,
		"db_mock.go":                 true,
		"cmd/tool/zz_gen.go":         true,
		"cmd/tool/sub/zz_gen.go":     false,
		"x/fixtures/p/q/r.go":        true,
		"sub/old/a.go":               true,
		"sub/x/old/a.go":             true,
		"old/a.go":                   false, // sub's pattern applies below sub only
		"sub/internal/gen/x.go":      false, // the root's pattern is relative to the root
		"sub/internal/gen/x_mock.go": true,
	} {
		if got := c.Excluded(filepath.Join(root, filepath.FromSlash(name))); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestScanErrors(t *testing.T) {
	root := tree(t, map[string]string{
		"go.mod":                "module m\n",
		"a/winlint.conf":        "checks = [\"WL9999\"]\n",
		"testdata/winlint.conf": "bad",
		"vendor/x/winlint.conf": "bad",
		".hidden/winlint.conf":  "bad",
		"b/c/winlint.conf":      "\nexclude = 3\n",
	})
	c := New(families(), defaults(), false)
	var got []string
	for _, err := range c.Scan(filepath.Join(root, "a")) {
		got = append(got, strings.TrimPrefix(err.Error(), root+string(filepath.Separator)))
	}
	slices.Sort(got)
	want := []string{
		filepath.FromSlash("a/winlint.conf") + `:1: checks: "WL9999" matches no check (see winlint -list)`,
		filepath.FromSlash("b/c/winlint.conf") + `:2: want a string in quotes, found "3"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFilter(t *testing.T) {
	root := tree(t, map[string]string{
		"go.mod":         "module m\n",
		"winlint.conf":   "exclude = [\"gen\"]\n",
		"a/winlint.conf": "checks = [\"-WL2001\", \"WL1002\"]\n",
	})
	c := New(families(), defaults(), false)
	if errs := c.Scan(root); len(errs) > 0 {
		t.Fatal(errs)
	}
	at := func(name string) driver.Position {
		return driver.Position{File: filepath.Join(root, filepath.FromSlash(name)), Line: 1, Column: 1}
	}
	r := &driver.Result{
		Findings: []*driver.Finding{
			{ID: "WL2001", Posn: at("x.go")},
			{ID: "WL1002", Posn: at("x.go")}, // off by default
			{ID: "WL2001", Posn: at("a/x.go")},
			{ID: "WL1002", Posn: at("a/x.go")},
			{ID: "WL1001", Posn: at("gen/x.go")},
			{ID: "", Posn: at("a/y.go")}, // no check ID: kept
		},
		DirectiveFiles: []*driver.Finding{{Posn: at("gen/x.go")}, {Posn: at("a/x.go")}},
	}
	if err := c.Filter(r, nil); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range r.Findings {
		rel, _ := filepath.Rel(root, f.Posn.File)
		got = append(got, fmt.Sprintf("%s %s", filepath.ToSlash(rel), f.ID))
	}
	if want := []string{"x.go WL2001", "a/x.go WL1002", "a/y.go "}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
	if len(r.DirectiveFiles) != 1 || !strings.HasSuffix(r.DirectiveFiles[0].Posn.File, "x.go") ||
		strings.Contains(r.DirectiveFiles[0].Posn.File, "gen") {
		t.Errorf("directive files %+v", r.DirectiveFiles)
	}

	// A file Scan did not read (a dependency's) that does not parse is
	// the filter's error.
	dep := tree(t, map[string]string{"go.mod": "module d\n", "winlint.conf": "nope = [\"x\"]\n"})
	r = &driver.Result{Findings: []*driver.Finding{{ID: "WL2001", Posn: driver.Position{File: filepath.Join(dep, "d.go"), Line: 1}}}}
	if err := c.Filter(r, nil); err == nil || !strings.Contains(err.Error(), "winlint.conf:1: nope: unknown key") {
		t.Errorf("error %v", err)
	}
}
