// WL6001 positive: a command-line tool that prints its results, built as a
// GUI binary by its own go:generate line.
package main

//go:generate go build -ldflags=-H=windowsgui // want `-H windowsgui builds buildflags/gui/console without a console, but it writes to the console \(fmt.Println at line 10\): that output and crash messages are lost; drop -H windowsgui`

import "fmt"

func main() {
	fmt.Println("converted 3 files")
}
