package consolefix

import (
	"os"

	"golang.org/x/term"
)

func sizeWidth() int {
	w, _, _ := term.GetSize(int(os.Stdin.Fd())) // want `asks the size of the standard input's handle`
	return w
}
