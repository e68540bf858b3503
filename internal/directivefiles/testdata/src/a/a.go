// Package a has directives in a.go (reported once, at the first) and none
// in b.go.
package a

import "net"

func listen() (net.Listener, error) {
	return net.Listen("tcp", ":8080") //winlint:ignore WL2001 reached from other hosts on purpose // want "file holds winlint directives"
}

//winlint:ignore WL2002 a second directive in the same file is not reported again
func other() {}
