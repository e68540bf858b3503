// WL6001 positive: the default logger writes to os.Stderr; the -ldflags
// word quoted whole, as go generate wants it, behind an env wrapper.
package main

//go:generate env CGO_ENABLED=0 go build "-ldflags=-H windowsgui" ./ // want `writes to the console \(log.Printf \(the default logger writes to os.Stderr\) at line 10\)`

import "log"

func main() {
	log.Printf("starting")
}
