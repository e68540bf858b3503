package hosts

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/winlint/winlint/internal/snippet"
)

const (
	pcClean = `package main

import "net"

func main() {
	ln, err := net.Listen("tcp", ":8080")
	if err != nil {
		panic(err)
	}
	ln.Close()
}
`
	pcFinding = `package main

import "net"

// listen6 opens an IPv6-only listener: WL2001.
func listen6() (net.Listener, error) { return net.Listen("tcp6", ":8081") }
`
)

// TestPreCommit runs the repository's .pre-commit-hooks.yaml with the real
// pre-commit (Debian's package; .ci/run installs it): pre-commit builds
// winlint with `go install ./...` from a snapshot of this checkout, and the
// hook passes a clean fixture repository and blocks a commit introducing a
// finding, both through `pre-commit try-repo` and through a hook installed
// from the README's .pre-commit-config.yaml.
func TestPreCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds winlint in a pre-commit environment")
	}
	requireTool(t, "git", "install git")
	pc := requireTool(t, "pre-commit", "apt-get install pre-commit")
	hookRepo, commit := snapshotRepo(t)
	env := append([]string{"PRE_COMMIT_HOME=" + t.TempDir(), "PRE_COMMIT_COLOR=never"}, gitEnv...)

	fixture := t.TempDir()
	writeFiles(t, fixture, map[string]string{
		"go.mod":  "module example.com/pcfixture\n\ngo 1.26\n",
		"main.go": pcClean,
	})
	gitRepo(t, fixture)

	t.Run("try-repo", func(t *testing.T) {
		out, code := run(t, fixture, env, pc, "try-repo", hookRepo, "winlint", "--all-files")
		if code != 0 || !strings.Contains(out, "Passed") {
			t.Fatalf("clean repository: exit %d, want 0:\n%s", code, out)
		}
		writeFiles(t, fixture, map[string]string{"listen.go": pcFinding})
		mustRun(t, fixture, env, "git", "add", "listen.go")
		defer func() {
			mustRun(t, fixture, env, "git", "rm", "-q", "-f", "listen.go")
		}()
		out, code = run(t, fixture, env, pc, "try-repo", hookRepo, "winlint", "--all-files")
		if code != 1 || !strings.Contains(out, "Failed") || !regexp.MustCompile(`listen\.go:6:\d+: .*\(WL2001\)`).MatchString(out) {
			t.Fatalf("repository with a finding: exit %d, want 1 and listen.go:6 WL2001:\n%s", code, out)
		}
	})

	t.Run("installed", func(t *testing.T) {
		config, err := snippet.Get(filepath.Join(repoRoot(t), "README.md"), "pre-commit-config")
		if err != nil {
			t.Fatal(err)
		}
		// The README points at GitHub and a release; the test at the snapshot.
		repoLine := regexp.MustCompile(`(?m)^(\s*- repo: ).*$`)
		revLine := regexp.MustCompile(`(?m)^(\s*rev: ).*$`)
		if !repoLine.MatchString(config) || !revLine.MatchString(config) {
			t.Fatalf("README pre-commit-config has no repo: and rev: lines:\n%s", config)
		}
		config = repoLine.ReplaceAllString(config, "${1}"+hookRepo)
		config = revLine.ReplaceAllString(config, "${1}"+commit)
		if err := os.WriteFile(filepath.Join(fixture, ".pre-commit-config.yaml"), []byte(config), 0o644); err != nil {
			t.Fatal(err)
		}
		mustRun(t, fixture, env, "git", "add", ".pre-commit-config.yaml")
		mustRun(t, fixture, env, pc, "install")

		// A clean change is committed.
		writeFiles(t, fixture, map[string]string{"main.go": strings.Replace(pcClean, ":8080", ":8090", 1)})
		mustRun(t, fixture, env, "git", "add", "main.go")
		out := mustRun(t, fixture, env, "git", "commit", "-m", "clean change")
		if !strings.Contains(out, "winlint") || !strings.Contains(out, "Passed") {
			t.Errorf("the hook did not run on the clean commit:\n%s", out)
		}

		// A change introducing a finding is blocked.
		writeFiles(t, fixture, map[string]string{"listen.go": pcFinding})
		mustRun(t, fixture, env, "git", "add", "listen.go")
		out, code := run(t, fixture, env, "git", "commit", "-m", "introduce WL2001")
		if code == 0 || !strings.Contains(out, "(WL2001)") {
			t.Fatalf("commit with a finding: exit %d, want it blocked with WL2001:\n%s", code, out)
		}
		head := mustRun(t, fixture, env, "git", "log", "-1", "--format=%s")
		if strings.TrimSpace(head) != "clean change" {
			t.Errorf("HEAD is %q: the commit was not blocked", head)
		}
	})
}
