package consolefix

import (
	"fmt"

	"golang.org/x/term"
)

func password() ([]byte, error) {
	fmt.Print("Password: ")
	return term.ReadPassword(0) // want `term.ReadPassword\(0\)`
}

func width() int {
	w, _, _ := term.GetSize(0) // want `term.GetSize\(0\)`
	return w
}
