package leak

// WL1001: an *os.File that is neither closed nor handed on before some
// return. Each positive case is followed by the idiom that stays silent.

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// A file decoded and never closed.
func loadConfig(name string, v any) error {
	f, err := os.Open(name) // want `f is not closed on the path through the return at line 21; close it or defer f.Close\(\)`
	if err != nil {
		return err
	}
	return json.NewDecoder(f).Decode(v)
}

// The same with defer f.Close() after the error check.
func loadConfigOK(name string, v any) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return json.NewDecoder(f).Decode(v)
}

// Early return on a second error: err is the Stat error there, so that
// branch holds an open file.
func firstLine(name string) (string, error) {
	f, err := os.Open(name) // want `f is not closed on the path through the return at line 43`
	if err != nil {
		return "", err
	}
	st, err := f.Stat()
	if err != nil {
		return "", err
	}
	if st.Size() == 0 {
		f.Close()
		return "", errors.New("empty file")
	}
	line, err := bufio.NewReader(f).ReadString('\n')
	f.Close()
	return line, err
}

// Closed on every path, by hand.
func firstLineOK(name string) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return "", err
	}
	if st.Size() == 0 {
		f.Close()
		return "", errors.New("empty file")
	}
	line, err := bufio.NewReader(f).ReadString('\n')
	f.Close()
	return line, err
}

// Falling off the end of the function leaks too.
func printFile(name string) {
	f, err := os.Open(name) // want `f is not closed on the path through the end of the function at line 81`
	if err != nil {
		return
	}
	io.Copy(os.Stdout, f)
}

// Only the success path closes the destination.
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst) // want `out is not closed on the path through the return at line 95`
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		return err
	}
	return out.Close()
}

// The destination closed on the error path as well.
func copyFileOK(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// A log opened for appending, written once, never closed.
func appendLine(name, msg string) error {
	f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644) // want `f is not closed`
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(f, msg)
	return err
}

// A temporary file whose name is returned, but whose handle is not.
func spill(data []byte) (string, error) {
	f, err := os.CreateTemp("", "spill-*") // want `f is not closed on the path through the return at line 135`
	if err != nil {
		return "", err
	}
	if _, err := f.Write(data); err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}

// A loop over file names: each file read, none closed.
func countLines(names []string) (int, error) {
	n := 0
	for _, name := range names {
		f, err := os.Open(name) // want `f is not closed`
		if err != nil {
			return 0, err
		}
		s := bufio.NewScanner(f)
		for s.Scan() {
			n++
		}
	}
	return n, nil
}

// A loop that closes each file before the next.
func countLinesOK(names []string) (int, error) {
	n := 0
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return 0, err
		}
		s := bufio.NewScanner(f)
		for s.Scan() {
			n++
		}
		f.Close()
	}
	return n, nil
}

// os.NewFile wraps a descriptor in a file that must be closed.
func readPipe(fd uintptr) ([]byte, error) {
	f := os.NewFile(fd, "pipe") // want `f is not closed`
	return io.ReadAll(f)
}

// An os.Root is a directory handle and must be closed too.
func rootHas(dir, name string) bool {
	r, err := os.OpenRoot(dir) // want `r is not closed`
	if err != nil {
		return false
	}
	_, err = r.Stat(name)
	return err == nil
}

// A file opened through a root.
func readInRoot(r *os.Root, name string) ([]byte, error) { // want readInRoot:`borrows\[0\]`
	f, err := r.Open(name) // want `f is not closed`
	if err != nil {
		return nil, err
	}
	return io.ReadAll(f)
}

// openData returns a fresh file; its callers must close it, and are
// checked like callers of os.Open.
func openData(name string) (*os.File, error) { // want openData:`fresh\(0 from os.Open\)`
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("data: %w", err)
	}
	return f, nil
}

func dataSize(name string) (int64, error) {
	f, err := openData(name) // want `f is not closed`
	if err != nil {
		return 0, err
	}
	return io.Copy(io.Discard, f)
}

func dataSizeOK(name string) (int64, error) {
	f, err := openData(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return io.Copy(io.Discard, f)
}

// Closing in one branch only.
func sniff(name string) (bool, error) {
	f, err := os.Open(name) // want `f is not closed on the path through the return at line 236`
	if err != nil {
		return false, err
	}
	var b [2]byte
	if _, err := io.ReadFull(f, b[:]); err != nil {
		f.Close()
		return false, err
	}
	return b[0] == 'M' && b[1] == 'Z', nil
}

// A deferred release inside a switch case closes only that case's path.
func modeOf(name string, verbose bool) (os.FileMode, error) {
	f, err := os.Open(name) // want `f is not closed`
	if err != nil {
		return 0, err
	}
	switch {
	case verbose:
		defer f.Close()
		fmt.Println("stat", name)
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return st.Mode(), nil
}

// A temporary file created for its name and never closed: on Windows the
// deferred Remove fails too, since the file is still open.
func withEmptyFile(check func(string) bool) (bool, error) {
	f, err := os.CreateTemp("", "empty-*") // want `f is not closed on the path through the return at line \d+`
	if err != nil {
		return false, err
	}
	defer os.Remove(f.Name())
	return check(f.Name()), nil
}
