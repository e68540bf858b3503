package main

import "net"

func serve() {
	//winlint:ignore WL2001 this listener is IPv6-only by design
	net.Listen("tcp6", ":8081")

	net.Listen("tcp6", ":8082") //winlint:ignore WL2001 end-of-line form

	//winlint:ignore WL2004
	net.Listen("TCP", ":8083")

	//winlint:ignore WL2005 stale: the listener below moved away
	net.Listen("tcp", ":8084")

	//winlint:ignore WL9999 names no real check
	net.Listen("tcp", ":8085")

	net.Listen("tcp6", ":8086") // reported: nothing suppresses it
}
