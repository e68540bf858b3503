package main

import "net"

// platformListen listens on localhost, in the Windows build only: WL2005.
func platformListen() error {
	ln, err := net.Listen("tcp", "localhost:9000")
	if err != nil {
		return err
	}
	return ln.Close()
}
