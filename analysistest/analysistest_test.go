package analysistest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winlint/winlint/analysistest"
	"github.com/winlint/winlint/analyzers/netfamily"
)

// recorder is a T that records failures instead of failing the test, so
// that the harness's own failures can be asserted.
type recorder struct {
	*testing.T
	errors []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}

func TestCorrectWindowsFixturePasses(t *testing.T) {
	r := &recorder{T: t}
	analysistest.Run(r, analysistest.TestData(), netfamily.Analyzer, "harness/ok")
	if len(r.errors) > 0 {
		t.Errorf("harness failed on a correct _windows.go fixture: %v", r.errors)
	}
}

// TestWrongExpectationInWindowsFileFails proves the harness loads
// _windows.go fixtures: a wrong expectation there must fail the test.
func TestWrongExpectationInWindowsFileFails(t *testing.T) {
	r := &recorder{T: t}
	analysistest.Run(r, analysistest.TestData(), netfamily.Analyzer, "harness/wrongwant")
	var sawUnexpected, sawUnmet bool
	for _, e := range r.errors {
		sawUnexpected = sawUnexpected || strings.Contains(e, "unexpected diagnostic") || strings.Contains(e, "does not match pattern")
		sawUnmet = sawUnmet || strings.Contains(e, "no diagnostic was reported matching")
	}
	if !sawUnexpected || !sawUnmet {
		t.Errorf("a wrong expectation in wrong_windows.go did not fail the harness as it must; errors: %v", r.errors)
	}
}

// TestUnloadedWindowsFixtureFails proves the harness notices a
// _windows.go fixture that was not analyzed, here because its build
// constraint excludes it even on Windows.
func TestUnloadedWindowsFixtureFails(t *testing.T) {
	dir := t.TempDir()
	pkg := filepath.Join(dir, "src", "skipped")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(pkg, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.go", "package skipped\n")
	write("b_windows.go", "//go:build ignore\n\npackage skipped\n\nimport \"net\"\n\nvar _, _ = net.Listen(\"tcp6\", \":1\") // want `IPv6 only`\n")
	r := &recorder{T: t}
	analysistest.Run(r, dir, netfamily.Analyzer, "skipped")
	found := false
	for _, e := range r.errors {
		found = found || strings.Contains(e, "b_windows.go was not analyzed")
	}
	if !found {
		t.Errorf("the harness did not report the unanalyzed _windows.go fixture; errors: %v", r.errors)
	}
}
