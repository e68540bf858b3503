package hosts

import (
	"archive/zip"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winlint/winlint/internal/snippet"
)

// publishedVersion is the version under which the tests serve this
// checkout from a local module proxy.
const publishedVersion = "v0.1.0"

// TestInstall runs the README's install commands as written and the
// binaries they install: `go install ./cmd/winlint` in the clone (this
// checkout), and the published form (`go install …@latest`) against a
// module proxy that serves this checkout as a release, as the Go module
// proxy will once winlint is published.
func TestInstall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds winlint with go install")
	}
	requireTool(t, "bash", "install bash")
	root := repoRoot(t)
	readme := filepath.Join(root, "README.md")

	check := func(t *testing.T, gobin string) {
		t.Helper()
		out, code := run(t, hostsFixture(t), []string{"GOOS=", "GOFLAGS="}, filepath.Join(gobin, "winlint"+exeSuffix()), "./...")
		if code != 3 || !strings.Contains(out, "(WL2001)") {
			t.Fatalf("installed winlint ./...: exit %d, want 3 and a WL2001 finding:\n%s", code, out)
		}
	}

	t.Run("clone", func(t *testing.T) {
		cmd, err := snippet.Get(readme, "install")
		if err != nil {
			t.Fatal(err)
		}
		gobin := t.TempDir()
		mustRun(t, root, []string{"GOBIN=" + gobin, "GOOS=", "GOFLAGS="}, "bash", "-euc", cmd)
		check(t, gobin)
	})

	t.Run("published", func(t *testing.T) {
		cmd, err := snippet.Get(readme, "install-published")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(cmd, "go install github.com/winlint/winlint/cmd/winlint@") {
			t.Fatalf("README install-published: %q", cmd)
		}
		gobin := t.TempDir()
		mustRun(t, t.TempDir(), append(proxyEnv(t), "GOBIN="+gobin, "GOOS="), "bash", "-euc", cmd)
		check(t, gobin)
	})
}

// TestGitHubActionVersion runs the action's step with its version: input
// set, from this checkout (GITHUB_ACTION_PATH), against a module proxy
// that serves this checkout as a release: the step installs that release
// with go install, not the action's own source, and runs it.
func TestGitHubActionVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds winlint with go install")
	}
	requireTool(t, "bash", "the action's step is a bash script")
	root := repoRoot(t)
	spec := readAction(t, filepath.Join(root, "action.yml"))
	var versionVar string
	for name, input := range spec.env {
		if input == "version" {
			versionVar = name
		}
	}
	if versionVar == "" {
		t.Fatalf("action.yml maps no variable to the version input: %v", spec.env)
	}
	gobin := t.TempDir()
	env := append(proxyEnv(t), "GITHUB_ACTION_PATH="+root, "GITHUB_OUTPUT="+filepath.Join(t.TempDir(), "out"),
		"GOBIN="+gobin, "GOOS=", versionVar+"="+publishedVersion, "WINLINT_FORMAT=github", "WINLINT_PACKAGES=./...")
	out, code := run(t, hostsFixture(t), env, "bash", filepath.Join(root, "action", "winlint.sh"))
	if code != 3 || !strings.Contains(out, "winlint "+publishedVersion) || !strings.Contains(out, "(WL2001)") {
		t.Fatalf("action with version %s: exit %d, want 3, winlint %s installed and a WL2001 annotation:\n%s", publishedVersion, code, publishedVersion, out)
	}
}

// proxyEnv returns the environment of a go command that finds this
// checkout as github.com/winlint/winlint@publishedVersion (and @latest) on
// a file:// module proxy, and the other modules where the go command
// otherwise finds them.
func proxyEnv(t *testing.T) []string {
	t.Helper()
	const module = "github.com/winlint/winlint"
	src, _ := snapshotRepo(t) // the module on disk, without testdata and nested modules
	proxy := t.TempDir()
	dir := filepath.Join(proxy, filepath.FromSlash(module), "@v")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"list":                     publishedVersion + "\n",
		publishedVersion + ".info": fmt.Sprintf(`{"Version":%q,"Time":"2026-01-01T00:00:00Z"}`, publishedVersion),
		publishedVersion + ".mod":  string(gomod),
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	zf, err := os.Create(filepath.Join(dir, publishedVersion+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(zf)
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(src, path)
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		w, err := zw.Create(module + "@" + publishedVersion + "/" + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	})
	if err == nil {
		err = zw.Close()
	}
	if cerr := zf.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	// The other modules come from the module cache's download directory
	// (itself a module proxy), else upstream; a private module cache keeps
	// this fake release out of the shared one.
	upstream := strings.TrimSpace(mustRun(t, src, nil, "go", "env", "GOPROXY"))
	modcache := strings.TrimSpace(mustRun(t, src, nil, "go", "env", "GOMODCACHE"))
	return []string{
		"GOPROXY=file://" + filepath.ToSlash(proxy) + ",file://" + filepath.ToSlash(filepath.Join(modcache, "cache", "download")) + "," + upstream,
		"GOMODCACHE=" + t.TempDir(), "GOFLAGS=-modcacherw", "GONOSUMDB=" + module, "GOWORK=off",
	}
}

func exeSuffix() string {
	if filepath.Separator == '\\' {
		return ".exe"
	}
	return ""
}
