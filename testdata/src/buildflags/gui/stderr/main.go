// WL6001 positive: -ldflags and its value as two words, -H and windowsgui
// as two linker arguments, writes to os.Stderr, the package named by its
// import path.
package main

//go:generate go build -ldflags "-H windowsgui -X main.version=$GOPACKAGE" buildflags/gui/stderr // want `writes to the console \(os.Stderr at line 14\)`

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "usage: tool file")
}
