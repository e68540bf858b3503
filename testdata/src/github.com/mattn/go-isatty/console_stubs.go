// Package isatty is a stub of github.com/mattn/go-isatty for the console
// fixtures.
package isatty

func IsTerminal(fd uintptr) bool       { return false }
func IsCygwinTerminal(fd uintptr) bool { return false }
