package loop // want package:"resourcefacts"

// WL1002: defer Close inside a loop that opens: every file stays open
// until the function returns.

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/sys/windows/registry"
)

// Hashing a list of files: all of them stay open until hashAll returns.
func hashAll(names []string) (map[string][]byte, error) {
	sums := make(map[string][]byte)
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close() // want `deferred release of f runs when the function returns, not at the end of the iteration: every file the loop opens stays open; close f in the loop or move the body into a function`
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			return nil, err
		}
		sums[name] = h.Sum(nil)
	}
	return sums, nil
}

// The body moved into a function literal: its defer runs per file.
func hashAllOK(names []string) (map[string][]byte, error) {
	sums := make(map[string][]byte)
	for _, name := range names {
		err := func() error {
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			defer f.Close()
			h := sha256.New()
			if _, err := io.Copy(h, f); err != nil {
				return err
			}
			sums[name] = h.Sum(nil)
			return nil
		}()
		if err != nil {
			return nil, err
		}
	}
	return sums, nil
}

// A three-clause loop over a glob.
func concat(dst io.Writer, pattern string) error { // want concat:`borrows\[0\]`
	names, err := filepath.Glob(pattern)
	if err != nil {
		return err
	}
	for i := 0; i < len(names); i++ {
		f, err := os.Open(names[i])
		if err != nil {
			return err
		}
		defer f.Close() // want `deferred release of f runs when the function returns`
		if _, err := io.Copy(dst, f); err != nil {
			return err
		}
	}
	return nil
}

// Closing explicitly at the end of each iteration.
func concatOK(dst io.Writer, names []string) error { // want concatOK:`borrows\[0\]`
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		_, err = io.Copy(dst, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// A retry loop that returns right after the defer: the defer runs once.
func openFirst(candidates []string) ([]byte, error) {
	for _, c := range candidates {
		f, err := os.Open(c)
		if err != nil {
			continue
		}
		defer f.Close()
		return io.ReadAll(f)
	}
	return nil, os.ErrNotExist
}

// A loop that breaks after the defer.
func firstReadable(candidates []string) string {
	var got string
	for _, c := range candidates {
		f, err := os.Open(c)
		if err != nil {
			continue
		}
		defer f.Close()
		got = f.Name()
		break
	}
	return got
}

// Registry keys opened in a loop pile up the same way.
func values(names []string) ([]string, error) {
	var out []string
	for _, n := range names {
		k, err := registry.OpenKey(registry.LOCAL_MACHINE, `SOFTWARE\`+n, registry.QUERY_VALUE)
		if err != nil {
			return nil, err
		}
		defer k.Close() // want `deferred release of k runs when the function returns, not at the end of the iteration: every handle the loop opens stays open`
		v, _, err := k.GetStringValue("Version")
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// A defer in a loop for a file opened before the loop is WL1001's
// business, not WL1002's.
func dump(name string, n int) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		fmt.Println(i)
	}
	defer f.Close()
	return nil
}

// A loop over log files reading the last lines of each.
func tails(dir string) (map[string]int64, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	sizes := map[string]int64{}
	for _, e := range entries {
		f, err := os.Open(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		defer func() { // want `deferred release of f runs when the function returns`
			f.Close()
		}()
		n, err := f.Seek(0, io.SeekEnd)
		if err != nil {
			return nil, err
		}
		sizes[e.Name()] = n
	}
	return sizes, nil
}
