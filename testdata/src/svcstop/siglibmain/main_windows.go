// WL5008 across packages: the service runs in a library.
package main

import (
	"os"
	"os/signal"

	"golang.org/x/sys/windows/svc"

	"svcstop/siglib"
)

type handler struct{}

func (handler) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for c := range r {
		if c.Cmd == svc.Stop {
			break
		}
	}
	return false, 0
}

func main() {
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c) // want `this program runs as a Windows service and signal.Notify asks for every signal`
		<-c
		os.Exit(1)
	}()
	siglib.RunService("lib", handler{})
}
