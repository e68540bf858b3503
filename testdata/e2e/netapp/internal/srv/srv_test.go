package srv

import (
	"net"
	"testing"
)

// Test files are analysed too, as go vet does.
func TestServe(t *testing.T) {
	ln, err := net.Listen("TCP4", "127.0.0.1:0")
	if err != nil {
		t.Skip(err)
	}
	ln.Close()
	Serve(ln)
}
