// A fixture with a correct expectation in a _windows.go file.
package ok

import "net"

func f() {
	net.Listen("tcp6", ":8080") // want `listens on IPv6 only`
}
