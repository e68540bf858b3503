package driver

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseStderr(t *testing.T) {
	in := strings.Join([]string{
		"go: downloading example.com/dep v1.0.0",
		`go: warning: "./empty/..." matched no packages`,
		"# example.com/broken/bad",
		`bad/bad.go:8:14: cannot use "x" (untyped string constant) as int value in variable declaration`,
		"bad/bad.go:10:9: invalid operation: mismatched types",
		"# example.com/broken/crash",
		"panic: boom",
		"",
		"goroutine 1 [running]:",
		"main.main()",
		"\t/src/main.go:5 +0x1d",
		"# example.com/broken/mod",
		"/abs/go.mod:3: unknown directive: foo",
		"",
	}, "\n")
	got := ParseStderr(in, "/work")
	want := []*Error{
		{Message: `winlint: pattern "./empty/..." matches no packages`},
		{Package: "example.com/broken/bad", Posn: Position{File: "/work/bad/bad.go", Line: 8, Column: 14, Offset: -1},
			Message: `cannot use "x" (untyped string constant) as int value in variable declaration`},
		{Package: "example.com/broken/bad", Posn: Position{File: "/work/bad/bad.go", Line: 10, Column: 9, Offset: -1},
			Message: "invalid operation: mismatched types"},
		{Package: "example.com/broken/crash",
			Message: "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:5 +0x1d"},
		{Package: "example.com/broken/mod", Posn: Position{File: "/abs/go.mod", Line: 3, Offset: -1},
			Message: "unknown directive: foo"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseStderr:\ngot:")
		for _, e := range got {
			t.Errorf("  %+v", *e)
		}
		t.Errorf("want:")
		for _, e := range want {
			t.Errorf("  %+v", *e)
		}
	}
}

func TestParseStderrLoadErrors(t *testing.T) {
	in := "no required module provides package example.com/nope; to add it:\n\tgo get example.com/nope\n" +
		"pattern ./nothing/...: lstat ./nothing/: no such file or directory\n"
	got := ParseStderr(in, "/work")
	want := []*Error{
		{Message: "no required module provides package example.com/nope; to add it:\n\tgo get example.com/nope"},
		{Message: `winlint: pattern "./nothing/..." matches no packages: directory ./nothing does not exist`},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := ParseStderr("go: downloading a v1\n\n", "/work"); len(got) != 0 {
		t.Errorf("progress lines became errors: %+v", got)
	}
}

// The go command's words for patterns matching nothing ("no packages to
// vet") are said in winlint's.
func TestParseStderrNoPackages(t *testing.T) {
	got := ParseStderr("go: warning: \"./assets/...\" matched no packages\nno packages to vet\n", "/work")
	want := []*Error{{Message: `winlint: pattern "./assets/..." matches no packages`}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	got = ParseStderr("no Go files in /work/assets\n", "/work")
	want = []*Error{{Message: "winlint: pattern " + filepath.FromSlash("./assets") + " matches no packages: the directory holds no Go files"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
	got = ParseStderr("no packages to vet\n", "/work")
	want = []*Error{{Message: "winlint: no packages to analyse"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
