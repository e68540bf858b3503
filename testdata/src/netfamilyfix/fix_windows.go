// Suggested fixes of netfamily; fix_windows.go.golden holds the result.
package netfamilyfix

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"strconv"
)

func fixes(ctx context.Context, d *net.Dialer, host string, port int, sport string, tcp *net.TCPAddr) {
	net.Listen("tcp6", ":8080")                                 // want `listens on IPv6 only`
	net.Listen("TCP", ":80")                                    // want `network names are case-sensitive`
	net.Listen("tcp", "localhost:8080")                         // want `listening on localhost`
	d.DialContext(ctx, "tcp", fmt.Sprintf("%s:%d", host, port)) // want `use net.JoinHostPort`
	d.DialContext(ctx, "tcp", host+":"+sport)                   // want `use net.JoinHostPort`
	net.Listen("tcp", host+":8080")                             // want `use net.JoinHostPort`
	ip := net.ParseIP(host)
	_ = len(ip) == net.IPv4len      // want `use ip.To4\(\) != nil`
	_ = tcp.AddrPort().Addr().Is4() // want `Unmap\(\).Is4\(\)`
	_ = netip.Addr{}
	_ = strconv.Itoa
}
