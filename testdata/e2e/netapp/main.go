// Command netapp is a small server used by winlint's end-to-end tests.
package main

import (
	"log"
	"net"

	"example.com/netapp/internal/srv"
)

func main() {
	// An IPv6-only wildcard listener, in every build.
	ln, err := net.Listen("tcp6", ":8080")
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	if err := platformListen(); err != nil {
		log.Fatal(err)
	}
	srv.Serve(ln)
}
