package b

import "net"

// Listen listens on IPv6 only (WL2001).
func Listen() (net.Listener, error) {
	return net.Listen("tcp6", ":9090")
}
