package console

import (
	"testing"

	"golang.org/x/term"
)

// Test files are not reported.
func TestTTY(t *testing.T) {
	if !term.IsTerminal(0) {
		t.Skip("no terminal")
	}
}
