package remove // want package:"resourcefacts"

import (
	"errors"
	"os"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// renameOpenDirFails tests the sharing violation itself (regression from
// the standard library's os_windows_test.go TestOpenDirTOCTOU): silent.
func renameOpenDirFails(tmp string) error {
	dir := filepath.Join(tmp, "dir")
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	err = os.Rename(dir, filepath.Join(tmp, "dir1"))
	if !errors.Is(err, windows.ERROR_SHARING_VIOLATION) {
		return errors.New("rename of an open directory did not fail")
	}
	return nil
}

func renameOpenDir(tmp string) error {
	dir := filepath.Join(tmp, "dir")
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return os.Rename(dir, filepath.Join(tmp, "dir1")) // want `os.Rename\(…\) while f is still open fails on Windows`
}
