// WL6001 negative: not a main package; go build of a library links
// nothing.
package lib

//go:generate go build -ldflags=-H=windowsgui

import "fmt"

func Hello() { fmt.Println("hello") }
