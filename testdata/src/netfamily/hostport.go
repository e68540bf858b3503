// Host:port strings built by hand (WL2006), next to what go vet's hostport
// analyzer already reports (not repeated) and the correct JoinHostPort.
package netfamily

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strconv"
)

func sprintfSinks(ctx context.Context, d *net.Dialer, host string, port int, sport string, cfg *tls.Config) {
	d.DialContext(ctx, "tcp", fmt.Sprintf("%s:%d", host, port)) // want `address built with fmt.Sprintf\("%s:%d"\) is passed to net.Dialer.DialContext: an IPv6 host needs brackets \(\[::1\]:80\), so this breaks on IPv6; use net.JoinHostPort`
	net.Listen("tcp", fmt.Sprintf("%s:%d", host, port))         // want `address built with fmt.Sprintf\("%s:%d"\) is passed to net.Listen`
	net.ListenPacket("udp", fmt.Sprintf("%v:%v", host, sport))  // want `fmt.Sprintf\("%v:%v"\) is passed to net.ListenPacket`
	tls.Dial("tcp", fmt.Sprintf("%s:%s", host, sport), cfg)     // want `is passed to tls.Dial`
	net.Dial("tcp", fmt.Sprintf("%v:%d", host, port))           // want `fmt.Sprintf\("%v:%d"\) is passed to net.Dial`
	srv := &http.Server{Addr: fmt.Sprintf("%s:%d", host, port)} // want `is passed to http.Server.Addr`
	srv.Addr = host + ":" + sport                               // want `address built with string concatenation is passed to http.Server.Addr`
	addr := host + ":" + strconv.Itoa(port)                     // want `address built with string concatenation is passed to net.Listen`
	net.Listen("tcp", addr)
	net.DialTimeout("tcp", host+":443", 0) // want `string concatenation is passed to net.DialTimeout`
	ip := netip.MustParseAddr("::1")
	net.Dial("tcp", fmt.Sprintf("%s:%d", ip, port))           // vet reports this one (%s:%d into Dial)
	d.DialContext(ctx, "tcp", fmt.Sprintf("%v:%d", ip, port)) // want `is passed to net.Dialer.DialContext`
}

func vetAlreadyReports(d *net.Dialer, host string, port int) {
	net.Dial("tcp", fmt.Sprintf("%s:%d", host, port))
	net.DialTimeout("tcp", fmt.Sprintf("%s:%s", host, "80"), 0)
	addr := fmt.Sprintf("%s:%d", host, port)
	d.Dial("tcp", addr)
}

func joinedCorrectly(ctx context.Context, d *net.Dialer, host string, port int) {
	d.DialContext(ctx, "tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	net.Listen("tcp", fmt.Sprintf("[%s]:%d", host, port)) // brackets written out
	net.Listen("tcp", fmt.Sprintf(":%d", port))           // no host
	// A constant host without a colon is no WL2006 (but localhost is WL2005):
	net.Listen("tcp", fmt.Sprintf("localhost:%d", port+1)) // want `listening on localhost`
	net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(port))     // constant IPv4 host
	const h = "10.0.0.1"
	net.Dial("tcp", h+":80")
	_ = host + ":" + strconv.Itoa(port) // not passed to a network function
	_ = &http.Server{Addr: ":" + strconv.Itoa(port)}
}
