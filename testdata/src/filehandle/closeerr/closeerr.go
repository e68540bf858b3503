package closeerr // want package:"resourcefacts"

// WL1003: the error of Close dropped on a file opened for writing. Data
// still buffered by the OS may fail to reach the disk, and Close is where
// that failure is reported.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
)

// The classic: defer f.Close() on a file just written.
func save(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close() // want `error of f.Close\(\) is dropped, but f was opened for writing and a failed write may surface only there; check it or return it`
	_, err = f.Write(data)
	return err
}

// Returning the Close error.
func saveOK(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close() // error path: the write error is returned already
		return err
	}
	return f.Close()
}

// defer f.Close() as a safety net, with the Close error checked at the end.
func saveSafetyNetOK(name string, v any) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := json.NewEncoder(f).Encode(v); err != nil {
		return err
	}
	return f.Close()
}

// Joining the Close error into a named result.
func saveJoinOK(name string, data []byte) (err error) {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, f.Close()) }()
	_, err = f.Write(data)
	return err
}

// A checked Sync first: the data is on disk, Close can only fail to
// release the handle.
func saveSyncOK(name string, data []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		return err
	}
	return f.Sync()
}

// OpenFile with write flags folded from constants.
const appendFlags = os.O_APPEND | os.O_CREATE | os.O_WRONLY

func appendRecord(name string, rec []byte) error {
	f, err := os.OpenFile(name, appendFlags, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(rec)
	f.Close() // want `error of f.Close\(\) is dropped`
	return err
}

// Flags held in a variable assigned once; written through fmt.Fprintf.
func rewrite(name string, n int) error {
	flags := os.O_RDWR | os.O_TRUNC
	f, err := os.OpenFile(name, flags, 0)
	if err != nil {
		return err
	}
	fmt.Fprintf(f, "%d\n", n)
	_ = f.Close() // want `error of f.Close\(\) is dropped`
	return nil
}

// A file only created, never written: nothing is lost at Close.
func touch(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	f.Close()
	return nil
}

// Written by a child process: the parent's Close says nothing about it.
func runLogged(cmd *exec.Cmd, logName string) error {
	f, err := os.OpenFile(logName, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	cmd.Stdout = f
	cmd.Stderr = f
	return cmd.Run()
}

// CreateTemp files are written to.
func stage(data []byte) (string, error) {
	f, err := os.CreateTemp("", "stage-*")
	if err != nil {
		return "", err
	}
	defer f.Close() // want `error of f.Close\(\) is dropped`
	if _, err := f.Write(data); err != nil {
		return "", err
	}
	return f.Name(), nil
}

// Read-only files: nothing to lose at Close.
func load(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// OpenFile read-only.
func loadRO(name string) ([]byte, error) {
	f, err := os.OpenFile(name, os.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// Flags not known statically: stay silent.
func openWith(name string, flags int) error {
	f, err := os.OpenFile(name, flags, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.Stat()
	return err
}

// A dropped Close on an error path that returns the real error.
func copyTo(name string, r io.Reader) error { // want copyTo:`borrows\[1\]`
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := io.Copy(f, r); err != nil {
		_ = f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return nil
}

// Silent: opened with O_SYNC, every Write reaches the disk and returns its
// own error (the shape of containerd's writeToCompletion).
func writeToCompletion(path string, data []byte) error {
	f, err := os.OpenFile(path+".tmp", os.O_RDWR|os.O_CREATE|os.O_TRUNC|os.O_SYNC, 0o666)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	f.Close()
	if err != nil {
		return err
	}
	return os.Rename(path+".tmp", path)
}

// Positive sibling: the same without O_SYNC.
func writeToCompletionAsync(path string, data []byte) error {
	f, err := os.OpenFile(path+".tmp", os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	f.Close() // want `error of f.Close\(\) is dropped`
	if err != nil {
		return err
	}
	return os.Rename(path+".tmp", path)
}

// Silent: the Close on the failed-rename path of a function that gives up
// (bare return under err != nil).
func rewriteHistory(path string, lines []string, keep func(*os.File)) {
	fd, err := os.OpenFile(path+".tmp", os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o666)
	if err != nil {
		return
	}
	for _, l := range lines {
		fd.WriteString(l + "\n")
	}
	if err = os.Rename(path+".tmp", path); err != nil {
		fd.Close()
		return
	}
	keep(fd)
}

// The close on the path that skips an entry nothing was written to is on
// an error path; the close after the copy is not (croc's unzip shape).
func extractAll(names []string, open func(string) (io.ReadCloser, error)) {
	for _, name := range names {
		dst, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			continue
		}
		src, err := open(name)
		if err != nil {
			dst.Close()
			continue
		}
		io.Copy(dst, src)
		dst.Close() // want `error of dst.Close\(\) is dropped`
		src.Close()
	}
}
