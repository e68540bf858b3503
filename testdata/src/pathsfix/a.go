package pathsfix

import (
	"os"
	"path"
	"path/filepath"
)

// path is used once and filepath is imported: the path import goes.
func exeName() string {
	exe, _ := os.Executable()
	return path.Base(exe) + filepath.Ext(exe) // want `exe is an OS path`
}
