// Package terminal is a stub of golang.org/x/crypto/ssh/terminal for the
// console fixtures.
package terminal

type State struct{}

func IsTerminal(fd int) bool                        { return false }
func ReadPassword(fd int) ([]byte, error)           { return nil, nil }
func GetSize(fd int) (width, height int, err error) { return 0, 0, nil }
func MakeRaw(fd int) (*State, error)                { return nil, nil }
func GetState(fd int) (*State, error)               { return nil, nil }
func Restore(fd int, oldState *State) error         { return nil }
