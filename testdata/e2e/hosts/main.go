// Command hostsfixture is the module winlint's host tests (internal/hosts)
// run the winlint command on: formats, directives, generated files.
package main

import (
	"fmt"
	"net"
)

func main() {
	fmt.Println("héllo, 世界 😀", listening(net.Listen("tcp6", ":8080"))) // WL2001 after non-ASCII text
	serve()
}

func listening(ln net.Listener, err error) bool { return err == nil && ln != nil }
