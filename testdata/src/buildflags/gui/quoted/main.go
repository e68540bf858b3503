// WL6001 negative: go generate keeps the quotes of -ldflags="-H=windowsgui"
// (quotes only count at the start of a word), and the go command rejects a
// -ldflags value that starts with a quote; the directive fails instead of
// building a GUI binary.
package main

//go:generate go build -ldflags="-H=windowsgui"

import "fmt"

func main() {
	fmt.Println("hello")
}
