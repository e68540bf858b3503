// Silent: the gate lives in a library.
package main

import (
	"os"
	"os/signal"
	"syscall"

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
	if siglib.InService() {
		siglib.RunService("lib", handler{})
		return
	}
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM, os.Interrupt)
	<-c
}
