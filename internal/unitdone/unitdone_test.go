package unitdone

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestFormatParse(t *testing.T) {
	end := time.Unix(1796000000, 123456789)
	e, d, ok := Parse(Format(end, 42*time.Millisecond))
	if !ok || !e.Equal(end) || d != 42*time.Millisecond {
		t.Errorf("Parse(Format) = %v, %v, %v", e, d, ok)
	}
	if _, _, ok := Parse("skipped cgo file /a.go"); ok {
		t.Error("a cgo message parsed as a time")
	}
	if f, ok := ParseSkippedCgo(cgoPrefix + "/m/a.go"); !ok || f != "/m/a.go" {
		t.Errorf("ParseSkippedCgo = %q, %v", f, ok)
	}
}

func TestCgoFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.go":         "package p\n\nimport \"C\"\n",
		"b_windows.go": "// comment\npackage p\n\nimport (\n\t\"fmt\"\n\t\"C\"\n)\n",
		"c_linux.go":   "package p\n\nimport \"C\"\n",                      // not for windows
		"d.go":         "//go:build !cgo\n\npackage p\n",                   // no import "C"
		"e.go":         "//go:build tagged\n\npackage p\n\nimport \"C\"\n", // needs -tags tagged
		"f.go":         "package p\n\nimport \"fmt\"\n",
	}
	var paths []string
	for name, src := range files {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(src), 0o644)
		paths = append(paths, p)
	}
	slices.Sort(paths)
	base := func(fs []string) []string {
		var out []string
		for _, f := range fs {
			out = append(out, filepath.Base(f))
		}
		return out
	}
	if got := base(CgoFiles("windows", nil, paths)); !slices.Equal(got, []string{"a.go", "b_windows.go"}) {
		t.Errorf("windows: %v", got)
	}
	if got := base(CgoFiles("windows", []string{"tagged"}, paths)); !slices.Equal(got, []string{"a.go", "b_windows.go", "e.go"}) {
		t.Errorf("windows, -tags tagged: %v", got)
	}
	if got := base(CgoFiles("linux", nil, paths)); !slices.Equal(got, []string{"a.go", "c_linux.go"}) {
		t.Errorf("linux: %v", got)
	}
}
