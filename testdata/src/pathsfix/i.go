package pathsfix

import (
	"os"
	"strings"
)

// filepath is not imported: the fix imports it.
func goPath() []string {
	gp := strings.TrimSpace(os.Getenv("GOPATH"))
	_ = gp
	return strings.Split(os.Getenv("GOPATH"), ":") // want `\$GOPATH is split on ":"`
}
