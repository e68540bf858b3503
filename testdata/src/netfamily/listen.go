// Listeners: WL2001 (tcp6/udp6 on a wildcard), WL2003 (tcp4 on [::]) and
// WL2005 (localhost), with the correct idioms that must stay silent.
package netfamily

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"strconv"
)

const v6net = "tcp6"

func wildcardV6Only(port int, cfg *tls.Config) {
	net.Listen("tcp6", ":8080")               // want `"tcp6" on a wildcard address listens on IPv6 only \(IPV6_V6ONLY=1\): IPv4 clients cannot connect; use "tcp" for a dual-stack listener`
	net.Listen("tcp6", "[::]:8080")           // want `"tcp6" on \[::\] listens on IPv6 only`
	net.ListenPacket("udp6", ":53")           // want `"udp6" on a wildcard address listens on IPv6 only.*use "udp"`
	net.Listen(v6net, ":"+strconv.Itoa(port)) // want `"tcp6" on a wildcard address`
	var lc net.ListenConfig
	lc.Listen(context.Background(), "tcp6", "")                            // want `"tcp6" on a wildcard address`
	tls.Listen("tcp6", "[::]:443", cfg)                                    // want `"tcp6" on \[::\]`
	net.ListenTCP("tcp6", &net.TCPAddr{Port: port})                        // want `"tcp6" on a wildcard address`
	net.ListenUDP("udp6", &net.UDPAddr{IP: net.IPv6unspecified, Port: 53}) // want `"udp6" on \[::\]`
	addr := "[::]:" + strconv.Itoa(port)
	net.Listen("tcp6", addr) // want `"tcp6" on \[::\]`
}

func specificV6(port int) {
	net.Listen("tcp6", "[::1]:8080")        // a specific IPv6 address: fine
	net.Listen("tcp6", "[2001:db8::1]:443") // fine
	net.ListenTCP("tcp6", &net.TCPAddr{IP: net.IPv6loopback, Port: port})
	net.Listen("tcp", ":8080")     // dual-stack
	net.Listen("tcp", "[::]:8080") // dual-stack
	net.Listen("tcp", "0.0.0.0:8080")
	net.ListenPacket("udp", ":53")
	net.Dial("tcp6", "[::1]:80")
}

// splitListeners deliberately listens on each family with its own socket.
func splitListeners() {
	net.Listen("tcp4", ":8080")
	net.Listen("tcp6", ":8080")
}

func runtimeNetwork(network string) {
	net.Listen(network, ":8080") // computed at run time: not ours to judge
}

func v4OnV6Wildcard() {
	net.Listen("tcp4", "[::]:8080")       // want `"tcp4" on \[::\] binds 0.0.0.0 only: IPv6 clients cannot connect; use "tcp" for both families`
	net.ListenPacket("udp4", "[::]:5353") // want `"udp4" on \[::\] binds 0.0.0.0 only`
}

func v4Listeners() {
	net.Listen("tcp4", "0.0.0.0:8080")
	net.Listen("tcp4", ":8080")
	net.Listen("tcp4", "127.0.0.1:8080")
	net.Listen("tcp4", "[::ffff:127.0.0.1]:8080") // IPv4-mapped works with tcp4
}

func localhost(port string) {
	net.Listen("tcp", "localhost:8080")        // want `listening on localhost binds one of its addresses only \(127.0.0.1\)`
	net.ListenPacket("udp", "localhost:5353")  // want `listening on localhost binds one of its addresses only`
	http.ListenAndServe("localhost:8080", nil) // want `listening on localhost`
	net.Listen("tcp", "localhost:"+port)       // want `listening on localhost`
}

// unixgramOnUnix is portable code: such calls are guarded at run time, so
// WL2004 reports unixgram and unixpacket only in Windows-only files.
func unixgramOnUnix() {
	net.ListenPacket("unixgram", "/tmp/sock")
	net.Listen("unixpacket", "/tmp/sock2")
}

func localhostFine() (net.Listener, error) {
	net.Listen("tcp", "127.0.0.1:8080")
	net.Listen("tcp", "[::1]:8080")
	net.Listen("tcp4", "localhost:8080")    // the family is explicit
	net.Dial("tcp", "localhost:8080")       // dialing tries every address
	return net.Listen("tcp", "localhost:0") // port 0: callers dial Addr()
}
