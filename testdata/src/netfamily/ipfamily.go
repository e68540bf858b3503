// Family tests by length on net.IP and Is4 on possibly mapped addresses
// (WL2007).
package netfamily

import (
	"net"
	"net/netip"
)

func lengthTests(s string, conn net.Conn, raddr *net.TCPAddr) {
	ip := net.ParseIP(s)
	if len(ip) == net.IPv4len { // want `len\(ip\) == net.IPv4len: IPv4 addresses in ip are 16 bytes long \(IPv4-mapped form\), so this length test misses them; use ip.To4\(\) != nil`
	}
	if len(ip) == 16 { // want `len\(ip\) == 16: IPv4 addresses in ip are 16 bytes long too.*use ip.To4\(\) == nil`
	} else {
	}
	if len(net.IPv4(10, 0, 0, 1)) != 4 { // want `use net.IPv4\(10, 0, 0, 1\).To4\(\) == nil`
	}
	switch len(ip) {
	case net.IPv4len: // want `case net.IPv4len of switch len\(ip\) is never taken for IPv4 addresses`
	case net.IPv6len:
	}
	v4 := net.IPv4(192, 0, 2, 1)
	if len(v4) != net.IPv4len { // want `use v4.To4\(\) == nil`
	}
}

// A socket address's IP is 4 bytes on tcp4/udp4 sockets and 16 on
// dual-stack ones: an if without else may be a representation check and is
// left alone; a switch between the two families takes the IPv6 case for
// IPv4 peers of dual-stack sockets.
func socketAddressLengths(conn net.Conn, raddr *net.TCPAddr) {
	if len(raddr.IP) == net.IPv4len {
	}
	peer := conn.RemoteAddr().(*net.TCPAddr).IP
	switch len(peer) {
	case net.IPv4len: // want `case net.IPv4len of switch len\(peer\): peer may hold an IPv4 address in its 16-byte form`
	case net.IPv6len:
	}
}

func lengthTestsFine(s string, ip net.IP, b []byte) {
	if ip4 := net.ParseIP(s).To4(); len(ip4) == net.IPv4len { // To4 returns 4 bytes
	}
	if len(ip) == net.IPv4len { // a parameter: its origin is unknown
	}
	parsed := net.ParseIP(s)
	if len(parsed) != net.IPv4len && len(parsed) != net.IPv6len { // a validity check
	}
	if len(parsed) == net.IPv6len && parsed.To4() == nil { // To4 settles the family
	}
	if len(parsed) != net.IPv6len { // a representation assertion
	}
	if len(parsed) == 4 || len(parsed) == 16 { // a validity check
	}
	if parsed.To4() != nil {
	}
	made := make(net.IP, 4)
	if len(made) == 4 {
	}
	if len(b) == 4 { // not a net.IP
	}
}

func is4Tests(ip net.IP, tcp *net.TCPAddr, udp *net.UDPConn, buf []byte) {
	a, _ := netip.AddrFromSlice(net.ParseIP("192.0.2.1"))
	_ = a.Is4()                     // want `a.Is4\(\) is false for IPv4 addresses in IPv4-mapped form \(::ffff:a.b.c.d\), which netip.AddrFromSlice of a net.IP yields for IPv4 peers of dual-stack sockets; use a.Unmap\(\).Is4\(\)`
	_ = tcp.AddrPort().Addr().Is4() // want `which net.TCPAddr.AddrPort yields`
	ap := tcp.AddrPort()
	_ = ap.Addr().Is4() // want `tcp.AddrPort\(\)|ap.Addr\(\).Is4\(\)`
	_, from, _ := udp.ReadFromUDPAddrPort(buf)
	_ = from.Addr().Is4() // want `which net.UDPConn.ReadFromUDPAddrPort yields`
}

func is4Fine(s string, tcp *net.TCPAddr) {
	_ = tcp.AddrPort().Addr().Unmap().Is4()
	p, _ := netip.ParseAddr(s)
	_ = p.Is4() // a literal parsed by the user: mapped or not is a policy choice
	b := tcp.AddrPort().Addr()
	_ = b.Is4() || b.Is4In6() // both forms handled
	c := tcp.AddrPort().Addr().Unmap()
	_ = c.Is4()
	d, _ := netip.AddrFromSlice([]byte{10, 0, 0, 1})
	_ = d.Is4() // a 4-byte slice
}
