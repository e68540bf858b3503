package plugin_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/winlint/winlint/internal/snippet"
)

// gclIssue is an issue of golangci-lint's JSON output.
type gclIssue struct {
	FromLinter string
	Text       string
	Pos        struct {
		Filename     string
		Line, Column int
	}
}

// gclRun runs golangci-lint with GOOS=windows in dir and returns the issues
// of winlint's linters (the linters the config enables besides winlint are
// left out), its exit code and its standard error.
func gclRun(t *testing.T, ctx context.Context, bin, dir string, args ...string) (issues []string, byKey map[string]gclIssue, code int, stderr string) {
	t.Helper()
	return gclRunGOOS(t, ctx, bin, dir, "windows", args...)
}

// gclRunGOOS is gclRun with GOOS=goos.
func gclRunGOOS(t *testing.T, ctx context.Context, bin, dir, goos string, args ...string) (issues []string, byKey map[string]gclIssue, code int, stderr string) {
	t.Helper()
	args = append([]string{"run", "--allow-parallel-runners", "--output.json.path=stdout", "--output.text.path=stderr", "--show-stats=false"}, args...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = append(buildEnv(), "GOOS="+goos, "GOLANGCI_LINT_CACHE="+t.TempDir())
	var errBuf bytes.Buffer
	cmd.Stderr = &errBuf
	out, err := cmd.Output()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		code = exit.ExitCode()
	default:
		t.Fatalf("golangci-lint %s: %v", strings.Join(args, " "), err)
	}
	byKey = make(map[string]gclIssue)
	if len(bytes.TrimSpace(out)) == 0 {
		return nil, byKey, code, errBuf.String()
	}
	var report struct{ Issues []gclIssue }
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("golangci-lint %s: bad JSON output: %v\n%s\nstderr:\n%s", strings.Join(args, " "), err, out, errBuf.Bytes())
	}
	for _, is := range report.Issues {
		if is.FromLinter != "winlint" && !strings.HasPrefix(is.FromLinter, "wl") {
			continue
		}
		id := "?"
		if i := strings.LastIndex(is.Text, "(WL"); i >= 0 && strings.HasSuffix(is.Text, ")") {
			id = is.Text[i+1 : len(is.Text)-1]
		}
		key := fmt.Sprintf("%s:%d %s %s", is.Pos.Filename, is.Pos.Line, is.FromLinter, id)
		issues = append(issues, key)
		byKey[key] = is
	}
	slices.Sort(issues)
	return issues, byKey, code, errBuf.String()
}

// fixture copies testdata/e2e/golangci (without golden files) to a
// temporary directory with the given .golangci.yml.
func fixture(t *testing.T, root, config string) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(root, "testdata", "e2e", "golangci")
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".golden") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, ".golangci.yml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// golangciLint skips in -short mode; otherwise it returns a context for the
// test's commands, the repository root and the golangci-lint binary built
// with the plugin (see gclbuild_test.go).
func golangciLint(t *testing.T) (context.Context, string, string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds golangci-lint (minutes when the cache is cold)")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatal("no go command")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	// The commands get what is left of go test's -timeout (the README's test
	// command sets one that a cold build fits in), less a minute to report.
	ctx, cancel := context.WithTimeout(t.Context(), 25*time.Minute)
	if deadline, ok := t.Deadline(); ok {
		ctx, cancel = context.WithDeadline(t.Context(), deadline.Add(-time.Minute))
	}
	t.Cleanup(cancel)
	return ctx, root, buildGCL(ctx, t, root)
}

// TestGolangciLint builds golangci-lint with the plugin (see
// gclbuild_test.go) and runs it on testdata/e2e/golangci with the
// repository's .golangci.yml and the README's per-check configuration.
// When a check's suggested fix changes on purpose, rewrite the --fix
// goldens (testdata/e2e/golangci/*.golden) with WINLINT_UPDATE_GOLDEN=1.
func TestGolangciLint(t *testing.T) {
	ctx, root, bin := golangciLint(t)

	example, err := os.ReadFile(filepath.Join(root, ".golangci.yml"))
	if err != nil {
		t.Fatal(err)
	}

	t.Run("suite", func(t *testing.T) {
		dir := fixture(t, root, string(example))
		got, byKey, code, stderr := gclRun(t, ctx, bin, dir, "./...")
		want := []string{
			"leak.go:35 winlint WL1001",          // //nolint:wl1001 names another linter
			"leak.go:8 winlint WL1001",           // its related position folded in, not an issue
			"listen_windows.go:7 winlint WL2005", // Windows-only file: GOOS=windows
			"main.go:14 winlint WL2001",
			"main.go:24 winlint WL2004", // //nolint:wl2004 names another linter
		}
		if !slices.Equal(got, want) || code != 1 {
			t.Fatalf("golangci-lint run: exit %d, winlint issues\n\t%s\nwant exit 1 and\n\t%s\nstderr:\n%s",
				code, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), stderr)
		}
		for key, is := range byKey {
			family := "netfamily: "
			if strings.HasPrefix(key, "leak.go") {
				family = "filehandle: "
			}
			if !strings.HasPrefix(is.Text, family) {
				t.Errorf("%s: text %q does not name the family", key, is.Text)
			}
		}
		if text := byKey["leak.go:8 winlint WL1001"].Text; !strings.HasSuffix(text, "; f is still open here at line 14 (WL1001)") {
			t.Errorf("leak.go:8: text %q does not end with its related position", text)
		}
	})

	// A finding with related information (WL1001: the returns where the
	// file is still open) is one issue, and //nolint on its line suppresses
	// all of it, for the per-check linter as for the suite (above).
	t.Run("nolint-related", func(t *testing.T) {
		config := "version: \"2\"\nlinters:\n  default: none\n  enable: [wl1001]\n  settings:\n    custom:\n      wl1001: {type: module}\n"
		dir := fixture(t, root, config)
		got, byKey, code, stderr := gclRun(t, ctx, bin, dir, "./...")
		want := []string{
			"leak.go:22 wl1001 WL1001", // //nolint:winlint names another linter
			"leak.go:8 wl1001 WL1001",
		}
		if !slices.Equal(got, want) || code != 1 {
			t.Fatalf("wl1001: exit %d, issues\n\t%s\nwant exit 1 and\n\t%s\nstderr:\n%s", code, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), stderr)
		}
		if text := byKey[want[1]].Text; !strings.HasSuffix(text, "; f is still open here at line 14 (WL1001)") {
			t.Errorf("%s: text %q does not end with its related position", want[1], text)
		}
	})

	t.Run("checks-setting", func(t *testing.T) {
		config := strings.Replace(string(example), "checks: default", `checks: "default,WL2006,-WL2005"`, 1)
		dir := fixture(t, root, config)
		got, _, _, stderr := gclRun(t, ctx, bin, dir, "./...")
		want := []string{"leak.go:35 winlint WL1001", "leak.go:8 winlint WL1001", "main.go:14 winlint WL2001", "main.go:24 winlint WL2004", "main.go:34 winlint WL2006"}
		if !slices.Equal(got, want) {
			t.Fatalf("with checks: default,WL2006,-WL2005: issues\n\t%s\nwant\n\t%s\nstderr:\n%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), stderr)
		}
	})

	// Run for another GOOS, winlint warns once that Windows-only files
	// are not analysed; non-windows: error makes that fatal.
	t.Run("non-windows", func(t *testing.T) {
		dir := fixture(t, root, string(example))
		got, _, _, stderr := gclRunGOOS(t, ctx, bin, dir, "linux", "./...")
		if slices.Contains(got, "listen_windows.go:7 winlint WL2005") ||
			strings.Count(stderr, "winlint: warning: golangci-lint runs with GOOS=linux") != 1 {
			t.Errorf("GOOS=linux: want one warning and no Windows-only finding; issues %v, stderr:\n%s", got, stderr)
		}
		config := strings.Replace(string(example), "checks: default", "checks: default\n          non-windows: error", 1)
		dir = fixture(t, root, config)
		_, _, code, stderr := gclRunGOOS(t, ctx, bin, dir, "linux", "./...")
		if code == 0 || code == 1 || !strings.Contains(stderr, "golangci-lint runs with GOOS=linux") {
			t.Errorf("non-windows: error: exit %d, want a configuration error; stderr:\n%s", code, stderr)
		}
		_, _, _, stderr = gclRun(t, ctx, bin, dir, "./...")
		if strings.Contains(stderr, "GOOS=") {
			t.Errorf("GOOS=windows with non-windows: error: %s", stderr)
		}
	})

	t.Run("strict-settings", func(t *testing.T) {
		for _, bad := range []struct{ config, msg string }{
			{strings.Replace(string(example), "checks: default", "chekcs: default", 1), `unknown field "chekcs"`},
			{strings.Replace(string(example), "checks: default", "checks: WL9999", 1), `"WL9999" matches no check`},
		} {
			dir := fixture(t, root, bad.config)
			_, _, code, stderr := gclRun(t, ctx, bin, dir, "./...")
			if code == 0 || code == 1 || !strings.Contains(stderr, bad.msg) {
				t.Errorf("bad settings: exit %d, want a configuration error mentioning %s; stderr:\n%s", code, bad.msg, stderr)
			}
		}
	})

	t.Run("per-check", func(t *testing.T) {
		config, err := snippet.Get(filepath.Join(root, "README.md"), "golangci-per-check")
		if err != nil {
			t.Fatal(err)
		}
		dir := fixture(t, root, config)
		got, byKey, _, stderr := gclRun(t, ctx, bin, dir, "./...")
		want := []string{
			"main.go:14 wl2001 WL2001",
			"main.go:21 wl2004 WL2004", // //nolint:winlint names another linter
			"main.go:34 wl2006 WL2006",
		}
		if !slices.Equal(got, want) {
			t.Fatalf("per-check linters: issues\n\t%s\nwant\n\t%s\nstderr:\n%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), stderr)
		}
		if is := byKey[want[0]]; strings.Contains(is.Text, ": ") && strings.HasPrefix(is.Text, "wl2001") {
			t.Errorf("per-check text %q repeats the linter name", is.Text)
		}
	})

	t.Run("fix", func(t *testing.T) {
		dir := fixture(t, root, string(example))
		_, _, _, stderr := gclRun(t, ctx, bin, dir, "--fix", "./...")
		golden, _ := filepath.Glob(filepath.Join(root, "testdata", "e2e", "golangci", "*.golden"))
		if len(golden) == 0 {
			t.Fatal("no golden files")
		}
		for _, g := range golden {
			name := strings.TrimSuffix(filepath.Base(g), ".golden")
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			if os.Getenv("WINLINT_UPDATE_GOLDEN") != "" {
				os.WriteFile(g, got, 0o644)
				continue
			}
			want, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("after --fix, %s is\n%s\nwant (%s)\n%s\nstderr:\n%s", name, got, g, want, stderr)
			}
		}
	})
}
