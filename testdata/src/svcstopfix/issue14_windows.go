// Fixes that must compile (issue 14): Accepts added to a literal with a
// trailing comma, and os.Interrupt where a parameter named os shadows the
// package.
package svcstopfix

import (
	"os"
	"os/signal"
	"syscall"

	"golang.org/x/sys/windows/svc"
)

type trailingComma struct{}

func (trailingComma) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	accepted := svc.AcceptStop | svc.AcceptShutdown | svc.AcceptPauseAndContinue
	changes <- svc.Status{State: svc.Running, Accepts: accepted}
	for c := range r {
		switch c.Cmd {
		case svc.Continue:
			changes <- svc.Status{ // want `svc.Running status sent with no Accepts`
				State: svc.Running, // running again
			}
		case svc.Stop, svc.Shutdown:
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
	return false, 0
}

func Wait(os []string) {
	c := make(chan os2, 1)
	signal.Notify(c, syscall.SIGTERM) // want `asks for SIGTERM but not os.Interrupt`
	<-c
}

type os2 = os.Signal
