// Literal family mismatches (WL2002) and network names (WL2004), in a file
// built for Windows only: unixgram and unixpacket are unsupported there.
package netfamily

import (
	"context"
	"net"
)

const loopback4 = "127.0.0.1"

func mismatches(ctx context.Context, d *net.Dialer) {
	net.Listen("tcp4", "[::1]:80")                      // want `"tcp4" with the IPv6 address "::1" always fails \(no suitable address found\); use "tcp", or an IPv4 address`
	net.Dial("tcp6", "127.0.0.1:80")                    // want `"tcp6" with the IPv4 address "127.0.0.1" always fails`
	net.Listen("tcp6", "0.0.0.0:0")                     // want `"tcp6" with the IPv4 address "0.0.0.0" always fails`
	net.ListenPacket("udp6", "0.0.0.0:0")               // want `"udp6" with the IPv4 address "0.0.0.0" always fails`
	d.DialContext(ctx, "tcp6", "[::ffff:127.0.0.1]:80") // want `"tcp6" with the IPv4 address "::ffff:127.0.0.1" always fails`
	net.ResolveTCPAddr("tcp6", loopback4+":80")         // want `"tcp6" with the IPv4 address "127.0.0.1"`
	net.ResolveIPAddr("ip6", "10.0.0.1")                // want `"ip6" with the IPv4 address "10.0.0.1"`
	net.ListenPacket("ip4:icmp", "fe80::1")             // want `"ip4:icmp" with the IPv6 address "fe80::1"`
	net.ResolveUDPAddr("udp4", "[2001:db8::1]:53")      // want `"udp4" with the IPv6 address "2001:db8::1"`
}

func matchingFamilies(host string) {
	net.Dial("tcp4", "127.0.0.1:80")
	net.Dial("tcp6", "[::1]:80")
	net.Dial("tcp4", "localhost:80") // 127.0.0.1 wherever localhost resolves at all
	// An unknown host is no WL2002, but the hand-built address is WL2006:
	net.Dial("tcp4", host+":80") // want `string concatenation is passed to net.Dial`
	net.Dial("tcp4", "[::ffff:10.0.0.1]:80")
	net.ListenPacket("ip4:icmp", "0.0.0.0")
	net.ResolveIPAddr("ip6", "::1")
	net.Dial("tcp", "[::1]:80")
	net.Dial("udp", "127.0.0.1:53")
}

const netTCP = "TCP"

func networkNames() {
	net.Listen("TCP", ":80")                  // want `network names are case-sensitive: net.Listen\("TCP"\) fails with "unknown network"; use "tcp"`
	net.Dial(netTCP, "example.com:80")        // want `network names are case-sensitive: net.Dial\("TCP"\)`
	net.Listen("tcp46", ":80")                // want `net.Listen\("tcp46"\) fails with "unknown network"; "tcp" already covers IPv4 and IPv6`
	net.ListenPacket("ip4", "0.0.0.0")        // want `net.ListenPacket does not accept network "ip4"`
	net.ResolveTCPAddr("udp", "127.0.0.1:53") // want `net.ResolveTCPAddr does not accept network "udp"`
	net.Listen("udp", ":53")                  // want `net.Listen does not accept network "udp"`
	net.ListenPacket("unixgram", `C:\sock`)   // want `network "unixgram" is not supported on Windows`
	net.Listen("unixpacket", `C:\sock`)       // want `network "unixpacket" is not supported on Windows`
	net.Dial("tcp ", "example.com:80")        // want `net.Dial\("tcp "\) fails with "unknown network"`
}

func goodNetworkNames(network string) {
	net.Listen("unix", `C:\ProgramData\app\app.sock`) // AF_UNIX stream sockets work on Windows
	net.ListenPacket("ip4:1", "0.0.0.0")
	net.ListenPacket("ip6:ipv6-icmp", "::")
	net.ResolveTCPAddr("", "127.0.0.1:80") // "" means "tcp" for Resolve*Addr
	net.ResolveIPAddr("ip4", "127.0.0.1")
	net.Dial(network, "example.com:80")
	net.Dial("udp4", "127.0.0.1:53")
}
