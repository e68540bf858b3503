// A fixture whose expectation is wrong on purpose: the harness must fail.
package wrongwant

import "net"

func f() {
	net.Listen("tcp6", ":8080") // want `this message is not what netfamily says`
}
