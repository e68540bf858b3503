// WL6001 negative: the program attaches to its parent's console before it
// prints, so -H windowsgui is deliberate.
package main

//go:generate go build -ldflags=-H=windowsgui

import (
	"fmt"

	"golang.org/x/sys/windows"
)

func main() {
	windows.AttachConsole(^uint32(0))
	fmt.Println("attached")
}
