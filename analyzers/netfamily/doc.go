// Package netfamily defines an analyzer that reports IPv4/IPv6 and network
// string mistakes that make listeners and dialers fail, or work on one
// address family only: tcp6 listeners that refuse IPv4 clients, literal
// family mismatches, unknown network names, localhost listeners, hand-built
// host:port strings and length-based family tests (WL2001–WL2007).
//
// Network and address arguments are folded from constants, named constants,
// concatenations and variables assigned once; calls are matched through type
// information. See ../../docs/checks/WL2001.md and following.
package netfamily

import "github.com/winlint/winlint/internal/catalog"

const doc = `report IPv4/IPv6 family and network-string mistakes (WL2001–WL2007)

The netfamily analyzer finds listeners that are IPv6-only where IPv4
clients are expected ("tcp6" on a wildcard address), literal family
mismatches that always fail, unknown or unsupported network names,
localhost listeners that bind one address, host:port strings built
without net.JoinHostPort, and address-family tests by byte length.`

// Family is the netfamily analyzer with its checks.
var Family = catalog.NewFamily(Analyzer, WL2001, WL2002, WL2003, WL2004, WL2005, WL2006, WL2007)

var WL2001 = &catalog.Check{
	ID:       "WL2001",
	Title:    `"tcp6"/"udp6" listener on a wildcard address is IPv6-only`,
	Default:  true,
	Severity: catalog.Warning,
	Doc: "`net.Listen`, `ListenPacket`, `ListenConfig.Listen`, `tls.Listen`, `ListenTCP` and `ListenUDP` " +
		"with network `\"tcp6\"` or `\"udp6\"` on a wildcard address (`\":8080\"`, `\"[::]:8080\"`, an " +
		"empty address, or a `*net.TCPAddr` without IP) create an AF_INET6 socket with **IPV6_V6ONLY=1**: " +
		"IPv4 clients cannot connect. `\"tcp\"` on the same address is dual-stack (V6ONLY=0).\n\n" +
		"Go sets the option explicitly on every OS (`net/ipsock_posix.go favoriteAddrFamily`, " +
		"`net/sockopt_windows.go setDefaultSockopts`), so Windows behaves like Linux here; the common " +
		"belief that tcp6 on `[::]` is dual-stack is false: the `favoriteAddrFamily` comment says tcp6 on an IPv6 wildcard uses \"an IPv6-only, AF_INET6 and IPV6_V6ONLY=1\" socket (Windows itself also defaults to V6ONLY=1: https://learn.microsoft.com/en-us/windows/win32/winsock/dual-stack-sockets).\n\n" +
		"Not reported: `\"tcp6\"` with a specific IPv6 address (`[::1]:p`, `[2001:db8::1]:p`); a function " +
		"that also listens with `\"tcp4\"`/`\"udp4\"` (a deliberate split listener); `\"tcp\"` with any address.\n\n" +
		"Fix: use `\"tcp\"` (`\"udp\"`). A suggested fix rewrites a literal network.",
	Bad: `package server

import "net"

func serve() (net.Listener, error) {
	return net.Listen("tcp6", ":8080") // IPv4 clients are refused
}`,
	Good: `package server

import "net"

func serve() (net.Listener, error) {
	return net.Listen("tcp", ":8080") // dual-stack: IPv4 and IPv6 clients
}`,
}

var WL2002 = &catalog.Check{
	ID:       "WL2002",
	Title:    "network and address literal of different IP families always fail",
	Default:  true,
	Severity: catalog.Error,
	Doc: "A `\"tcp4\"`/`\"udp4\"`/`\"ip4\"` network with an IPv6 literal (other than `::` and IPv4-mapped " +
		"`::ffff:a.b.c.d`), or a `\"tcp6\"`/`\"udp6\"`/`\"ip6\"` network with an IPv4 literal, `0.0.0.0` or an " +
		"IPv4-mapped literal, never finds a usable address: Listen, Dial and Resolve fail with " +
		"`address …: no suitable address found` on every OS (`net/ipsock.go` keeps only the addresses of " +
		"the network's family and returns `errNoSuitableAddress` when none is left).\n\n" +
		"Also reported: `\"tcp6\"`/`\"udp6\"` with a host name, whose addresses depend on the resolver and " +
		"the machine (`localhost` is 127.0.0.1 only where IPv6 is off or the hosts file says so), and " +
		"`\"tcp4\"`/`\"udp4\"` with a host name other than `localhost`.\n\n" +
		"Not reported: `\"tcp4\"` with `localhost`, `tcp4` with `::ffff:a.b.c.d` (it works), " +
		"addresses computed at run time.\n\n" +
		"Fix: use the family-neutral network (`\"tcp\"`, `\"udp\"`) or an address of the network's family.",
	Bad: `package client

import "net"

func dial() (net.Conn, error) {
	return net.Dial("tcp6", "127.0.0.1:80") // no suitable address found
}`,
	Good: `package client

import "net"

func dial() (net.Conn, error) {
	return net.Dial("tcp", "127.0.0.1:80")
}`,
}

var WL2003 = &catalog.Check{
	ID:       "WL2003",
	Title:    `"tcp4"/"udp4" listener on [::] silently binds IPv4 only`,
	Default:  true,
	Severity: catalog.Warning,
	Doc: "`net.Listen(\"tcp4\", \"[::]:p\")` succeeds, but binds `0.0.0.0`: for an IPv6 wildcard the " +
		"resolver adds `0.0.0.0` (`net/ipsock.go internetAddrList`, golang/go#18806) and the IPv4 filter keeps " +
		"only that one. The code says IPv6, the socket is IPv4-only, and IPv6 clients are refused.\n\n" +
		"Not reported: `\"tcp4\"` with `0.0.0.0` or an IPv4 address, `\"tcp\"` with `[::]`.\n\n" +
		"Fix: `\"tcp\"` to accept both families, or write `0.0.0.0` if IPv4 only is meant.",
	Bad: `package server

import "net"

func serve() (net.Listener, error) {
	return net.Listen("tcp4", "[::]:8080") // binds 0.0.0.0:8080 only
}`,
	Good: `package server

import "net"

func serve() (net.Listener, error) {
	return net.Listen("tcp", "[::]:8080") // both families
}`,
}

var WL2004 = &catalog.Check{
	ID:       "WL2004",
	Title:    "unknown, miscased or unsupported network name",
	Default:  true,
	Severity: catalog.Error,
	Doc: "Network names are matched exactly and case-sensitively (`net/dial.go parseNetwork`): `\"TCP\"`, " +
		"`\"tcp46\"` and `\"tcp \"` fail with `unknown network`. Each function accepts its own set: " +
		"`Listen` takes tcp, tcp4, tcp6, unix and unixpacket; `ListenPacket` takes udp*, `ip*:<protocol>` " +
		"and unixgram (a bare `\"ip4\"` is unknown there); `ResolveTCPAddr` takes tcp* only. On Windows, " +
		"`\"unixgram\"` and `\"unixpacket\"` are not supported at all; only `\"unix\"` stream sockets are " +
		"(Windows has AF_UNIX stream sockets only: https://devblogs.microsoft.com/commandline/af_unix-comes-to-windows/; " +
		"Go's `net/platform_test.go` skips unixgram and unixpacket on windows).\n\n" +
		"Not reported: networks computed at run time, `\"ip4:icmp\"`-style protocol suffixes, the empty " +
		"network of `Resolve*Addr` (it means the default).\n\n" +
		"Fix: the lower-case or supported name; a suggested fix lower-cases a literal.",
	Bad: `package server

import "net"

func serve() (net.Listener, error) {
	return net.Listen("TCP", ":8080") // unknown network TCP
}`,
	Good: `package server

import "net"

func serve() (net.Listener, error) {
	return net.Listen("tcp", ":8080")
}`,
}

var WL2005 = &catalog.Check{
	ID:       "WL2005",
	Title:    "listening on localhost binds one loopback address only",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "`net.Listen(\"tcp\", \"localhost:8080\")` (also `ListenPacket`, `tls.Listen`, " +
		"`http.ListenAndServe`) resolves localhost and listens on **one** of its addresses, preferring " +
		"IPv4 (`net/dial.go`: `addrs.first(isIPv4)`; the Listen doc says a host name \"will create a " +
		"listener for at most one of the host's IP addresses\"). On Windows, clients that resolve " +
		"localhost to `::1` first (browsers, curl, .NET, tools without Happy Eyeballs) are refused or " +
		"wait for a fallback (a Go client falls back to IPv4 after 300 ms: `net/dial.go dialParallel`).\n\n" +
		"Not reported: port 0 (the caller dials `Listener.Addr()`, the real address), `\"tcp4\"`/`\"tcp6\"` " +
		"with localhost (the family is explicit), IP literals.\n\n" +
		"Fix: listen on `127.0.0.1` (what happens today, made explicit) or `[::1]`, or on both. A " +
		"suggested fix rewrites a literal address to 127.0.0.1.",
	Bad: `package server

import "net"

func serve() (net.Listener, error) {
	return net.Listen("tcp", "localhost:8080") // 127.0.0.1 only; ::1 clients refused
}`,
	Good: `package server

import "net"

func serve() (net.Listener, error) {
	return net.Listen("tcp", "127.0.0.1:8080") // the loopback address, explicitly
}`,
}

var WL2006 = &catalog.Check{
	ID:       "WL2006",
	Title:    "host:port built with Sprintf or + breaks on IPv6 hosts",
	Default:  false,
	Severity: catalog.Warning,
	Doc: "An address built as `fmt.Sprintf(\"%s:%d\", host, port)`, `\"%v:%v\"` or `host + \":\" + port` " +
		"is wrong when host is an IPv6 address: it needs brackets (`[::1]:80`), and `::1:80` is rejected " +
		"or misparsed. `net.JoinHostPort` adds them. This check covers the sinks go vet's `hostport` " +
		"analyzer does not: `DialContext`, `Listen`, `ListenPacket`, `ListenConfig`, `tls.Dial`, " +
		"`tls.Listen`, `Resolve*Addr`, `http.ListenAndServe`, `http.Server.Addr`, and the `%v` forms and " +
		"concatenation everywhere (`golang.org/x/tools/go/analysis/passes/hostport`, in go vet since Go 1.25, " +
		"reports only `Sprintf(\"%s:%d\"|\"%s:%s\", host, port)` passed to `net.Dial`, `net.DialTimeout` and `(*net.Dialer).Dial`).\n\n" +
		"Not reported: what go vet already reports (`Sprintf(\"%s:%d\"|\"%s:%s\", …)` passed to `net.Dial`, " +
		"`DialTimeout` or `Dialer.Dial`), constant hosts without a colon (`\"localhost\"`, IPv4 literals), " +
		"`\"[%s]:%d\"` formats; in `_test.go` files, a host taken from a struct field that the package " +
		"only ever sets to such constants (the test's own configuration or table).\n\n" +
		"Fix: `net.JoinHostPort(host, port)`; a suggested fix rewrites the expression when host and port " +
		"are strings (or port is an int and strconv is imported).\n\n" +
		"Off by default: on the benchmark corpus its findings were hosts that cannot hold an IPv6 literal " +
		"for reasons outside the expression (an address parser that rejects a second colon, a table whose " +
		"IPv6 entries are already bracketed, where `JoinHostPort` would bracket them twice). Enable it " +
		"with `-checks default,WL2006` where hosts come from users or resolvers.",
	Bad: `package client

import (
	"context"
	"fmt"
	"net"
)

func dial(ctx context.Context, d *net.Dialer, host string, port int) (net.Conn, error) {
	return d.DialContext(ctx, "tcp", fmt.Sprintf("%s:%d", host, port))
}`,
	Good: `package client

import (
	"context"
	"net"
	"strconv"
)

func dial(ctx context.Context, d *net.Dialer, host string, port int) (net.Conn, error) {
	return d.DialContext(ctx, "tcp", net.JoinHostPort(host, strconv.Itoa(port)))
}`,
}

var WL2007 = &catalog.Check{
	ID:       "WL2007",
	Title:    "IP family tested by length, or Is4 on a possibly IPv4-mapped address",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "`net.ParseIP` and `net.IPv4` return 16-byte slices for IPv4 addresses, and so does the IP of a " +
		"`*net.TCPAddr`/`*net.UDPAddr` accepted on a dual-stack (\"tcp\") listener; `len(ip) == net.IPv4len` " +
		"is false for them and `len(ip) == net.IPv6len` is true. Likewise `netip.Addr.Is4()` is false for " +
		"IPv4-mapped addresses (`::ffff:a.b.c.d`), which `netip.AddrFromSlice(net.IP)`, " +
		"`TCPAddr.AddrPort()` and `UDPConn.ReadFromUDPAddrPort` yield for IPv4 peers (`net/netip/netip.go`: Is4 \"returns false for IPv4-mapped IPv6 addresses\"; " +
		"`net/ip.go To4` accepts both forms).\n\n" +
		"A `net.IP` that may hold either form (a parameter, a field, a socket address) is reported when " +
		"the length test picks between the families: an `if` with an `else`, a bool function returning " +
		"it, a `switch len(ip)` with both cases — unless the function also converts it with `To4`/`To16`, " +
		"checks that its length is 4 or 16, or indexes it in the same condition (code that knows both forms).\n\n" +
		"Not reported: `ip.To4() != nil`; other length tests on values of unknown origin (a validity or " +
		"representation check), `To4()` results, `make(net.IP, 4)`; `len(ip) == 16` after `net.ParseIP` " +
		"in an `if` without `else` (the parse succeeded); a condition that compares the length with both 4 and 16 (a validity " +
		"check); `Is4()` next to `Is4In6()` or `Unmap()` on the same address; `Is4()` on addresses from " +
		"`netip.ParseAddr`.\n\n" +
		"Fix: `ip.To4() != nil`; `a.Unmap().Is4()`. Suggested fixes rewrite both.",
	Bad: `package peer

import "net"

func isIPv4(s string) bool {
	ip := net.ParseIP(s)
	return len(ip) == net.IPv4len // always false: ParseIP returns 16 bytes
}`,
	Good: `package peer

import "net"

func isIPv4(s string) bool {
	ip := net.ParseIP(s)
	return ip.To4() != nil
}`,
}
