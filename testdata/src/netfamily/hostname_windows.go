package netfamily

// WL2002: a family-specific network with a host name. Which addresses a
// name has depends on the resolver and the machine: localhost is ::1 and
// 127.0.0.1 on most Windows machines, 127.0.0.1 only where IPv6 is off or
// the hosts file says so; a remote name may have A records only.

import (
	"context"
	"net"
	"strconv"
)

func dialLocalV6(port int) (net.Conn, error) {
	return net.Dial("tcp6", "localhost:"+strconv.Itoa(port)) // want `"tcp6" with the host name "localhost" uses only the IPv6 addresses the name resolves to`
}

func listenLocalV6() (net.Listener, error) {
	return net.Listen("tcp6", "localhost:9000") // want `"tcp6" with the host name "localhost"`
}

func resolveV6() (*net.UDPAddr, error) {
	return net.ResolveUDPAddr("udp6", "localhost:53") // want `"udp6" with the host name "localhost"`
}

func dialRemoteV6(ctx context.Context) (net.Conn, error) {
	var d net.Dialer
	return d.DialContext(ctx, "tcp6", "updates.example.com:443") // want `"tcp6" with the host name "updates.example.com"`
}

func dialRemoteV4() (net.Conn, error) {
	return net.Dial("tcp4", "metrics.example.com:8125") // want `"tcp4" with the host name "metrics.example.com" uses only the IPv4 addresses`
}

// Silent: the family-neutral network, literals of the right family, and
// tcp4 on localhost (127.0.0.1 wherever localhost resolves at all).
func dialOK(ctx context.Context) {
	net.Dial("tcp", "localhost:9000")
	net.Dial("tcp6", "[::1]:9000")
	net.Dial("tcp4", "127.0.0.1:9000")
	net.Listen("tcp4", "localhost:0")
	var d net.Dialer
	d.DialContext(ctx, "udp", "updates.example.com:443")
}
