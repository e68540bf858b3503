package main

import "net"

// platformListen opens the Linux-only listener.
func platformListen() error {
	ln, err := net.Listen("TCP", ":80")
	if err != nil {
		return err
	}
	return ln.Close()
}
