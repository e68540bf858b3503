package netfamily

import (
	"go/ast"
	"go/types"
	"net/netip"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/callee"
	"github.com/winlint/winlint/internal/syntax"
)

// A kind groups the functions that accept the same set of networks.
type kind int

const (
	kDial         kind = iota // net.Dial and friends: any network
	kListen                   // stream listeners: tcp*, unix, unixpacket
	kListenPacket             // packet listeners: udp*, ip*:proto, unixgram
	kTCP                      // ResolveTCPAddr, ListenTCP, DialTCP
	kUDP                      // ResolveUDPAddr, ListenUDP, DialUDP, ListenMulticastUDP
	kIP                       // ResolveIPAddr (protocol optional)
	kIPProto                  // ListenIP, DialIP (protocol required)
	kUnix                     // ResolveUnixAddr, DialUnix
	kListenUnix               // ListenUnix
	kUnixgram                 // ListenUnixgram
)

// listens reports whether functions of kind k bind a local address.
func (k kind) listens() bool {
	return k == kListen || k == kListenPacket
}

type netFunc struct {
	kind    kind
	network int // index of the network argument
	addr    int // index of the address argument (string or *XAddr); -1 if none
	listen  bool
	resolve bool // Resolve*Addr: the empty network is accepted
}

var netFuncs = callee.Table[netFunc]{
	"net.Dial":                         {kind: kDial, network: 0, addr: 1},
	"net.DialTimeout":                  {kind: kDial, network: 0, addr: 1},
	"(*net.Dialer).Dial":               {kind: kDial, network: 0, addr: 1},
	"(*net.Dialer).DialContext":        {kind: kDial, network: 1, addr: 2},
	"crypto/tls.Dial":                  {kind: kDial, network: 0, addr: 1},
	"crypto/tls.DialWithDialer":        {kind: kDial, network: 1, addr: 2},
	"(*crypto/tls.Dialer).Dial":        {kind: kDial, network: 0, addr: 1},
	"(*crypto/tls.Dialer).DialContext": {kind: kDial, network: 1, addr: 2},
	"net.Listen":                       {kind: kListen, network: 0, addr: 1, listen: true},
	"(*net.ListenConfig).Listen":       {kind: kListen, network: 1, addr: 2, listen: true},
	"crypto/tls.Listen":                {kind: kListen, network: 0, addr: 1, listen: true},
	"net.ListenPacket":                 {kind: kListenPacket, network: 0, addr: 1, listen: true},
	"(*net.ListenConfig).ListenPacket": {kind: kListenPacket, network: 1, addr: 2, listen: true},
	"net.ResolveTCPAddr":               {kind: kTCP, network: 0, addr: 1, resolve: true},
	"net.ListenTCP":                    {kind: kTCP, network: 0, addr: 1, listen: true},
	"net.DialTCP":                      {kind: kTCP, network: 0, addr: 2},
	"net.ResolveUDPAddr":               {kind: kUDP, network: 0, addr: 1, resolve: true},
	"net.ListenUDP":                    {kind: kUDP, network: 0, addr: 1, listen: true},
	"net.DialUDP":                      {kind: kUDP, network: 0, addr: 2},
	"net.ListenMulticastUDP":           {kind: kUDP, network: 0, addr: -1},
	"net.ResolveIPAddr":                {kind: kIP, network: 0, addr: 1, resolve: true},
	"net.ListenIP":                     {kind: kIPProto, network: 0, addr: -1},
	"net.DialIP":                       {kind: kIPProto, network: 0, addr: -1},
	"net.ResolveUnixAddr":              {kind: kUnix, network: 0, addr: -1, resolve: true},
	"net.DialUnix":                     {kind: kUnix, network: 0, addr: -1},
	"net.ListenUnix":                   {kind: kListenUnix, network: 0, addr: -1},
	"net.ListenUnixgram":               {kind: kUnixgram, network: 0, addr: -1},
	"net/http.ListenAndServe":          {kind: kListen, network: -1, addr: 0, listen: true},
	"net/http.ListenAndServeTLS":       {kind: kListen, network: -1, addr: 0, listen: true},
}

// A netCall is a call of a network function with what is known of its
// network and host.
type netCall struct {
	call     *ast.CallExpr
	fn       netFunc
	name     string // qualified function name
	network  string // "" if not constant (see netKnown)
	netKnown bool
	netArg   ast.Expr
	addrArg  ast.Expr
	host     host
}

// hostClass classifies the host part of an address.
type hostClass int

const (
	hostUnknown  hostClass = iota
	hostWildcard           // "" or "::" (both mean every address)
	hostV4                 // an IPv4 literal, 0.0.0.0 included
	hostMapped             // an IPv4-mapped IPv6 literal, ::ffff:a.b.c.d
	hostV6                 // any other IPv6 literal
	hostName               // a host name, such as localhost
)

type host struct {
	class     hostClass
	text      string // the host as written, without brackets
	port      string // the port if known ("" if not)
	portKnown bool
}

func (c *checker) netCall(call *ast.CallExpr) *netCall {
	fn, name, ok := netFuncs.Lookup(c.pass.TypesInfo, call)
	if !ok {
		return nil
	}
	nc := &netCall{call: call, fn: fn, name: name}
	if fn.network >= 0 {
		if fn.network >= len(call.Args) {
			return nil
		}
		nc.netArg = call.Args[fn.network]
		nc.network, nc.netKnown = c.values.String(nc.netArg)
	} else {
		nc.network, nc.netKnown = "tcp", true // net/http listens on "tcp"
	}
	if fn.addr >= 0 && fn.addr < len(call.Args) {
		nc.addrArg = call.Args[fn.addr]
		nc.host = c.hostOf(nc.addrArg, nc.network)
	}
	return nc
}

// hostOf classifies the host of an address argument: a string
// ("host:port", or a bare host for ip networks) or a *net.TCPAddr /
// *net.UDPAddr / *net.IPAddr composite literal.
func (c *checker) hostOf(e ast.Expr, network string) host {
	if t := c.pass.TypesInfo.TypeOf(e); t != nil {
		if callee.IsNamedType(t, "net", "TCPAddr") || callee.IsNamedType(t, "net", "UDPAddr") || callee.IsNamedType(t, "net", "IPAddr") {
			return c.hostOfAddrLit(e)
		}
	}
	shape := c.values.StringShape(e)
	if strings.HasPrefix(network, "ip") {
		if s, ok := shape.Known(); ok {
			return classify(s, "", false)
		}
		return host{}
	}
	if s, ok := shape.Known(); ok {
		if s == "" {
			return host{class: hostWildcard}
		}
		h, port, err := splitHostPort(s)
		if err != nil {
			return host{}
		}
		return classify(h, port, true)
	}
	// Partly known: "host:" + port, or "[v6]:" + port.
	prefix := shape.Prefix()
	if prefix == "" {
		return host{}
	}
	if strings.HasPrefix(prefix, "[") {
		if i := strings.Index(prefix, "]:"); i >= 0 {
			return classify(prefix[1:i], "", false)
		}
		return host{}
	}
	if strings.Count(prefix, ":") == 1 {
		return classify(prefix[:strings.IndexByte(prefix, ':')], "", false)
	}
	return host{}
}

// splitHostPort is net.SplitHostPort, which this package cannot call on
// the analyzed program's behalf without importing net; it is small.
func splitHostPort(s string) (h, port string, err error) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", "", errMissingPort
	}
	h, port = s[:i], s[i+1:]
	if strings.HasPrefix(h, "[") {
		if !strings.HasSuffix(h, "]") {
			return "", "", errMissingPort
		}
		h = h[1 : len(h)-1]
	} else if strings.Contains(h, ":") {
		return "", "", errMissingPort // unbracketed IPv6: fails, but not our check
	}
	return h, port, nil
}

type addrError string

func (e addrError) Error() string { return string(e) }

const errMissingPort = addrError("malformed address")

func classify(h, port string, portKnown bool) host {
	r := host{text: h, port: port, portKnown: portKnown}
	if h == "" {
		r.class = hostWildcard
		return r
	}
	if i := strings.IndexByte(h, '%'); i >= 0 { // zone: fe80::1%eth0
		h = h[:i]
	}
	a, err := netip.ParseAddr(h)
	switch {
	case err != nil:
		r.class = hostName
	case a.Is4():
		r.class = hostV4
	case a.Is4In6():
		r.class = hostMapped
	case a.IsUnspecified():
		r.class = hostWildcard
	default:
		r.class = hostV6
	}
	return r
}

// hostOfAddrLit classifies &net.TCPAddr{IP: ..., Port: ...} literals.
func (c *checker) hostOfAddrLit(e ast.Expr) host {
	e = ast.Unparen(e)
	if val, ok := c.values.Single(e); ok {
		e = ast.Unparen(val)
	}
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	lit, ok := e.(*ast.CompositeLit)
	if !ok {
		return host{}
	}
	var ip ast.Expr
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok && id.Name == "IP" {
				ip = kv.Value
			}
		} else if i == 0 {
			ip = elt // unkeyed: IP is the first field
		}
	}
	if ip == nil {
		return host{class: hostWildcard}
	}
	ip = ast.Unparen(ip)
	if id, ok := ip.(*ast.Ident); ok && id.Name == "nil" && c.pass.TypesInfo.Uses[id] == nil {
		return host{class: hostWildcard}
	}
	if obj := c.objOf(ip); obj != nil && obj.Pkg() != nil && obj.Pkg().Path() == "net" {
		switch obj.Name() {
		case "IPv4zero", "IPv4bcast", "IPv4allsys", "IPv4allrouter":
			return host{class: hostV4, text: "0.0.0.0"}
		case "IPv6zero", "IPv6unspecified":
			return host{class: hostWildcard, text: "::"}
		case "IPv6loopback":
			return host{class: hostV6, text: "::1"}
		}
	}
	if call, ok := ip.(*ast.CallExpr); ok {
		switch callee.CallName(c.pass.TypesInfo, call) {
		case "net.IPv4":
			return host{class: hostV4}
		case "net.ParseIP":
			if len(call.Args) == 1 {
				if s, ok := c.values.String(call.Args[0]); ok {
					h := classify(s, "", false)
					if h.class == hostName {
						return host{} // ParseIP fails: nil IP
					}
					return h
				}
			}
		}
	}
	return host{}
}

func (c *checker) objOf(e ast.Expr) types.Object {
	switch e := e.(type) {
	case *ast.Ident:
		return c.pass.TypesInfo.Uses[e]
	case *ast.SelectorExpr:
		return c.pass.TypesInfo.Uses[e.Sel]
	}
	return nil
}

// checkNetCalls runs WL2001–WL2005 on the network calls of one function.
func (c *checker) checkNetCalls(calls []*netCall) {
	// Networks listened on with a constant network, for split listeners.
	listened := make(map[string]bool)
	for _, nc := range calls {
		if nc.fn.listen && nc.netKnown {
			listened[nc.network] = true
		}
	}
	for _, nc := range calls {
		if !nc.netKnown {
			continue
		}
		if c.checkNetworkName(nc) {
			continue // an unknown network: the rest does not apply
		}
		c.checkFamily(nc, listened)
	}
}

// base returns the network without an ip protocol suffix: "ip4:icmp" → "ip4".
func base(network string) string {
	if i := strings.IndexByte(network, ':'); i >= 0 {
		return network[:i]
	}
	return network
}

func (c *checker) checkFamily(nc *netCall, listened map[string]bool) {
	net := base(nc.network)
	if nc.addrArg == nil || nc.host.class == hostUnknown {
		return
	}
	v4 := strings.HasSuffix(net, "4")
	v6 := strings.HasSuffix(net, "6")
	proto := strings.TrimRight(net, "46") // tcp, udp, ip
	switch {
	case v6 && nc.fn.listen && nc.host.class == hostWildcard && proto != "ip":
		// (Raw ip6 sockets are left alone: Go sets IPV6_V6ONLY only on
		// stream and datagram sockets, sotype != SOCK_RAW.)
		if listened[proto+"4"] {
			return // a tcp4 and a tcp6 listener: deliberately split
		}
		c.reportV6Only(nc, proto)
	case v6 && (nc.host.class == hostV4 || nc.host.class == hostMapped):
		WL2002.Report(c.pass, nc.addrArg,
			"%s with the IPv4 address %q always fails (no suitable address found); use %q, or an IPv6 address",
			strconv.Quote(nc.network), hostText(nc.host), proto)
	case v4 && nc.host.class == hostV6:
		WL2002.Report(c.pass, nc.addrArg,
			"%s with the IPv6 address %q always fails (no suitable address found); use %q, or an IPv4 address",
			strconv.Quote(nc.network), hostText(nc.host), proto)
	case v6 && proto != "ip" && nc.host.class == hostName:
		WL2002.Report(c.pass, nc.addrArg,
			"%s with the host name %q uses only the IPv6 addresses the name resolves to, which depend on the resolver and the machine (localhost is 127.0.0.1 only where IPv6 is off or the hosts file says so): there it fails with no suitable address; use %q, or the IPv6 literal you mean ([::1])",
			strconv.Quote(nc.network), nc.host.text, proto)
	case v4 && proto != "ip" && nc.host.class == hostName && !strings.EqualFold(nc.host.text, "localhost"):
		WL2002.Report(c.pass, nc.addrArg,
			"%s with the host name %q uses only the IPv4 addresses the name resolves to, which depend on its DNS records and the network: where it has IPv6 addresses only this fails with no suitable address; use %q, or an IPv4 literal",
			strconv.Quote(nc.network), nc.host.text, proto)
	case v4 && nc.fn.listen && nc.host.class == hostWildcard && nc.host.text == "::":
		WL2003.Report(c.pass, nc.addrArg,
			"%s on [::] binds 0.0.0.0 only: IPv6 clients cannot connect; use %q for both families, or write 0.0.0.0 if IPv4 only is meant",
			strconv.Quote(nc.network), proto)
	case (net == "tcp" || net == "udp") && nc.fn.listen && nc.host.class == hostName &&
		strings.EqualFold(nc.host.text, "localhost"):
		// Port 0 means the caller dials Listener.Addr(), the real address.
		// A port computed at run time is often 0 in tests: stay silent there.
		if nc.host.portKnown && nc.host.port == "0" || !nc.host.portKnown && syntax.IsTestFile(c.pass.Fset, nc.call.Pos()) {
			return
		}
		c.reportLocalhost(nc)
	}
}

func hostText(h host) string {
	if h.text == "" {
		return "0.0.0.0"
	}
	return h.text
}

func (c *checker) reportV6Only(nc *netCall, proto string) {
	var fixes []analysis.SuggestedFix
	if lit, ok := nc.netArg.(*ast.BasicLit); ok {
		fixes = []analysis.SuggestedFix{{
			Message: "Listen on " + strconv.Quote(proto) + " (dual-stack)",
			TextEdits: []analysis.TextEdit{{
				Pos: lit.Pos(), End: lit.End(), NewText: []byte(strconv.Quote(proto)),
			}},
		}}
	}
	what := "a wildcard address"
	if nc.host.text == "::" {
		what = "[::]"
	}
	WL2001.ReportFix(c.pass, nc.netArg, fixes,
		"%s on %s listens on IPv6 only (IPV6_V6ONLY=1): IPv4 clients cannot connect; use %q for a dual-stack listener",
		strconv.Quote(nc.network), what, proto)
}

func (c *checker) reportLocalhost(nc *netCall) {
	var fixes []analysis.SuggestedFix
	if lit, ok := nc.addrArg.(*ast.BasicLit); ok && nc.host.portKnown {
		fixes = []analysis.SuggestedFix{{
			Message: "Listen on 127.0.0.1 explicitly",
			TextEdits: []analysis.TextEdit{{
				Pos: lit.Pos(), End: lit.End(), NewText: []byte(strconv.Quote("127.0.0.1:" + nc.host.port)),
			}},
		}}
	}
	WL2005.ReportFix(c.pass, nc.addrArg, fixes,
		"listening on localhost binds one of its addresses only (127.0.0.1): clients that resolve localhost to ::1 first are refused or delayed; listen on 127.0.0.1 or [::1] explicitly, or on both")
}

// validNetworks lists, per kind, the networks the functions accept.
var validNetworks = map[kind][]string{
	kDial:         {"tcp", "tcp4", "tcp6", "udp", "udp4", "udp6", "ip:", "ip4:", "ip6:", "unix", "unixgram", "unixpacket"},
	kListen:       {"tcp", "tcp4", "tcp6", "unix", "unixpacket"},
	kListenPacket: {"udp", "udp4", "udp6", "ip:", "ip4:", "ip6:", "unixgram"},
	kTCP:          {"tcp", "tcp4", "tcp6"},
	kUDP:          {"udp", "udp4", "udp6"},
	kIP:           {"ip", "ip4", "ip6", "ip:", "ip4:", "ip6:"},
	kIPProto:      {"ip:", "ip4:", "ip6:"},
	kUnix:         {"unix", "unixgram", "unixpacket"},
	kListenUnix:   {"unix", "unixpacket"},
	kUnixgram:     {"unixgram"},
}

func valid(k kind, network string) bool {
	for _, v := range validNetworks[k] {
		if strings.HasSuffix(v, ":") {
			if strings.HasPrefix(network, v) && len(network) > len(v) {
				return true
			}
		} else if network == v {
			return true
		}
	}
	return false
}

// checkNetworkName reports WL2004 and says whether it did.
func (c *checker) checkNetworkName(nc *netCall) bool {
	if nc.netArg == nil {
		return false
	}
	network := nc.network
	if network == "" && nc.fn.resolve {
		return false // Resolve*Addr treat "" as the kind's default network
	}
	if valid(nc.fn.kind, network) {
		if c.windows && (base(network) == "unixgram" || base(network) == "unixpacket") && c.windowsOnly(nc.call) {
			WL2004.Report(c.pass, nc.netArg,
				"network %q is not supported on Windows (only \"unix\" stream sockets are); this call always fails there",
				network)
			return true
		}
		return false
	}
	fn := shortName(nc.name)
	lower := strings.ToLower(network)
	var fixes []analysis.SuggestedFix
	if lower != network && valid(nc.fn.kind, lower) {
		if lit, ok := nc.netArg.(*ast.BasicLit); ok {
			fixes = []analysis.SuggestedFix{{
				Message: "Use " + strconv.Quote(lower),
				TextEdits: []analysis.TextEdit{{
					Pos: lit.Pos(), End: lit.End(), NewText: []byte(strconv.Quote(lower)),
				}},
			}}
		}
		WL2004.ReportFix(c.pass, nc.netArg, fixes,
			"network names are case-sensitive: %s(%q) fails with \"unknown network\"; use %q", fn, network, lower)
		return true
	}
	switch {
	case network == "tcp46" || network == "udp46":
		WL2004.Report(c.pass, nc.netArg,
			"%s(%q) fails with \"unknown network\"; %q already covers IPv4 and IPv6", fn, network, network[:3])
	case valid(kDial, network) || valid(kIP, network):
		WL2004.Report(c.pass, nc.netArg, "%s does not accept network %q (it accepts %s); this call always fails",
			fn, network, describe(nc.fn.kind))
	default:
		WL2004.Report(c.pass, nc.netArg, "%s(%q) fails with \"unknown network\"; it accepts %s",
			fn, network, describe(nc.fn.kind))
	}
	return true
}

func describe(k kind) string {
	var names []string
	for _, v := range validNetworks[k] {
		if strings.HasSuffix(v, ":") {
			v += "<protocol>"
		}
		names = append(names, strconv.Quote(v))
	}
	return strings.Join(names, ", ")
}

// shortName turns "(*net.ListenConfig).Listen" into "net.ListenConfig.Listen"
// and "crypto/tls.Dial" into "tls.Dial", for messages.
func shortName(name string) string {
	name = strings.NewReplacer("(", "", ")", "", "*", "").Replace(name)
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	return name
}
