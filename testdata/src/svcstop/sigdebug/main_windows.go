// Silent: svc/debug's console mode next to the service (as in the x/sys
// example); the debug path is where signals matter.
package main

import (
	"flag"
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sys/windows/svc"
	"golang.org/x/sys/windows/svc/debug"
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
	isDebug := flag.Bool("debug", false, "run in the console")
	flag.Parse()
	run := svc.Run
	if *isDebug {
		run = debug.Run
		c := make(chan os.Signal, 1)
		signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	}
	run("debugged", handler{})
}
