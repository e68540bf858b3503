package consolefix

import (
	"os"

	"golang.org/x/term"
)

var _ = os.Args

// os is shadowed at the call: no fix is offered.
func shadowed(os []string) bool {
	_ = os
	return term.IsTerminal(2) // want `term.IsTerminal\(2\)`
}
