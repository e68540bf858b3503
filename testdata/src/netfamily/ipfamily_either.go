package netfamily

// WL2007 on net.IP values that may hold either form of an IPv4 address
// (parameters, struct fields, socket and resolver results): a length test
// that picks between the families sends 16-byte IPv4 addresses down the
// IPv6 path. Length tests that check validity stay silent.

import (
	"encoding/binary"
	"errors"
	"net"
)

// The shape of projectcalico/felix#1359: a family helper on a parameter.
func isIPv4(ip net.IP) bool {
	return len(ip) == net.IPv4len // want `len\(ip\) == net.IPv4len: ip may hold an IPv4 address in its 16-byte form \(IPv4-mapped, as net.ParseIP and dual-stack sockets give it\), so this length test does not tell the families apart; use ip.To4\(\) != nil`
}

func isIPv6(ip net.IP) bool {
	return len(ip) == net.IPv6len // want `use ip.To4\(\) == nil`
}

type peer struct {
	IP   net.IP
	Port int
}

// A struct field dispatched on by length (PeernetOfficial/core#19).
func (p *peer) network() string {
	if len(p.IP) == net.IPv4len { // want `len\(p.IP\) == net.IPv4len: p.IP may hold an IPv4 address`
		return "udp4"
	} else {
		return "udp6"
	}
}

// Stats per family from a resolved address (chihaya/chihaya#33).
func countFamily(addr *net.UDPAddr, v4, v6 *int) {
	if len(addr.IP) == net.IPv6len { // want `len\(addr.IP\) == net.IPv6len: addr.IP may hold`
		*v6++
	} else {
		*v4++
	}
}

// Silent: the family tested with To4.
func isIPv4OK(ip net.IP) bool {
	return ip.To4() != nil
}

// Silent: validity checks.
func encodeV4(ip net.IP) (uint32, error) {
	ip4 := ip.To4()
	if len(ip4) != net.IPv4len {
		return 0, errors.New("not an IPv4 address")
	}
	return binary.BigEndian.Uint32(ip4), nil
}

func validIP(ip net.IP) bool {
	return len(ip) == net.IPv4len || len(ip) == net.IPv6len
}

func mustBe16(ip net.IP) [16]byte {
	var a [16]byte
	if len(ip) == net.IPv6len {
		copy(a[:], ip)
	}
	return a
}

// Silent: a parsed address whose 16-byte length only says the parse worked.
func parsedOK(s string) (net.IP, bool) {
	ip := net.ParseIP(s)
	if len(ip) == net.IPv6len {
		return ip, true
	}
	return nil, false
}

// Silent: bytes whose length is fixed by how they were made.
func fromWire(b []byte) string {
	ip := net.IP(b[:4])
	if len(ip) == net.IPv4len {
		return ip.String()
	} else {
		return ""
	}
}

// Silent: the shapes of net's own IP methods. The IPv4 form is handled
// with To4 first, a length check lists both sizes, or the bytes are
// indexed (len(ip) == 16 guards ip[0]).

func isULA(ip net.IP) bool {
	if ip4 := ip.To4(); ip4 != nil {
		return false
	}
	return len(ip) == net.IPv6len && ip[0]&0xfe == 0xfc
}

func isIfaceLocalMulticast(ip net.IP) bool {
	return len(ip) == net.IPv6len && ip[0] == 0xff && ip[1]&0x0f == 0x01
}

func bufferFor(ip net.IP) []byte {
	if len(ip) != net.IPv4len && len(ip) != net.IPv6len {
		return nil
	}
	switch len(ip) {
	case net.IPv4len:
		return make([]byte, 0, 15)
	case net.IPv6len:
		return make([]byte, 0, 39)
	}
	return nil
}

// Silent: an encoder that checks the IP against its mask's length works on
// the representation (the shape of miekg/dns packDataAplPrefix).
func familyCode(n net.IPNet) (uint16, error) {
	if len(n.IP) != len(n.Mask) {
		return 0, errors.New("address and mask lengths don't match")
	}
	switch len(n.IP) {
	case net.IPv4len:
		return 1, nil
	case net.IPv6len:
		return 2, nil
	}
	return 0, errors.New("unrecognized address family")
}
