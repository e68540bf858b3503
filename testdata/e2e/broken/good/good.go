// Package good has a finding.
package good

import "net"

// Listen opens an IPv6-only wildcard listener.
func Listen() (net.Listener, error) {
	return net.Listen("tcp6", ":8080")
}
