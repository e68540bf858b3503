package plugin_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestGolangciLintCustom builds golangci-lint the way users do, with
// `golangci-lint custom` and the repository's .custom-gcl.yml (its plugin
// version line replaced by the path of this checkout, as its comment
// offers), without network access to GitHub: the builder's hard-coded
// `git clone https://github.com/golangci/golangci-lint.git` is redirected
// to a local repository made from the module proxy's copy (FACTS G2, route
// A). The golangci-lint running `custom` is the one TestGolangciLint builds.
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
	mirror := gclMirror(ctx, t, cfg.Version)

	shipped, err := os.ReadFile(filepath.Join(root, ".custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	pluginVersion := regexp.MustCompile(`(?m)^(\s+)version: .*$`)
	if len(pluginVersion.FindAll(shipped, -1)) != 1 {
		t.Fatalf(".custom-gcl.yml: want one plugin version line:\n%s", shipped)
	}
	config := pluginVersion.ReplaceAllString(string(shipped), "${1}path: "+root)

	work := t.TempDir()
	if err := os.WriteFile(filepath.Join(work, ".custom-gcl.yml"), []byte(config), 0o644); err != nil {
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

	example, err := os.ReadFile(filepath.Join(root, ".golangci.yml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := fixture(t, root, string(example))
	got, _, code, stderr := gclRun(t, ctx, custom, dir, "./...")
	want := []string{
		"listen_windows.go:7 winlint WL2005",
		"main.go:14 winlint WL2001",
		"main.go:24 winlint WL2004",
		"main.go:34 winlint WL2006",
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
