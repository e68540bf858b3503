// want package:"servicePackage"

// WL5002: accepted controls and handled commands.
package handler

import (
	"golang.org/x/sys/windows/svc"
)

// Positive: Shutdown handled, never accepted (Accepts in a named constant).
type noShutdown struct{}

func (noShutdown) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	const accepted = svc.AcceptStop
	changes <- svc.Status{State: svc.Running, Accepts: accepted}
	for c := range r {
		switch c.Cmd {
		case svc.Interrogate:
			changes <- c.CurrentStatus
		case svc.Stop, svc.Shutdown: // want `svc.Shutdown is handled but no status sent by noShutdown.Execute accepts svc.AcceptShutdown`
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
	return false, 0
}

// Positive: Accepts held in a variable; if-chain; Stop accepted but
// never handled... and Pause handled but not accepted.
type ifChain struct{}

func (ifChain) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	accepts := svc.AcceptShutdown | svc.AcceptStop // want `ifChain.Execute accepts svc.AcceptStop but never handles svc.Stop`
	changes <- svc.Status{State: svc.Running, Accepts: accepts}
	for c := range r {
		if c.Cmd == svc.Interrogate {
			changes <- c.CurrentStatus
		} else if c.Cmd == svc.Pause { // want `svc.Pause is handled but no status .* accepts svc.AcceptPauseAndContinue`
			changes <- svc.Status{State: svc.Paused, Accepts: accepts}
		} else if c.Cmd == svc.Shutdown {
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
	return false, 0
}

// Positive: Stop handled in a tagless switch... Accepts literal lacks
// AcceptStop.
type noStop struct{}

func (noStop) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.Accepted(svc.AcceptShutdown)}
	for {
		c := <-r
		switch c.Cmd {
		case svc.Stop: // want `svc.Stop is handled .*error 1052`
			return false, 0
		case svc.Shutdown:
			return false, 0
		}
	}
}

// Silent: a default branch keeps looping; Interrogate not listed.
type withDefault struct{}

func (withDefault) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	const cmdsAccepted = svc.AcceptStop | svc.AcceptShutdown | svc.AcceptPauseAndContinue
	changes <- svc.Status{State: svc.Running, Accepts: cmdsAccepted}
	for c := range r {
		switch c.Cmd {
		case svc.Stop, svc.Shutdown:
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		default:
			// Pause and Continue are ignored here on purpose.
		}
	}
	return false, 0
}

// Silent: the if-chain ends in else, which stops on anything else.
type elseStops struct{}

func (elseStops) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	var acc svc.Accepted
	acc = svc.AcceptStop | svc.AcceptShutdown
	changes <- svc.Status{State: svc.Running, Accepts: acc}
	for c := range r {
		if c.Cmd == svc.Interrogate {
			changes <- c.CurrentStatus
		} else {
			break
		}
	}
	changes <- svc.Status{State: svc.StopPending}
	return false, 0
}

// Silent: Accepts computed at run time: accepted controls unknown.
type computed struct{ pausable bool }

func (p computed) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	acc := svc.AcceptStop
	if p.pausable {
		acc |= svc.AcceptPauseAndContinue
	}
	changes <- svc.Status{State: svc.Running, Accepts: acc}
	for c := range r {
		switch c.Cmd {
		case svc.Pause:
			changes <- svc.Status{State: svc.Paused, Accepts: acc}
		case svc.Continue:
			changes <- svc.Status{State: svc.Running, Accepts: acc}
		case svc.Stop:
			return false, 0
		}
	}
	return false, 0
}

// Silent: the kardianos/service Windows handler, reproduced.
type kardianosHandler struct{ start, stop func() error }

func (ws *kardianosHandler) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	const cmdsAccepted = svc.AcceptStop | svc.AcceptShutdown
	changes <- svc.Status{State: svc.StartPending}

	if err := ws.start(); err != nil {
		return true, 1
	}

	changes <- svc.Status{State: svc.Running, Accepts: cmdsAccepted}
loop:
	for {
		c := <-r
		switch c.Cmd {
		case svc.Interrogate:
			changes <- c.CurrentStatus
		case svc.Stop:
			changes <- svc.Status{State: svc.StopPending}
			if err := ws.stop(); err != nil {
				return true, 2
			}
			break loop
		case svc.Shutdown:
			changes <- svc.Status{State: svc.StopPending}
			if err := ws.stop(); err != nil {
				return true, 2
			}
			break loop
		default:
			continue loop
		}
	}

	return false, 0
}
