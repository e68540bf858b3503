package remove

// WL1004: Remove, Rename or RemoveAll of a file that is still open. Go
// opens files without FILE_SHARE_DELETE, so on Windows these fail with a
// sharing violation until the file is closed.

import (
	"io"
	"os"
	"path/filepath"
)

// The deferred LIFO trap: Remove runs before Close.
func scratch(data []byte) error {
	f, err := os.CreateTemp("", "scratch-*")
	if err != nil {
		return err
	}
	defer f.Close()
	defer os.Remove(f.Name()) // want `os.Remove\(…\) is deferred after the deferred close of f: deferred calls run last-in first-out, so it runs while f is still open and fails on Windows; defer it before the close, or close and remove in one deferred function`
	_, err = f.Write(data)
	return err
}

// Removal registered first runs last, after Close.
func scratchOK(data []byte) error {
	f, err := os.CreateTemp("", "scratch-*")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	defer f.Close()
	_, err = f.Write(data)
	return err
}

// Both in one deferred function, in the right order.
func scratchOneDeferOK(data []byte) error {
	f, err := os.CreateTemp("", "scratch-*")
	if err != nil {
		return err
	}
	defer func() {
		f.Close()
		os.Remove(f.Name())
	}()
	_, err = f.Write(data)
	return err
}

// The name kept in a variable.
func scratchName(data []byte) error {
	f, err := os.CreateTemp("", "scratch-*")
	if err != nil {
		return err
	}
	name := f.Name()
	defer f.Close()
	defer os.Remove(name) // want `os.Remove\(…\) is deferred after the deferred close of f`
	_, err = f.Write(data)
	return err
}

// Atomic write: Rename before Close.
func writeAtomic(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	return os.Rename(f.Name(), dst) // want `os.Rename\(…\) while f is still open fails on Windows with a sharing violation; close f first`
}

// Atomic write done right: Close, then Rename.
func writeAtomicOK(dst string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(dst), ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), dst)
}

// Removing a file just read, still open.
func consume(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	return b, os.Remove(name) // want `os.Remove\(…\) while f is still open`
}

func consumeOK(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(f)
	f.Close()
	if err != nil {
		return nil, err
	}
	return b, os.Remove(name)
}

// Log rotation: renaming the live log away before closing it.
func rotate(path string, cur *os.File) (*os.File, error) { // want rotate:`closes\[1\]`
	next, err := os.Create(path + ".new")
	if err != nil {
		return nil, err
	}
	if err := cur.Close(); err != nil {
		next.Close()
		return nil, err
	}
	return next, nil
}

func rotateInPlace(path string) error {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if _, err := f.WriteString("rotated\n"); err != nil {
		f.Close()
		return err
	}
	if err := os.Rename(path, path+".1"); err != nil { // want `os.Rename\(…\) while f is still open`
		f.Close()
		return err
	}
	return f.Close()
}

// RemoveAll of the directory a file was created in.
func workdir(data []byte) error {
	dir, err := os.MkdirTemp("", "work-")
	if err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "input"))
	if err != nil {
		return err
	}
	defer f.Close()
	defer os.RemoveAll(dir) // want `os.RemoveAll\(…\) is deferred after the deferred close of f`
	_, err = f.Write(data)
	return err
}

func workdirOK(data []byte) error {
	dir, err := os.MkdirTemp("", "work-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	f, err := os.Create(filepath.Join(dir, "input"))
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Write(data)
	return err
}

// Files opened through os.Root share delete access: no sharing violation.
func rootScratch(r *os.Root, name string) error { // want rootScratch:`borrows\[0\]`
	f, err := r.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.WriteString("x"); err != nil {
		return err
	}
	return r.Remove(name)
}

// A different path is not the open file.
func otherFile(name, other string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Remove(other)
}

// Remove on the error path of the open: nothing is open.
func cleanupOnError(name string) error {
	f, err := os.Create(name)
	if err != nil {
		os.Remove(name)
		return err
	}
	return f.Close()
}
