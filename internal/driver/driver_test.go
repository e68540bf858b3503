package driver

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"
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
