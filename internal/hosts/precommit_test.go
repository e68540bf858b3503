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
// finding, in the root module or in a module in a sub-directory, both
// through `pre-commit try-repo` and through a hook installed from the
// README's .pre-commit-config.yaml.
func TestPreCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds winlint in a pre-commit environment")
	}
	requireTool(t, "git", "install git")
	pc := requireTool(t, "pre-commit", "apt-get install pre-commit")
	hookRepo, commit := snapshotRepo(t)
	env := append([]string{"PRE_COMMIT_HOME=" + t.TempDir(), "PRE_COMMIT_COLOR=never"}, gitEnv...)

	// A module at the root and one in a sub-directory (not part of the
	// root module's ./...).
	fixture := t.TempDir()
	writeFiles(t, fixture, map[string]string{
		"go.mod":      "module example.com/pcfixture\n\ngo 1.26\n",
		"main.go":     pcClean,
		"svc/go.mod":  "module example.com/pcfixture/svc\n\ngo 1.26\n",
		"svc/main.go": pcClean,
	})
	gitRepo(t, fixture)
	finding := regexp.MustCompile(`(?m)^listen\.go:6:\d+: .*\(WL2001\)$`)

	t.Run("try-repo", func(t *testing.T) {
		out, code := run(t, fixture, env, pc, "try-repo", hookRepo, "winlint", "--all-files")
		if code != 0 || !strings.Contains(out, "Passed") {
			t.Fatalf("clean repository: exit %d, want 0:\n%s", code, out)
		}
		for _, name := range []string{"listen.go", "svc/listen.go"} {
			writeFiles(t, fixture, map[string]string{name: pcFinding})
			mustRun(t, fixture, env, "git", "add", name)
			out, code = run(t, fixture, env, pc, "try-repo", hookRepo, "winlint", "--all-files")
			mustRun(t, fixture, env, "git", "rm", "-q", "-f", name)
			if code != 1 || !strings.Contains(out, "Failed") || !finding.MatchString(out) {
				t.Fatalf("repository with a finding in %s: exit %d, want 1 and listen.go:6 WL2001:\n%s", name, code, out)
			}
		}
	})

	// No go.mod at the root at all: only modules in sub-directories.
	t.Run("no-root-module", func(t *testing.T) {
		repo := t.TempDir()
		writeFiles(t, repo, map[string]string{
			"README.md":     "modules below\n",
			"api/go.mod":    "module example.com/api\n\ngo 1.26\n",
			"api/main.go":   pcClean,
			"svc/go.mod":    "module example.com/svc\n\ngo 1.26\n",
			"svc/main.go":   pcClean,
			"svc/listen.go": pcFinding,
		})
		gitRepo(t, repo)
		out, code := run(t, repo, env, pc, "try-repo", hookRepo, "winlint", "--files", "api/main.go", "svc/main.go", "-v")
		if code != 1 || !strings.Contains(out, "winlint in api:") || !strings.Contains(out, "winlint in svc:") || !finding.MatchString(out) {
			t.Fatalf("modules api/ and svc/, a finding in svc: exit %d, want 1, a run in each and listen.go:6 WL2001:\n%s", code, out)
		}
		out, code = run(t, repo, env, pc, "try-repo", hookRepo, "winlint", "--files", "api/main.go", "-v")
		if code != 0 || !strings.Contains(out, "winlint in api:") || strings.Contains(out, "winlint in svc:") {
			t.Fatalf("a file of api/ only: exit %d, want 0 and a run in api only:\n%s", code, out)
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

		// A clean change in the sub-directory's module is committed: the
		// hook runs winlint there, not at the root.
		writeFiles(t, fixture, map[string]string{"svc/main.go": strings.Replace(pcClean, ":8080", ":8091", 1)})
		mustRun(t, fixture, env, "git", "add", "svc/main.go")
		out, code := run(t, fixture, env, "git", "commit", "-m", "clean change in svc")
		if code != 0 || !strings.Contains(out, "Passed") {
			t.Fatalf("clean commit in svc/: exit %d, want 0:\n%s", code, out)
		}

		// A change introducing a finding is blocked, in either module.
		for _, name := range []string{"svc/listen.go", "listen.go"} {
			writeFiles(t, fixture, map[string]string{name: pcFinding})
			mustRun(t, fixture, env, "git", "add", name)
			out, code := run(t, fixture, env, "git", "commit", "-m", "introduce WL2001 in "+name)
			if code == 0 || !finding.MatchString(out) {
				t.Fatalf("commit with a finding in %s: exit %d, want it blocked with WL2001:\n%s", name, code, out)
			}
			head := mustRun(t, fixture, env, "git", "log", "-1", "--format=%s")
			if strings.TrimSpace(head) != "clean change in svc" {
				t.Errorf("HEAD is %q: the commit was not blocked", head)
			}
			mustRun(t, fixture, env, "git", "rm", "-q", "-f", name)
		}
	})
}
