//winlint:file-ignore WL2001 the whole file listens on IPv6 only by design

package main

import "net"

func more() {
	net.Listen("tcp6", ":9001")
	net.Listen("tcp6", ":9002")
}
