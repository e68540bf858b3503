// WL5008: an x/sys service that shuts down on SIGTERM.
package main

import (
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sys/windows/svc"
)

type service struct{ stop chan struct{} }

func (s *service) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop | svc.AcceptShutdown}
	for {
		select {
		case <-s.stop:
			return false, 0
		case c := <-r:
			switch c.Cmd {
			case svc.Stop, svc.Shutdown:
				return false, 0
			}
		}
	}
}

func main() {
	s := &service{stop: make(chan struct{})}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM) // want `this program runs as a Windows service and signal.Notify asks for syscall.SIGTERM: Windows raises SIGTERM in a service when any user logs off`
	go func() {
		<-sig
		close(s.stop)
	}()
	run(s)
}

func run(h svc.Handler) {
	svc.Run("sigsvc", h)
}
