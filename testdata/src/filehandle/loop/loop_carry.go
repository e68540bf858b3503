package loop

// A handle carried into the next iteration (walking a registry or
// directory path one part at a time) must outlive the iteration: the
// deferred Close in the loop is what the code wants.

import (
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows/registry"
)

// Each key is the parent of the next one; all are closed on return.
func openKeyPath(root registry.Key, path string) (registry.Key, error) {
	k := root
	for _, part := range strings.Split(path, `\`) {
		key, err := registry.OpenKey(k, part, registry.QUERY_VALUE)
		if err != nil {
			return 0, err
		}
		defer key.Close()
		k = key
	}
	return k, nil
}

// The same walk reusing one variable: the new key is opened from the
// previous one.
func readNested(parts []string, name string) (string, error) {
	k := registry.Key(registry.LOCAL_MACHINE)
	var err error
	for _, p := range parts {
		k, err = registry.OpenKey(k, p, registry.QUERY_VALUE)
		if err != nil {
			return "", err
		}
		defer k.Close()
	}
	v, _, err := k.GetStringValue(name)
	return v, err
}

// Directory handles kept while descending.
func descend(dirs []string) (string, error) {
	var last *os.File
	for _, d := range dirs {
		f, err := os.Open(filepath.Join(d, "."))
		if err != nil {
			return "", err
		}
		defer f.Close()
		last = f
	}
	if last == nil {
		return "", nil
	}
	return last.Name(), nil
}

// Positive sibling: each key is only read in its own iteration.
func readEach(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		key, err := registry.OpenKey(registry.LOCAL_MACHINE, p, registry.QUERY_VALUE)
		if err != nil {
			return nil, err
		}
		defer key.Close() // want `deferred release of key runs when the function returns`
		v, _, err := key.GetStringValue("")
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// Silent: the body closes each file itself; the deferred Close only
// covers the early returns (the shape of urfave/cli's build tool).
func countMains(sources []string) (int, error) {
	counter := 0
	for _, src := range sources {
		file, err := os.Open(src)
		if err != nil {
			return 0, err
		}
		defer file.Close()
		buf := make([]byte, 4096)
		n, _ := file.Read(buf)
		if strings.Contains(string(buf[:n]), "package main") {
			counter++
		}
		if err := file.Close(); err != nil {
			return 0, err
		}
	}
	return counter, nil
}

// Silent: every file is kept in a slice or map that outlives the loop and
// is read after it; the deferred Close is the cleanup of all of them.
func mergeAll(names []string) ([]byte, error) {
	var files []*os.File
	byName := make(map[string]*os.File)
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		files = append(files, f)
		byName[name] = f
	}
	var out []byte
	for _, f := range files {
		buf := make([]byte, 512)
		n, _ := f.Read(buf)
		out = append(out, buf[:n]...)
	}
	return out, nil
}
