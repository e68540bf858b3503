// Command gclfixture is the module winlint's golangci-lint plugin test runs
// golangci-lint on.
package main

import (
	"fmt"
	"log"
	"net"
	"strconv"
)

func main() {
	// An IPv6-only wildcard listener: WL2001, fixed by --fix.
	ln, err := net.Listen("tcp6", ":8080")
	if err != nil {
		log.Fatal(err)
	}
	defer func() { _ = ln.Close() }()

	// A miscased network name, suppressed for the whole suite.
	_, _ = net.Listen("TCP", ":8081") //nolint:winlint // kept to test suppression

	// A miscased network name, suppressed for its check only.
	_, _ = net.Listen("TCP", ":8082") //nolint:wl2004 // kept to test suppression

	if err := platformListen(); err != nil {
		log.Fatal(err)
	}
	fmt.Println(dial("example.com", 443))
}

// dial joins host and port with +: WL2006.
func dial(host string, port int) error {
	c, err := net.Dial("tcp", host+":"+strconv.Itoa(port))
	if err != nil {
		return err
	}
	return c.Close()
}
