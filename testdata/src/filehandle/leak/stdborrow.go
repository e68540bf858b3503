package leak

// Standard-library functions that only read from or write to a file
// borrow it: the file is still the caller's to close (WL1001).

import (
	"archive/zip"
	"bufio"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"image"
	"image/png"
	"io"
	"log"
	"log/slog"
	"os"
	"runtime/pprof"
)

func writeHeapProfile(path string) error {
	f, err := os.Create(path) // want `f is not closed on the path through the return at line \d+`
	if err != nil {
		return err
	}
	pprof.WriteHeapProfile(f)
	f.Sync()
	return nil
}

func writeHeapProfileOK(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return pprof.WriteHeapProfile(f)
}

func writeGoroutines(path string) error {
	f, err := os.Create(path) // want `f is not closed on the path through the return at line \d+`
	if err != nil {
		return err
	}
	return pprof.Lookup("goroutine").WriteTo(f, 0)
}

func saveState(path string, v any) error {
	f, err := os.Create(path) // want `f is not closed on the path through the return at line \d+`
	if err != nil {
		return err
	}
	return gob.NewEncoder(f).Encode(v)
}

func checksum(path string) (string, error) {
	f, err := os.Open(path) // want `f is not closed on the path through the return at line \d+`
	if err != nil {
		return "", err
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func imageSize(path string) (int, int, error) {
	f, err := os.Open(path) // want `f is not closed on the path through the return at line \d+`
	if err != nil {
		return 0, 0, err
	}
	cfg, _, err := image.DecodeConfig(f)
	return cfg.Width, cfg.Height, err
}

func savePNG(path string, img image.Image) error { // want savePNG:`borrows\[1\]`
	f, err := os.Create(path) // want `f is not closed on the path through the return at line \d+`
	if err != nil {
		return err
	}
	return png.Encode(f, img)
}

// zip.NewReader takes an io.ReaderAt; the file stays the caller's.
func zipEntries(path string) (int, error) {
	f, err := os.Open(path) // want `f is not closed on the path through the return at line \d+`
	if err != nil {
		return 0, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return 0, err
	}
	zr, err := zip.NewReader(f, fi.Size())
	if err != nil {
		f.Close()
		return 0, err
	}
	return len(zr.File), nil
}

// Silent: the file is wrapped by a value the caller keeps (a logger for
// the life of the process): it lives as long as that value.
func newFileLogger(path string) (*log.Logger, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	return log.New(f, "", log.LstdFlags), nil
}

func newStructured(path string) (*slog.Logger, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return slog.New(slog.NewJSONHandler(f, nil)), nil
}

type reportWriter struct{ w *bufio.Writer }

func newReportWriter(path string) (*reportWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	r := &reportWriter{}
	r.w = bufio.NewWriter(f)
	return r, nil
}

type archiveFS struct {
	stream *io.SectionReader
}

func (a *archiveFS) count() int { return int(a.stream.Size()) }

// A wrapper kept in a local literal only: the file still leaks (the
// shape of a test opening an archive through io.NewSectionReader).
func countEntries(path string, size int64) int {
	fh, err := os.Open(path) // want `fh is not closed on the path through the return at line \d+`
	if err != nil {
		return 0
	}
	fsys := &archiveFS{stream: io.NewSectionReader(fh, 0, size)}
	return fsys.count()
}

// Silent: the literal holding the wrapper is returned.
func openArchive(path string, size int64) (*archiveFS, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return &archiveFS{stream: io.NewSectionReader(fh, 0, size)}, nil
}
