package netfamily

// WL2006 in tests: the host comes from the test's own configuration,
// which only ever holds IPv4 literals, so host:port by hand is fine there.

import (
	"fmt"
	"net"
	"strconv"
	"testing"
)

type testServerConfig struct {
	Host string
	Port int
}

var defaultTestConfig = testServerConfig{Host: "127.0.0.1", Port: 0}

func TestServeConfig(t *testing.T) {
	cfg := testServerConfig{Host: "127.0.0.1", Port: 18080}
	ln, err := net.Listen("tcp", fmt.Sprintf("%s:%d", cfg.Host, cfg.Port))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	c, err := net.Dial("tcp", defaultTestConfig.Host+":"+strconv.Itoa(cfg.Port))
	if err == nil {
		c.Close()
	}
}

// A test configuration that may hold an IPv6 host still breaks.
type dualConfig struct{ Addr string }

func TestDualStack(t *testing.T) {
	for _, cfg := range []dualConfig{{Addr: "127.0.0.1"}, {Addr: "::1"}} {
		ln, err := net.Listen("tcp", cfg.Addr+":0") // want `address built with string concatenation is passed to net.Listen`
		if err != nil {
			t.Fatal(err)
		}
		ln.Close()
	}
}

// A table-driven test whose hosts are IPv4 literals of its own table.
func TestDialTable(t *testing.T) {
	tests := []struct {
		name string
		host string
		port int
	}{
		{"loopback", "127.0.0.1", 18081},
		{name: "any", host: "0.0.0.0", port: 18082},
	}
	for _, tt := range tests {
		ln, err := net.Listen("tcp", fmt.Sprintf("%s:%d", tt.host, tt.port))
		if err != nil {
			t.Fatal(err)
		}
		ln.Close()
	}
}
