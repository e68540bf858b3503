package plugin_test

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestGolangciLintCustom builds golangci-lint the way the README tells
// users to, with `golangci-lint custom` run in the root of a winlint checkout
// on its .custom-gcl.yml as shipped (its plugin is `path: .`), here a copy of
// this checkout, without network access to GitHub: the builder's hard-coded
// `git clone https://github.com/golangci/golangci-lint.git` is redirected to
// a local repository made from the module proxy's copy of golangci-lint. The
// golangci-lint running `custom` is the one TestGolangciLint builds.
//
// With -trimpath in GOFLAGS the second build reuses the first one's
// compiled packages: it costs a link (seconds when warm).
func TestGolangciLintCustom(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git not found")
	}
	ctx, root, bin := golangciLint(t)

	cfg, err := readCustomGCL(filepath.Join(root, ".custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	release, err := readCustomGCL(filepath.Join(root, ".custom-gcl.release.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if *release != *cfg {
		t.Errorf(".custom-gcl.release.yml builds %+v, .custom-gcl.yml %+v: keep them the same", release, cfg)
	}
	mirror := gclMirror(ctx, t, cfg.Version)

	// A copy of the checkout (its module, without .git, testdata and nested
	// modules), as a user's clone.
	work := filepath.Join(t.TempDir(), "winlint")
	if err := copyModule(root, work); err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, bin, "custom", "-v")
	cmd.Dir = work
	cmd.Env = append(buildEnv(),
		"GOFLAGS=-trimpath -buildvcs=false", // go build's cache then serves the second build
		"GIT_CONFIG_COUNT=1",
		"GIT_CONFIG_KEY_0=url.file://"+filepath.ToSlash(mirror)+".insteadOf",
		"GIT_CONFIG_VALUE_0=https://github.com/golangci/golangci-lint.git",
	)
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("golangci-lint custom: %v\n%s", err, out)
	}
	t.Logf("golangci-lint custom built custom-gcl in %s", time.Since(start).Round(time.Second))
	custom := filepath.Join(work, "custom-gcl"+exeSuffix())
	if _, err := os.Stat(custom); err != nil {
		t.Fatalf("golangci-lint custom wrote no ./custom-gcl: %v", err)
	}

	example, err := os.ReadFile(filepath.Join(root, ".golangci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := fixture(t, root, string(example))
	got, _, code, stderr := gclRun(t, ctx, custom, dir, "./...")
	want := []string{ // as TestGolangciLint's suite
		"leak.go:35 winlint WL1001",
		"leak.go:8 winlint WL1001",
		"listen_windows.go:7 winlint WL2005",
		"main.go:14 winlint WL2001",
		"main.go:24 winlint WL2004",
	}
	if !slices.Equal(got, want) || code != 1 {
		t.Fatalf("custom-gcl run: exit %d, winlint issues\n\t%s\nwant exit 1 and\n\t%s\nstderr:\n%s",
			code, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), stderr)
	}
}

// gclMirror returns a git repository holding golangci-lint's module source
// at tag version, made once from the module proxy's copy.
func gclMirror(ctx context.Context, t *testing.T, version string) string {
	t.Helper()
	cache, err := gclCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	mirror := filepath.Join(cache, "mirror-"+version)
	if _, err := os.Stat(filepath.Join(mirror, ".git", "winlint-complete")); err == nil {
		return mirror
	}
	unlock, err := lockFile(filepath.Join(cache, "lock"))
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if _, err := os.Stat(filepath.Join(mirror, ".git", "winlint-complete")); err == nil {
		return mirror
	}
	os.RemoveAll(mirror)
	cmd := exec.CommandContext(ctx, "go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+version)
	cmd.Dir = t.TempDir()
	cmd.Env = buildEnv()
	out, err := cmd.Output()
	var mod struct{ Dir string }
	if err != nil || json.Unmarshal(out, &mod) != nil || mod.Dir == "" {
		t.Fatalf("go mod download golangci-lint %s: %v\n%s", version, err, out)
	}
	if err := copyTree(mod.Dir, mirror); err != nil {
		t.Fatal(err)
	}
	git := func(args ...string) {
		t.Helper()
		cmd := exec.CommandContext(ctx, "git", args...)
		cmd.Dir = mirror
		cmd.Env = append(os.Environ(),
			"GIT_AUTHOR_NAME=winlint", "GIT_AUTHOR_EMAIL=winlint@example.com",
			"GIT_COMMITTER_NAME=winlint", "GIT_COMMITTER_EMAIL=winlint@example.com",
			"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "golangci-lint "+version+" from the Go module proxy")
	git("tag", version)
	if err := os.WriteFile(filepath.Join(mirror, ".git", "winlint-complete"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	return mirror
}

// copyModule copies the module rooted at src to dst: what a clone of it
// builds from, without .git, testdata and nested modules.
func copyModule(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if d.IsDir() {
			if path != src {
				if d.Name() == ".git" || d.Name() == "testdata" {
					return filepath.SkipDir
				}
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if !d.Type().IsRegular() || rel == "custom-gcl"+exeSuffix() {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
}
