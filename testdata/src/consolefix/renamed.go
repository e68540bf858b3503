package consolefix

import (
	goos "os"

	"golang.org/x/term"
)

var _ = goos.Args

func renamed() bool {
	return term.IsTerminal(1) // want `term.IsTerminal\(1\)`
}
