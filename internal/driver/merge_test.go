package driver

import (
	"fmt"
	"reflect"
	"testing"
)

func finding(id, file string, line, col int, msg string, goos ...string) *Finding {
	return &Finding{ID: id, Message: msg, Posn: Position{File: file, Line: line, Column: col}, GOOS: goos}
}

func TestMerge(t *testing.T) {
	windows := &Result{
		GOOS: []string{"windows"},
		Findings: []*Finding{
			finding("WL2001", "/m/main.go", 13, 24, "v6 only", "windows"),
			finding("WL2002", "/m/listen_windows.go", 7, 32, "mismatch", "windows"),
			finding("WL2001", "/m/main.go", 13, 24, "v6 only", "windows"), // a duplicate within one run
		},
		Errors: []*Error{
			{Package: "example.com/bad", Message: "type error", GOOS: []string{"windows"}},
		},
	}
	linux := &Result{
		GOOS: []string{"linux"},
		Findings: []*Finding{
			finding("WL2004", "/m/listen_linux.go", 7, 24, "case", "linux"),
			finding("WL2001", "/m/main.go", 13, 24, "v6 only", "linux"),
			finding("WL2001", "/m/main.go", 13, 24, "another message", "linux"),
		},
		Errors: []*Error{
			{Package: "example.com/bad", Message: "type error", GOOS: []string{"linux"}},
			{Message: "linux only", GOOS: []string{"linux"}},
		},
	}
	got := Merge(windows, linux)
	if want := []string{"windows", "linux"}; !reflect.DeepEqual(got.GOOS, want) {
		t.Errorf("GOOS = %v, want %v", got.GOOS, want)
	}
	type row struct {
		file, id, msg string
		goos          []string
	}
	var rows []row
	for _, f := range got.Findings {
		rows = append(rows, row{f.Posn.File, f.ID, f.Message, f.GOOS})
	}
	want := []row{
		{"/m/listen_linux.go", "WL2004", "case", []string{"linux"}},
		{"/m/listen_windows.go", "WL2002", "mismatch", []string{"windows"}},
		{"/m/main.go", "WL2001", "another message", []string{"linux"}},
		{"/m/main.go", "WL2001", "v6 only", []string{"linux", "windows"}},
	}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("merged findings:\ngot  %v\nwant %v", rows, want)
	}
	if len(got.Errors) != 2 {
		t.Fatalf("got %d errors, want 2: %+v", len(got.Errors), got.Errors)
	}
	if e := got.Errors[0]; e.Message != "linux only" || !reflect.DeepEqual(e.GOOS, []string{"linux"}) {
		t.Errorf("first error = %+v", e)
	}
	if e := got.Errors[1]; e.Package != "example.com/bad" || !reflect.DeepEqual(e.GOOS, []string{"linux", "windows"}) {
		t.Errorf("second error = %+v", e)
	}
	// The inputs are not changed.
	if !reflect.DeepEqual(windows.Findings[0].GOOS, []string{"windows"}) {
		t.Errorf("Merge changed its input: %v", windows.Findings[0].GOOS)
	}
}

func TestMergeDirectiveFiles(t *testing.T) {
	// The same file reported by two package variants of one run, and by
	// a second run: one entry with both GOOS values, kept apart from the
	// findings.
	windows := &Result{GOOS: []string{"windows"}, DirectiveFiles: []*Finding{
		finding("", "/m/a.go", 3, 1, "file holds winlint directives", "windows"),
		finding("", "/m/a.go", 3, 1, "file holds winlint directives", "windows"),
	}}
	linux := &Result{GOOS: []string{"linux"}, DirectiveFiles: []*Finding{
		finding("", "/m/a.go", 3, 1, "file holds winlint directives", "linux"),
		finding("", "/m/b_linux.go", 5, 2, "file holds winlint directives", "linux"),
	}}
	got := Merge(windows, linux)
	if len(got.Findings) != 0 {
		t.Errorf("findings %v, want none", got.Findings)
	}
	var rows []string
	for _, f := range got.DirectiveFiles {
		rows = append(rows, fmt.Sprintf("%s %v", f.Posn.File, f.GOOS))
	}
	if want := []string{"/m/a.go [linux windows]", "/m/b_linux.go [linux]"}; !reflect.DeepEqual(rows, want) {
		t.Errorf("directive files %q, want %q", rows, want)
	}
}

func TestMergeEmpty(t *testing.T) {
	got := Merge(&Result{GOOS: []string{"windows"}}, nil)
	if got.Findings == nil || got.Errors == nil || len(got.Findings)+len(got.Errors) != 0 {
		t.Errorf("Merge of nothing = %+v", got)
	}
}
