package paths

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// urfave/cli#349: the program name from os.Args[0] with path.Base.
func programName() string {
	return path.Base(os.Args[0]) // want `os.Args\[0\] is an OS path, but path.Base splits only on "/" \(Windows paths use \\\); use filepath.Base`
}

// The directory of the running executable.
func exeDir() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	return path.Dir(exe), nil // want `exe is an OS path, but path.Dir`
}

// A config file under the user's config directory, joined with path.
func configFile() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return path.Join(dir, "app", "config.yaml"), nil // want `dir is an OS path, but path.Join`
}

// syncthing/syncthing#81: a temporary-name test on a walked path.
func tempFiles(root string) []string {
	var out []string
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if strings.HasPrefix(path.Base(p), ".syncthing.") { // want `p is an OS path, but path.Base`
			out = append(out, p)
		}
		return nil
	})
	return out
}

// An "is absolute" test with a slash prefix on a cleaned path.
func isAbs(p string) bool {
	clean := filepath.Clean(p)
	return strings.HasPrefix(clean, "/") // want `strings.HasPrefix\(clean, "/"\) as an absolute-path test is false for Windows paths`
}

// The file name of an open file cut at its last slash.
func fileName(f *os.File) string {
	name := f.Name()
	i := strings.LastIndex(name, "/") // want `name is an OS path, but strings.LastIndex looks for "/"`
	return name[i+1:]
}

// Components of a relative path split on slashes.
func components(root, p string) ([]string, error) {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return nil, err
	}
	return strings.Split(rel, "/"), nil // want `rel is an OS path, but strings.Split looks for "/"`
}

// path.IsAbs on the working directory.
func wdAbs() bool {
	wd, _ := os.Getwd()
	return path.IsAbs(wd) // want `wd is an OS path, but path.IsAbs`
}

// A helper of the package that returns an OS path.
func cacheDir() string {
	d, err := os.UserCacheDir()
	if err != nil {
		return os.TempDir()
	}
	return filepath.Join(d, "app")
}

func cacheExt() string {
	return path.Ext(cacheDir()) // want `cacheDir\(\) is an OS path, but path.Ext`
}

// t.TempDir in a test helper, split on slashes.
func tempParts(t *testing.T) []string {
	dir := t.TempDir()
	return strings.SplitN(dir, "/", 2) // want `dir is an OS path, but strings.SplitN`
}

// A path built with os.PathSeparator.
func sepJoined(dir, name string) string {
	p := dir + string(os.PathSeparator) + name
	return path.Clean(p) // want `p is an OS path, but path.Clean`
}

// ---- silent ----

// URL paths are slash-separated everywhere.
func handler(w http.ResponseWriter, r *http.Request) {
	base := path.Base(r.URL.Path)
	dir := path.Dir(r.URL.Path)
	parts := strings.Split(r.URL.Path, "/")
	_, _, _ = base, dir, parts
}

// filepath on OS paths is the fix.
func good(root string) string {
	exe, _ := os.Executable()
	return filepath.Join(filepath.Dir(exe), filepath.Base(root))
}

// After ToSlash the value is slash-separated.
func slashed(root, p string) []string {
	rel, _ := filepath.Rel(root, p)
	rel = filepath.ToSlash(rel)
	return strings.Split(rel, "/")
}

func slashed2(root, p string) string {
	rel, _ := filepath.Rel(root, p)
	return path.Dir(filepath.ToSlash(rel))
}

// Unknown origin: a parameter may be anything (an import path, a key).
func unknown(importPath string) string {
	return path.Base(importPath)
}

// Import paths and module paths are slash-separated.
func pkgName(importPath string) string {
	return importPath[strings.LastIndex(importPath, "/")+1:]
}

// A value assigned an OS path on one branch and a URL path on another:
// unknown, so silent.
func mixed(r *http.Request, local bool) string {
	p := r.URL.Path
	if local {
		p, _ = os.Getwd()
	}
	return path.Base(p)
}

// Constants: "/" surgery on a constant is not about OS paths.
func constant() []string {
	return strings.Split("a/b/c", "/")
}

// os.Args beyond 0 are user input of unknown shape.
func firstArg() string {
	if len(os.Args) > 1 {
		return path.Base(os.Args[1])
	}
	return ""
}

// A string other than "/" given to strings.Split.
func splitComma() []string {
	wd, _ := os.Getwd()
	return strings.Split(wd, ",")
}

// The "/" prefix test as one case of several.
func rooted(p string) bool {
	clean := filepath.Clean(p)
	return strings.HasPrefix(clean, "/") || filepath.IsAbs(clean)
}

// git-lfs git/git.go: on an absolute path, a "/" prefix test tells the
// Unix form from the Windows form (to build a file URL).
func fileURL(p string) string {
	slash := ""
	if abs, err := filepath.Abs(p); err == nil {
		if !strings.HasPrefix(abs, "/") {
			slash = "/"
		}
		p = abs
	}
	return "file://" + slash + filepath.ToSlash(p)
}

// filepath.Base results hold no separator.
func baseOnly(p string) string {
	return path.Ext(filepath.Base(p))
}
