// Command hostsfixture is the module winlint's host tests (internal/hosts)
// run the winlint command on: formats, directives, generated files.
package main

import (
	"fmt"
	"net"
)

func main() {
	greeting := "héllo, 世界 😀"; ln, _ := net.Listen("tcp6", ":8080") // WL2001 after non-ASCII text
	fmt.Println(greeting, ln)
	serve()
}
