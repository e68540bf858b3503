package netfamily

import (
	"net"
	"os"
	"testing"
)

// In tests a port computed at run time is usually 0; stay silent there.
func TestLocalhostPortFromEnv(t *testing.T) {
	net.Listen("tcp", "localhost:"+os.Getenv("PORT"))
	net.Listen("tcp", "localhost:8080") // want `listening on localhost`
}
