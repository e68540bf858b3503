package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestModulesOf checks that staged files map to the nearest module at or
// below the repository root, once per module, and that files in no module
// are set apart.
func TestModulesOf(t *testing.T) {
	root := t.TempDir()
	for _, name := range []string{"go.mod", "main.go", "svc/go.mod", "svc/a.go", "svc/sub/b.go", "tools/gen/go.mod", "tools/gen/c.go"} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("module x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(root)
	mods, outside := modulesOf(root, []string{"svc/sub/b.go", "main.go", "svc/a.go", "tools/gen/c.go"})
	want := []string{root, filepath.Join(root, "svc"), filepath.Join(root, "tools", "gen")}
	if !slices.Equal(mods, want) || len(outside) != 0 {
		t.Errorf("modulesOf = %v, %v; want %v and none outside", mods, outside, want)
	}

	// Without a root module, a file above every go.mod is in none.
	if err := os.Remove(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	mods, outside = modulesOf(root, []string{"main.go", "svc/a.go"})
	if !slices.Equal(mods, []string{filepath.Join(root, "svc")}) || !slices.Equal(outside, []string{"main.go"}) {
		t.Errorf("without a root go.mod: modulesOf = %v, %v; want [svc] and main.go outside", mods, outside)
	}

	flags, files := splitArgs([]string{"-goos=windows,linux", "./...", "-checks", "all", "svc/a.go", "missing.go"})
	if !slices.Equal(flags, []string{"-goos=windows,linux", "-checks", "all", "missing.go"}) || !slices.Equal(files, []string{"svc/a.go"}) {
		t.Errorf("splitArgs: flags %q, files %q", flags, files)
	}
}
