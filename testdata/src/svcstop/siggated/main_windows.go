// Silent: the service path and the console path are told apart with
// svc.IsWindowsService; the console path Notifies.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sys/windows/svc"
)

type handler struct{}

func (handler) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop | svc.AcceptShutdown}
	for c := range r {
		switch c.Cmd {
		case svc.Stop, svc.Shutdown:
			return false, 0
		}
	}
	return false, 0
}

func main() {
	inService, err := svc.IsWindowsService()
	if err != nil {
		os.Exit(1)
	}
	if inService {
		svc.Run("gated", handler{})
		return
	}
	console()
}

func console() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	<-c
}
