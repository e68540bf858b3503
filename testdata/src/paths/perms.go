package paths

import (
	"archive/tar"
	"archive/zip"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// An ssh-style "key file too open" refusal.
func checkKey(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if info.Mode().Perm()&0o077 != 0 { // want `info.Mode\(\).Perm\(\)&0o077 != 0 tests group/other permission bits \(0o77\), but Windows reports every file as 0o666`
		return fmt.Errorf("%s: permissions %v are too open", path, info.Mode().Perm())
	}
	return nil
}

// An exact-mode requirement.
func checkExact(f *os.File) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.Mode().Perm() != 0o600 { // want `st.Mode\(\).Perm\(\) compares a file's permissions with 0o600, but Windows reports only 0o666`
		return errors.New("token file must be 0600")
	}
	return nil
}

// rsc/goversion#3: "is executable" on walked files.
func executables(root string) []string {
	var out []string
	filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
		if err != nil || !info.Mode().IsRegular() {
			return nil
		}
		if info.Mode()&0o111 != 0 { // want `tests the execute bits \(0o111\) of a file's mode, but Windows files have none`
			out = append(out, p)
		}
		return nil
	})
	return out
}

// Songmu/ghg#14: the owner's execute bit of a ReadDir entry.
func findBinaries(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			return nil, err
		}
		if info.Mode().Perm()&0o100 == 0 { // want `execute bits \(0o100\)`
			continue
		}
		out = append(out, e.Name())
	}
	return out, nil
}

// World-writable refusal through a mode variable.
func worldWritable(path string) bool {
	fi, err := os.Lstat(path)
	if err != nil {
		return false
	}
	mode := fi.Mode()
	return mode&0o002 != 0 // want `group/other permission bits \(0o2\)`
}

// &^ form: anything beyond the owner's read/write.
func tooOpen(path string) bool {
	fi, _ := os.Stat(path)
	return fi.Mode().Perm()&^0o600 != 0 // want `group/other permission bits \(0o177\)`
}

// The masked permissions compared with a private mode.
func masked(path string) bool {
	fi, _ := os.Stat(path)
	return fi.Mode()&os.ModePerm == 0o600 // want `compares a file's permission bits with 0o600`
}

// An ordering test.
func atMost(path string) bool {
	fi, _ := os.Stat(path)
	return fi.Mode().Perm() <= 0o600 // want `orders a file's permissions against 0o600`
}

// ---- silent ----

// The owner write bit is the read-only attribute on Windows.
func readOnly(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().Perm()&0o200 == 0
}

// Execute bits of a directory (Windows sets them on directories).
func searchableDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir() && fi.Mode()&0o111 != 0
}

func dirOnly(path string) bool {
	fi, err := os.Stat(path)
	if err != nil || !fi.IsDir() {
		return false
	}
	return fi.Mode()&0o100 != 0
}

// Archive entries carry real Unix modes.
func zipExec(f *zip.File) bool {
	return f.Mode()&0o111 != 0
}

func tarExec(h *tar.Header) bool {
	return h.FileInfo().Mode()&0o111 != 0
}

// fs.FS files (embed, zip readers) are not the OS file system.
func fsExec(fsys fs.FS, name string) bool {
	fi, err := fs.Stat(fsys, name)
	return err == nil && fi.Mode()&0o111 != 0
}

// Bits only set, not tested.
func makeExecutable(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	return os.Chmod(path, fi.Mode()|0o111)
}

// A mode of unknown origin.
func modeParam(m os.FileMode) bool {
	return m&0o077 != 0
}

// Comparing with values Windows reports.
func writable(path string) bool {
	fi, _ := os.Stat(path)
	return fi.Mode().Perm() == 0o666
}

// wireguard-windows conf/store.go: "readable by anyone" is answered on
// Windows as on Unix (the read bits are always set there).
func readable(e os.DirEntry) bool {
	info, err := e.Info()
	return err == nil && info.Mode().Perm()&0o444 != 0
}

// rjeczalik/notify util.go: a type bit compared with itself.
func symlinkEq(p string) bool {
	fi, err := os.Lstat(p)
	return err == nil && fi.Mode()&os.ModeSymlink == os.ModeSymlink
}

// Type bits are not permission bits.
func isSymlink(path string) bool {
	fi, _ := os.Lstat(path)
	return fi.Mode()&os.ModeSymlink != 0
}
