package pathsfix

import (
	"os"
	"path/filepath"
	"strings"
)

// strings is used only here: its import goes.
func pathList() []string {
	_ = filepath.Separator
	return strings.Split(os.Getenv("PATH"), ":") // want `\$PATH is split on ":"`
}
