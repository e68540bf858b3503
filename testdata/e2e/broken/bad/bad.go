// Package bad does not type-check.
package bad

import "net"

// Listen returns a listener.
func Listen() net.Listener {
	var n int = "not a number"
	ln, _ := net.Listen("tcp", ":80")
	return ln + n
}
