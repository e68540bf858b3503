package hosts

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// repoRoot is the root of the winlint checkout the tests run in.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// requireTool returns the path of the named program. When it is missing, the
// test fails in CI (CI=true) and is skipped elsewhere.
func requireTool(t testing.TB, name, install string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s not found (CI=true): %s", name, install)
	}
	t.Skipf("%s not found: %s", name, install)
	return ""
}

var (
	winlintOnce sync.Once
	winlintBin  string
	winlintErr  error
	winlintDir  string
)

// winlintBinary builds cmd/winlint once per test binary.
func winlintBinary(t testing.TB) string {
	t.Helper()
	winlintOnce.Do(func() {
		var err error
		winlintDir, err = os.MkdirTemp("", "winlint-hosts-")
		if err != nil {
			winlintErr = err
			return
		}
		bin := filepath.Join(winlintDir, "winlint")
		if filepath.Separator == '\\' {
			bin += ".exe"
		}
		cmd := exec.Command("go", "build", "-o", bin, "./cmd/winlint")
		cmd.Dir = repoRoot(t)
		if out, err := cmd.CombinedOutput(); err != nil {
			winlintErr = &buildError{err, out}
			return
		}
		winlintBin = bin
	})
	if winlintErr != nil {
		t.Fatal(winlintErr)
	}
	return winlintBin
}

type buildError struct {
	err error
	out []byte
}

func (e *buildError) Error() string {
	return "go build ./cmd/winlint: " + e.err.Error() + "\n" + string(e.out)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if winlintDir != "" {
		os.RemoveAll(winlintDir)
	}
	os.Exit(code)
}

// run runs a command in dir with env added to the test's environment and
// returns its combined output and exit code; it fails the test if the
// command cannot be started.
func run(t testing.TB, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	if err != nil {
		if exit, ok := err.(*exec.ExitError); ok {
			return out.String(), exit.ExitCode()
		}
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return out.String(), 0
}

// mustRun is run that fails the test on a non-zero exit.
func mustRun(t testing.TB, dir string, env []string, name string, args ...string) string {
	t.Helper()
	out, code := run(t, dir, env, name, args...)
	if code != 0 {
		t.Fatalf("%s %s (in %s): exit %d\n%s", name, strings.Join(args, " "), dir, code, out)
	}
	return out
}

// gitEnv makes git commits independent of the user's configuration.
var gitEnv = []string{
	"GIT_AUTHOR_NAME=winlint test", "GIT_AUTHOR_EMAIL=test@example.com",
	"GIT_COMMITTER_NAME=winlint test", "GIT_COMMITTER_EMAIL=test@example.com",
	"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=" + os.DevNull,
}

// gitRepo makes dir a git repository with one commit of its files.
func gitRepo(t testing.TB, dir string) {
	t.Helper()
	mustRun(t, dir, gitEnv, "git", "init", "-q", "-b", "main")
	mustRun(t, dir, gitEnv, "git", "add", "-A")
	mustRun(t, dir, gitEnv, "git", "commit", "-q", "-m", "initial")
}

// writeFiles writes files (name → content) under dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshotRepo copies the winlint module as it is on disk (without .git,
// testdata and nested modules) to a new git repository and returns its
// directory and commit, so that hosts which install winlint from a git
// repository (pre-commit) build the code under test, not the last commit.
func snapshotRepo(t testing.TB) (dir, commit string) {
	t.Helper()
	root := repoRoot(t)
	dir = t.TempDir()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if d.IsDir() {
			if path == root {
				return nil
			}
			if d.Name() == ".git" || d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		// A git worktree's .git is a file naming the main repository's
		// git dir: copied, it would make the snapshot's "git init" and
		// "git commit" write to the developer's own branch.
		if !d.Type().IsRegular() || d.Name() == ".git" {
			return nil
		}
		return copyFile(path, filepath.Join(dir, rel))
	})
	if err != nil {
		t.Fatal(err)
	}
	gitRepo(t, dir)
	commit = strings.TrimSpace(mustRun(t, dir, gitEnv, "git", "rev-parse", "HEAD"))
	return dir, commit
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
