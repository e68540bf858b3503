package leak

// A file closed under a boolean set together with the open: the close is
// skipped only on paths where this function did not open the file.

import (
	"bufio"
	"io"
	"os"
)

// The cached reader is reused; a file opened here is closed here.
func readConfig(cached *os.File, name string) ([]byte, error) {
	fd, didOpen := cached, false
	if fd == nil {
		var err error
		fd, err = os.Open(name)
		if err != nil {
			return nil, err
		}
		didOpen = true
	}
	data, err := io.ReadAll(fd)
	if didOpen {
		fd.Close()
	}
	return data, err
}

// The flag set before the open, on the open's own branch.
func countLinesFlag(in *os.File, name string) (int, error) {
	r := in
	opened := false
	if name != "-" {
		opened = true
		f, err := os.Open(name)
		if err != nil {
			return 0, err
		}
		r = f
		defer func() {
			if opened {
				f.Close()
			}
		}()
	}
	n := 0
	s := bufio.NewScanner(r)
	for s.Scan() {
		n++
	}
	return n, s.Err()
}

// The flag cleared once ownership passes to the caller: the deferred
// cleanup closes the file only on the error paths.
func openChecked(name string) (f *os.File, err error) {
	f, err = os.Open(name)
	if err != nil {
		return nil, err
	}
	closeOnErr := true
	defer func() {
		if closeOnErr {
			f.Close()
		}
	}()
	if _, err := f.Stat(); err != nil {
		return nil, err
	}
	closeOnErr = false
	return f, nil
}

// Positive sibling: the flag is never set, so the close never runs on the
// path that opened the file.
func readConfigWrongFlag(cached *os.File, name string) ([]byte, error) {
	fd, didOpen := cached, false
	if fd == nil {
		var err error
		fd, err = os.Open(name) // want `fd is not closed on the path through the return at line \d+`
		if err != nil {
			return nil, err
		}
	}
	data, err := io.ReadAll(fd)
	if didOpen {
		fd.Close()
	}
	return data, err
}

// Silent: the comma-ok assertion on the open's error is true only when
// the open failed (the shape of git-lfs fsck).
func checkObject(path string, size int64) (bool, error) {
	f, err := os.Open(path)
	if pErr, ok := err.(*os.PathError); ok {
		if size == 0 {
			return true, nil
		}
		return false, pErr
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	return true, nil
}
