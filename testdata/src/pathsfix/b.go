package pathsfix

import (
	"os"
	"path"
)

// path is used once and filepath is not imported: the import changes.
func progName() string {
	return path.Base(os.Args[0]) // want `os.Args\[0\] is an OS path`
}
