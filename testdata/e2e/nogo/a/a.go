// Package a uses package b's helpers: whether a file passed to one of them
// is closed is known only through the facts the filehandle analyzer
// exported while analysing b.
package a

import (
	"fmt"
	"net"
	"os"

	"example.com/nogofix/b"
)

// Serve listens on IPv6 only (WL2001).
func Serve() error {
	ln, err := net.Listen("tcp6", ":8080")
	if err != nil {
		return err
	}
	return ln.Close()
}

// Local listens on one loopback address only (WL2005), which
// nogo_config.json turns off (analyzer_flags).
func Local() (net.Listener, error) {
	return net.Listen("tcp", "localhost:8081")
}

// Sum closes its file through b.CloseQuietly: no finding.
func Sum(name string) (uint32, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	defer b.CloseQuietly(f)
	return b.Checksum(f)
}

// SumLeak only lends its file to b.Checksum, which does not close it
// (WL1001).
func SumLeak(name string) (uint32, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	return b.Checksum(f)
}

// Log never closes the file b.OpenLog returns (WL1001).
func Log(name, msg string) error {
	lf, err := b.OpenLog(name)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(lf, msg)
	return err
}
