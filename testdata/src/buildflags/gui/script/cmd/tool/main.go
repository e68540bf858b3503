// A command-line tool: it prints its results.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		os.Exit(2)
	}
	fmt.Println("converted", os.Args[1])
}
