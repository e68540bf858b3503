package plugin_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// This file builds a golangci-lint with winlint's plugin inside, from the Go
// module proxy only (FACTS G2, route B): `golangci-lint custom` would clone
// golangci-lint from GitHub instead.
//
//  1. go mod download github.com/golangci/golangci-lint/v2@<version>
//     (the version .custom-gcl.yml names) and copy the module into a fixed
//     source directory of the cache, so that go's build cache serves
//     rebuilds;
//  2. write cmd/golangci-lint/plugins.go with a blank import of the plugin
//     package .custom-gcl.yml names, replace winlint's module with this
//     checkout, go mod tidy, go build -trimpath.
//
// The binary is cached under $WINLINT_GCL_CACHE (default
// $HOME/.cache/winlint-gcl), keyed by the golangci-lint version and a hash
// of winlint's module source: a re-run with unchanged source takes no build
// at all, a rebuild after a change a few seconds (the cold build is minutes).

// customGCL is what the test reads from .custom-gcl.yml.
type customGCL struct {
	Version string // golangci-lint version
	Module  string // the plugin's module
	Import  string // the plugin's package
}

// readCustomGCL reads the few fields the build needs from .custom-gcl.yml
// (flat YAML: "key: value" lines; the plugin's fields are indented).
func readCustomGCL(path string) (*customGCL, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c := new(customGCL)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		trimmed := strings.TrimLeft(strings.TrimSpace(line), "- ")
		key, value, ok := strings.Cut(trimmed, ":")
		if !ok {
			continue
		}
		value = strings.Trim(strings.TrimSpace(value), `"'`)
		switch key = strings.TrimSpace(key); {
		case key == "version" && !strings.HasPrefix(line, " "):
			c.Version = value
		case key == "module":
			c.Module = value
		case key == "import":
			c.Import = value
		}
	}
	if c.Version == "" || c.Module == "" || c.Import == "" {
		return nil, fmt.Errorf("%s: want version, plugins[0].module and plugins[0].import, got %+v", path, c)
	}
	return c, nil
}

// sourceHash hashes what the plugin is built from: go.mod, go.sum and the
// non-test Go files of the module rooted at root (not testdata, not nested
// modules).
func sourceHash(root string) (string, error) {
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if d.IsDir() {
			if path != root {
				if name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
					return filepath.SkipDir
				}
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if (strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")) ||
			(filepath.Dir(path) == root && (name == "go.mod" || name == "go.sum")) {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		data, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", filepath.ToSlash(rel), len(data))
		h.Write(data)
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

func gclCacheDir() (string, error) {
	if d := os.Getenv("WINLINT_GCL_CACHE"); d != "" {
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "winlint-gcl"), nil
}

// buildEnv is the environment of the go commands of the build: a build for
// this host, outside any workspace, whatever the test's environment says.
func buildEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		switch name, _, _ := strings.Cut(kv, "="); name {
		case "GOOS", "GOARCH", "GOFLAGS", "GOWORK":
			continue
		}
		env = append(env, kv)
	}
	return append(env, "GOFLAGS=-mod=mod -buildvcs=false", "GOWORK=off")
}

// buildGCL returns the path of a golangci-lint binary with the plugin of
// the winlint checkout at root, building it if the cache has none.
func buildGCL(ctx context.Context, t testing.TB, root string) string {
	t.Helper()
	cfg, err := readCustomGCL(filepath.Join(root, ".custom-gcl.yml"))
	if err != nil {
		t.Fatal(err)
	}
	hash, err := sourceHash(root)
	if err != nil {
		t.Fatal(err)
	}
	cache, err := gclCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(cache, "bin", "golangci-lint-"+cfg.Version+"-"+hash+exeSuffix())
	if _, err := os.Stat(bin); err == nil {
		now := time.Now()
		os.Chtimes(bin, now, now) // in use: keep it
		t.Logf("golangci-lint %s with winlint %s: cached %s", cfg.Version, hash, bin)
		return bin
	}

	unlock, err := lockFile(filepath.Join(cache, "lock"))
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if _, err := os.Stat(bin); err == nil { // built while we waited
		return bin
	}

	start := time.Now()
	env := buildEnv()
	run := func(dir string, name string, args ...string) []byte {
		t.Helper()
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir = dir
		cmd.Env = env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s %s (in %s): %v\n%s", name, strings.Join(args, " "), dir, err, stderr.Bytes())
		}
		return out
	}

	src := filepath.Join(cache, "src-"+cfg.Version)
	if _, err := os.Stat(filepath.Join(src, ".complete")); err != nil {
		os.RemoveAll(src)
		tmp := t.TempDir()
		out := run(tmp, "go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@"+cfg.Version)
		var mod struct{ Dir, Error string }
		if err := json.Unmarshal(out, &mod); err != nil || mod.Dir == "" {
			t.Fatalf("go mod download: %v %s\n%s", err, mod.Error, out)
		}
		if err := copyTree(mod.Dir, src); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, ".complete"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plugins := fmt.Sprintf("package main\n\n// Written by winlint's plugin test.\n\nimport _ %q\n", cfg.Import)
	if err := os.WriteFile(filepath.Join(src, "cmd", "golangci-lint", "plugins.go"), []byte(plugins), 0o644); err != nil {
		t.Fatal(err)
	}
	run(src, "go", "mod", "edit", "-replace", cfg.Module+"="+root)
	run(src, "go", "mod", "tidy")
	tmpBin := bin + ".tmp"
	if err := os.MkdirAll(filepath.Dir(bin), 0o755); err != nil {
		t.Fatal(err)
	}
	run(src, "go", "build", "-trimpath", "-o", tmpBin, "./cmd/golangci-lint")
	if err := os.Rename(tmpBin, bin); err != nil {
		t.Fatal(err)
	}
	// Binaries of other source versions are stale: remove those not used
	// for an hour (a test in another checkout may be running one now).
	old, _ := filepath.Glob(filepath.Join(cache, "bin", "golangci-lint-"+cfg.Version+"-*"))
	for _, o := range old {
		if fi, err := os.Stat(o); err == nil && o != bin && time.Since(fi.ModTime()) > time.Hour {
			os.Remove(o)
		}
	}
	t.Logf("built golangci-lint %s with winlint %s in %s: %s", cfg.Version, hash, time.Since(start).Round(time.Second), bin)
	return bin
}

// copyTree copies the module directory src (read-only in the module cache)
// to dst, writable.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

func exeSuffix() string {
	if filepath.Separator == '\\' {
		return ".exe"
	}
	return ""
}
