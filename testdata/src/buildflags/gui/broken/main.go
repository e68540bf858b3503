// WL6001 negative: go generate splits -ldflags="-s -w -H=windowsgui" at the
// spaces (quotes only count at the start of a word), so this directive
// does not do what it says; it is not reported as a windowsgui build.
package main

//go:generate go build -ldflags="-s -w -H=windowsgui"

import "fmt"

func main() {
	fmt.Println("hello")
}
