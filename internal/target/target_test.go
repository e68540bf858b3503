package target

import (
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestGOOSWithoutRuntimeFollowsEnvironment(t *testing.T) {
	pkg := types.NewPackage("example.com/p", "p") // imports nothing
	t.Setenv("GOOS", "windows")
	if got := GOOS(pkg); got != "windows" {
		t.Errorf("GOOS = %q with $GOOS=windows, want windows", got)
	}
	t.Setenv("GOOS", "linux")
	if IsWindows(pkg) {
		t.Error("IsWindows with $GOOS=linux")
	}
}

func TestWindowsOnlyFile(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      bool
	}{
		{"a_windows.go", "package p", true},
		{"a_windows_test.go", "package p", true},
		{"a_windows_arm64.go", "package p", true},
		{"a.go", "package p", false},
		{"a_linux.go", "package p", false},
		{"a.go", "//go:build windows\n\npackage p", true},
		{"a.go", "//go:build windows || linux\n\npackage p", false},
		{"a.go", "//go:build !unix\n\npackage p", true}, // windows, plan9, js: Windows code in practice
		{"a.go", "//go:build !linux\n\npackage p", false},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, tc.name, tc.src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if got := WindowsOnlyFile(fset, f); got != tc.want {
			t.Errorf("WindowsOnlyFile(%s, %q) = %v, want %v", tc.name, tc.src, got, tc.want)
		}
	}
}
