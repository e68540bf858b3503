// WL6001 negative: a GUI program that never writes to the console.
package main

//go:generate go build -ldflags=-H=windowsgui

import "os"

func main() {
	os.WriteFile("state.txt", []byte("ok"), 0o644)
}
