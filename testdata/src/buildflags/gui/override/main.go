// WL6001 negative: the last -ldflags wins, and it has no -H.
package main

//go:generate go build -ldflags=-H=windowsgui -ldflags=-s

import "fmt"

func main() {
	fmt.Println("hello")
}
