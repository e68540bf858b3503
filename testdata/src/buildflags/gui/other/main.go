// WL6001 negative: the directive builds another package, which the
// analysis of this one cannot see.
package main

//go:generate go build -ldflags=-H=windowsgui -o tray.exe ./cmd/tray
//go:generate signtool sign /fd sha256 /a tray.exe

import "fmt"

func main() {
	fmt.Println("builder")
}
