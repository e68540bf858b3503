package main

import "net"

// platformListen opens the Windows-only listener.
func platformListen() error {
	ln, err := net.Listen("tcp4", "[::1]:80")
	if err != nil {
		return err
	}
	return ln.Close()
}
