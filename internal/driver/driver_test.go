package driver

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/winlint/winlint/internal/unitdone"
)

func TestVetEnv(t *testing.T) {
	got := VetEnv([]string{"PATH=/bin", "GOOS=linux", "HOME=/h"}, "windows")
	want := []string{"PATH=/bin", "HOME=/h", "GOOS=windows", "CGO_ENABLED=0", "GOTOOLCHAIN=local"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("VetEnv = %v, want %v", got, want)
	}
	got = VetEnv([]string{"CGO_ENABLED=1", "GOTOOLCHAIN=go1.27.3"}, "linux")
	want = []string{"CGO_ENABLED=1", "GOTOOLCHAIN=go1.27.3", "GOOS=linux"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("VetEnv keeping CGO_ENABLED and GOTOOLCHAIN = %v, want %v", got, want)
	}
}

func TestMatches(t *testing.T) {
	m := map[string]bool{"ex.com/a": true, "command-line-arguments": true}
	for id, want := range map[string]bool{
		"ex.com/a":                      true,
		"ex.com/a [ex.com/a.test]":      true,
		"ex.com/a_test [ex.com/a.test]": true,
		"ex.com/a.test":                 true,
		"ex.com/b":                      false,
		"ex.com/b [ex.com/b.test]":      false,
		"ex.com/ab":                     false,
		"command-line-arguments":        true,
	} {
		if got := Matches(m, id); got != want {
			t.Errorf("Matches(%q) = %v, want %v", id, got, want)
		}
	}
}

func TestRelease(t *testing.T) {
	for v, want := range map[string]string{"go1.27.3": "go1.27", "go1.26rc1": "go1.26", "go1.26": "go1.26", "devel go1.27-abc": "", "": ""} {
		if got := release(v); got != want {
			t.Errorf("release(%q) = %q, want %q", v, got, want)
		}
	}
}

func TestRunWithoutGo(t *testing.T) {
	cfg := &Config{Go: filepath.Join(t.TempDir(), "no-such-go"), Dir: t.TempDir(), GOOS: []string{"windows", "linux"}, Checks: "default"}
	res := Run(t.Context(), cfg)
	if !res.Failed() || len(res.Errors) != 1 {
		t.Fatalf("want one merged error, got %+v", res.Errors)
	}
	if e := res.Errors[0]; !reflect.DeepEqual(e.GOOS, []string{"linux", "windows"}) {
		t.Errorf("error GOOS = %v", e.GOOS)
	}
}

func TestFixRootsAllows(t *testing.T) {
	r := &FixRoots{
		Allowed: []string{"/src/mod", "/src/other"},
		Denied:  []string{"/usr/local/go", "/src/mod/vendor"},
	}
	for file, want := range map[string]bool{
		"/src/mod/main.go":             true,
		"/src/mod/internal/x/x.go":     true,
		"/src/other/a.go":              true,
		"/src/mod/vendor/dep/dep.go":   false,
		"/src/modx/a.go":               false,
		"/src/a.go":                    false,
		"/usr/local/go/src/net/net.go": false,
		"relative.go":                  false,
		"/src/mod/../elsewhere/a.go":   false,
	} {
		if got := r.Allows(file); got != want {
			t.Errorf("Allows(%s) = %v, want %v", file, got, want)
		}
	}
	var none *FixRoots
	if none.Allows("/src/mod/main.go") {
		t.Error("nil FixRoots allows a file")
	}
}

func TestApplyFilters(t *testing.T) {
	r := &Result{
		GOOS: []string{"windows"},
		Findings: []*Finding{
			finding("WL2001", "/m/b.go", 1, 1, "keep"),
			finding("WL2002", "/m/a.go", 1, 1, "drop"),
		},
	}
	drop := FilterFunc{FilterName: "drop", Func: func(r *Result, _ *Sources) error {
		r.Keep(func(f *Finding) bool { return f.Message != "drop" })
		return nil
	}}
	add := FilterFunc{FilterName: "add", Func: func(r *Result, _ *Sources) error {
		r.Findings = append(r.Findings, finding("WL9999", "/m/a.go", 2, 1, "added"))
		return errors.New("bad directive")
	}}
	ApplyFilters(r, new(Sources), drop, add)
	var msgs []string
	for _, f := range r.Findings {
		msgs = append(msgs, f.Message)
	}
	if want := []string{"added", "keep"}; !reflect.DeepEqual(msgs, want) {
		t.Errorf("findings after filters = %v, want %v (sorted)", msgs, want)
	}
	if len(r.Errors) != 1 || r.Errors[0].Message != "add: bad directive" {
		t.Errorf("errors = %+v", r.Errors)
	}
}

func TestSkipTests(t *testing.T) {
	at := func(file string) Position { return Position{File: file, Line: 1, Column: 1} }
	r := &Result{
		Findings:       []*Finding{{ID: "WL2001", Posn: at("/m/a.go")}, {ID: "WL2001", Posn: at("/m/a_test.go")}, {ID: "WL2001", Posn: at("/m/test.go")}},
		DirectiveFiles: []*Finding{{Posn: at("/m/x_test.go")}, {Posn: at("/m/x.go")}},
	}
	ApplyFilters(r, nil, SkipTests)
	var got []string
	for _, f := range append(r.Findings, r.DirectiveFiles...) {
		got = append(got, f.Posn.File)
	}
	if want := []string{"/m/a.go", "/m/test.go", "/m/x.go"}; !slices.Equal(got, want) {
		t.Errorf("kept %v, want %v", got, want)
	}
}

// The "unit done" diagnostics of the vet tool become Events (in order,
// cached when they ended before the run started) and never findings.
func TestProgressEvents(t *testing.T) {
	var events []Event
	cfg := &Config{Progress: func(e Event) { events = append(events, e) }}
	p := &progress{cfg: cfg, goos: "windows", start: time.Now()}
	p.total.Store(3)
	old := unitdone.Format(p.start.Add(-time.Hour), 2*time.Second)
	fresh := unitdone.Format(p.start.Add(time.Second), 3*time.Millisecond)
	stream := `{"example.com/a": {"netfamily": [{"posn": "a.go:1:1", "message": "m"}], "winlintunitdone": [{"posn": "a.go:1:1", "message": "` + old + `"}]}}
{}
{"example.com/b [example.com/b.test]": {"winlintunitdone": [{"posn": "b.go:1:1", "message": "` + fresh + `"}]}}
`
	parser := &Parser{Dir: "/m", OnPackage: func(pkg string, fs []*Finding, _ []*Error) { p.unit(pkg, fs) }}
	findings, _, err := parser.ParseStream(strings.NewReader(stream))
	if err != nil {
		t.Fatal(err)
	}
	want := []Event{
		{GOOS: "windows", Package: "example.com/a", Done: 1, Total: 3, Elapsed: 2 * time.Second, Cached: true},
		{GOOS: "windows", Package: "example.com/b [example.com/b.test]", Done: 2, Total: 3, Elapsed: 3 * time.Millisecond},
	}
	if !reflect.DeepEqual(events, want) {
		t.Errorf("events %+v, want %+v", events, want)
	}
	if len(findings) != 3 { // the driver drops the unit findings after parsing
		t.Errorf("%d findings", len(findings))
	}
}

// countPackages counts what go vet analyses: a package with its tests is
// one unit, an external test package another.
func TestCountPackages(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":         "module example.com/m\n\ngo 1.26\n",
		"a/a.go":         "package a\n",
		"a/a_test.go":    "package a\n",
		"b/b.go":         "package b\n",
		"b/x_test.go":    "package b_test\n",
		"c/c_linux.go":   "package c\n", // no file for windows
		"d/d_windows.go": "package d\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), 0o644)
	}
	cfg := &Config{Dir: dir, Patterns: []string{"./..."}, Env: append(os.Environ(), "GOFLAGS=", "GOWORK=off")}
	if got := cfg.countPackages(t.Context(), "windows"); got != 4 {
		t.Errorf("countPackages = %d, want 4 (a, b, b_test, d)", got)
	}
}
