// Package srv serves connections.
package srv

import "net"

// Serve accepts connections until ln is closed.
func Serve(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		c.Close()
	}
}

// Admin opens the admin listener.
func Admin() (net.Listener, error) {
	return net.Listen("TCP", ":9090")
}
