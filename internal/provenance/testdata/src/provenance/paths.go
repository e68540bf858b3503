package provenance

import (
	"archive/tar"
	"archive/zip"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

func origin(any) {}

func osPaths(t *testing.T, f *os.File) {
	exe, err := os.Executable()
	if err != nil {
		return
	}
	origin(exe)                     // want `^OSPath$`
	origin(filepath.Dir(exe))       // want `^OSPath$`
	origin(os.TempDir())            // want `^OSPath$`
	origin(os.Args[0])              // want `^OSPath$`
	origin(os.Args[1])              // want `^unknown$`
	origin(f.Name())                // want `^OSPath$`
	origin(t.TempDir())             // want `^OSPath$`
	origin(filepath.Join("a", "b")) // want `^OSPath$`
	home, _ := os.UserHomeDir()
	origin(home) // want `^OSPath$`
	cfg := filepath.Join(home, ".config")
	origin(cfg)                          // want `^OSPath$`
	origin(strings.TrimSuffix(cfg, "x")) // want `^OSPath$`
	origin(cfg + "/app.yaml")            // want `^OSPath$`
	origin(cfg[:3])                      // want `^OSPath$`
	wd, _ := os.Getwd()
	sep := wd + string(os.PathSeparator) + "x"
	origin(sep)                                                     // want `^OSPath$`
	origin(strings.Join([]string{"a"}, string(filepath.Separator))) // want `^unknown$`
	dir, file := filepath.Split(exe)
	origin(dir)  // want `^OSPath$`
	origin(file) // want `^unknown$`
	matches, _ := filepath.Glob("*.go")
	for _, m := range matches {
		origin(m) // want `^OSPath$`
	}
	origin(matches[0]) // want `^OSPath$`
	p, _ := exec.LookPath("git")
	origin(p)              // want `^OSPath$`
	origin(configDir())    // want `^OSPath$`
	origin(maybeDir(true)) // want `^unknown$`
	c, _ := cacheDir()
	origin(c) // want `^OSPath$`
}

func configDir() string {
	d, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "app")
}

func cacheDir() (string, error) {
	d, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "app"), nil
}

func maybeDir(b bool) string {
	if b {
		return os.TempDir()
	}
	return "/var/tmp"
}

func walks(root string) {
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		origin(p)           // want `^OSPath$`
		origin(info.Name()) // want `^unknown$`
		return nil
	})
	filepath.WalkDir(root, visit)
	fs.WalkDir(os.DirFS(root), ".", func(p string, d fs.DirEntry, err error) error {
		origin(p) // want `^SlashName$`
		q := filepath.Join(root, p)
		origin(q) // want `^OSPath$`
		return nil
	})
	origin(root) // want `^unknown$`
}

func visit(p string, d fs.DirEntry, err error) error {
	origin(p) // want `^OSPath$`
	return nil
}

func reassigned(root string) {
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		p = filepath.ToSlash(p)
		origin(p) // want `^unknown$`
		return nil
	})
}

func slashes(r *http.Request, h *zip.FileHeader, th *tar.Header, zf *zip.File) {
	origin(r.URL.Path)            // want `^URLPath$`
	origin(r.URL.EscapedPath())   // want `^URLPath$`
	origin(path.Join("a", "b"))   // want `^SlashName$`
	origin(filepath.ToSlash("a")) // want `^SlashName$`
	origin(h.Name)                // want `^SlashName$`
	origin(th.Name)               // want `^SlashName$`
	origin(zf.Name)               // want `^SlashName$`
	names, _ := fs.Glob(os.DirFS("."), "*.txt")
	origin(names[0]) // want `^SlashName$`
}

func assignments(b bool, s string) {
	var p string
	if b {
		p = os.TempDir()
	} else {
		p = filepath.Join(s, "x")
	}
	origin(p) // want `^OSPath$`

	q := os.TempDir()
	if b {
		q = path.Join(s, "x")
	}
	origin(q) // want `^unknown$`

	r := os.TempDir()
	use(&r)
	origin(r) // want `^unknown$`

	const c = "/dev/null"
	origin(c)   // want `^Constant$`
	origin("x") // want `^Constant$`
	origin(s)   // want `^unknown$`

	d := os.TempDir()
	d = filepath.Dir(d)
	origin(d) // want `^OSPath$`

	e := os.TempDir()
	e = e + "/x"
	origin(e) // want `^unknown$`
}

func use(*string) {}

var pkgDir = filepath.Join("a", "b")

var Exported = filepath.Join("a", "b")

func globals() {
	origin(pkgDir)   // want `^OSPath$`
	origin(Exported) // want `^unknown$`
}
