package paths

import (
	"archive/tar"
	"archive/zip"
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

//go:embed testdata
var assets embed.FS

// golang/go#45230: an embed name joined with filepath.
func readAsset(name string) ([]byte, error) {
	return assets.ReadFile(filepath.Join("testdata", name)) // want `filepath.Join\("testdata", name\) is an OS path \(\\ on Windows\), but embed.FS.ReadFile takes a slash-separated name`
}

// sigstore-go#102: a name built once, then opened.
func openAsset(dir, name string) (fs.File, error) {
	p := filepath.Join(dir, name)
	return assets.Open(p) // want `p is an OS path .* embed.FS.Open takes a slash-separated name`
}

// gardenctl-v2#154: fs.ReadFile on an fs.FS with a filepath name.
func readFS(fsys fs.FS, name string) ([]byte, error) {
	return fs.ReadFile(fsys, filepath.Join("templates", name)) // want `fs.ReadFile takes a slash-separated name`
}

// juice#247: template.ParseFS with a filepath pattern.
func parse(fsys fs.FS) (*template.Template, error) {
	return template.ParseFS(fsys, filepath.Join("views", "*.html")) // want `template.ParseFS takes a slash-separated name`
}

// A sub tree for http.FS named with filepath.
func static(fsys fs.FS) (http.Handler, error) {
	sub, err := fs.Sub(fsys, filepath.Join("web", "static")) // want `fs.Sub takes a slash-separated name`
	if err != nil {
		return nil, err
	}
	return http.FileServer(http.FS(sub)), nil
}

// os.DirFS(...).Open with an OS path relative to the root.
func openRel(root, p string) (fs.File, error) {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return nil, err
	}
	return os.DirFS(root).Open(rel) // want `rel is an OS path .* fs.FS.Open takes a slash-separated name`
}

// mholt/archiver#37: zip header names from a walk.
func zipDir(w *zip.Writer, root string) error {
	return filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		hdr, err := zip.FileInfoHeader(info)
		if err != nil {
			return err
		}
		hdr.Name, err = filepath.Rel(root, p) // want `filepath.Rel\(root, p\) is an OS path .* zip.FileHeader.Name takes a slash-separated name`
		if err != nil {
			return err
		}
		_, err = w.CreateHeader(hdr)
		return err
	})
}

// A tar header built with an OS path.
func tarHeader(root, p string, size int64) *tar.Header {
	rel, _ := filepath.Rel(root, p)
	return &tar.Header{Name: rel, Size: size, Mode: 0o644} // want `rel is an OS path .* tar.Header.Name takes a slash-separated name`
}

// zip.Writer.Create with a joined name.
func zipCreate(w *zip.Writer, dir, name string) error {
	_, err := w.Create(filepath.Join(dir, name)) // want `zip.Writer.Create takes a slash-separated name`
	return err
}

// A name built with os.PathSeparator.
func sepName(dir, name string) ([]byte, error) {
	return assets.ReadFile(dir + string(os.PathSeparator) + name) // want `embed.FS.ReadFile takes a slash-separated name`
}

// fs.WalkDir from a root built with filepath.
func walkSub(fsys fs.FS) error {
	return fs.WalkDir(fsys, filepath.Join("a", "b"), func(p string, d fs.DirEntry, err error) error { // want `fs.WalkDir takes a slash-separated name`
		return err
	})
}

// ---- silent ----

// path.Join builds io/fs names.
func readGood(name string) ([]byte, error) {
	return assets.ReadFile(path.Join("testdata", name))
}

// ToSlash converts an OS path.
func zipGood(w *zip.Writer, root, p string) error {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return err
	}
	_, err = w.Create(filepath.ToSlash(rel))
	return err
}

func tarGood(root, p string) *tar.Header {
	rel, _ := filepath.Rel(root, p)
	return &tar.Header{Name: filepath.ToSlash(rel)}
}

// Names obtained from the same file system.
func walkGood(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		_, err = fs.ReadFile(fsys, p)
		return err
	})
}

func globGood(fsys fs.FS) error {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return err
	}
	for _, n := range names {
		if _, err := fs.Stat(fsys, n); err != nil {
			return err
		}
	}
	return nil
}

// Names of unknown origin.
func readParam(fsys fs.FS, name string) ([]byte, error) {
	return fs.ReadFile(fsys, name)
}

// ReadDir entries joined with path.Join.
func readAll() error {
	entries, err := assets.ReadDir("testdata")
	if err != nil {
		return err
	}
	for _, e := range entries {
		if _, err := assets.ReadFile(path.Join("testdata", e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// zip.FileInfoHeader sets the base name; a header copied from a reader.
func zipCopy(w *zip.Writer, f *zip.File) error {
	hdr := f.FileHeader
	hdr.Name = f.Name
	_, err := w.CreateHeader(&hdr)
	return err
}

// containerd pkg/archive: a reader normalizes the names it reads into OS
// paths for its own use; no header is written.
func untar(tr *tar.Reader) ([]string, error) {
	var names []string
	for {
		hdr, err := tr.Next()
		if err != nil {
			return names, nil
		}
		hdr.Name = filepath.Clean(hdr.Name)
		names = append(names, hdr.Name)
	}
}

// A file system type of the program's own whose Open takes OS paths.
type osFS struct{}

func (osFS) Open(name string) (fs.File, error) { return os.Open(name) }

func openOwn(dir, name string) (fs.File, error) {
	return osFS{}.Open(filepath.Join(dir, name))
}

// A zip archive opened as a file system.
func zipOpen(r *zip.Reader, dir, name string) (fs.File, error) {
	return r.Open(filepath.Join(dir, name)) // want `zip.Reader.Open takes a slash-separated name`
}

// filepath.Clean of one constant element has no separator.
func subStatic(fsys fs.FS) (fs.FS, error) {
	return fs.Sub(fsys, filepath.Clean("static"))
}

// An OS path given to os functions is right.
func osOpen(dir, name string) (*os.File, error) {
	return os.Open(filepath.Join(dir, name))
}

// A slash string with a TrimPrefix of a URL path.
func urlName(r *http.Request) ([]byte, error) {
	return assets.ReadFile(strings.TrimPrefix(r.URL.Path, "/"))
}
