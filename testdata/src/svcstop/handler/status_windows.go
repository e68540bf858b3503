// WL5003 and WL5004: statuses without Accepts, handlers never Running.
package handler

import (
	"golang.org/x/sys/windows/svc"
)

// Positive WL5003: Running without Accepts.
type bareRunning struct{}

func (bareRunning) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running} // want `svc.Running status sent with no Accepts: .*error 1052`
	for c := range r {
		if c.Cmd == svc.Stop {
			return false, 0
		}
	}
	return false, 0
}

// Positive WL5003: Continue resets Running without Accepts; Paused too.
type pauseResets struct{}

func (pauseResets) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	const acc = svc.AcceptStop | svc.AcceptPauseAndContinue
	changes <- svc.Status{State: svc.Running, Accepts: acc}
	for c := range r {
		switch c.Cmd {
		case svc.Pause:
			changes <- svc.Status{State: svc.Paused} // want `svc.Paused status sent with no Accepts`
		case svc.Continue:
			changes <- svc.Status{svc.Running, 0, 0, 0, 0, 0, 0} // want `svc.Running status sent with no Accepts`
		case svc.Stop:
			return false, 0
		}
	}
	return false, 0
}

// Positive WL5004: never Running.
type neverRunning struct{}

func (neverRunning) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) { // want `neverRunning.Execute never reports svc.Running: the service stays START_PENDING`
	changes <- svc.Status{State: svc.StartPending}
	for c := range r {
		if c.Cmd == svc.Stop {
			return false, 0
		}
	}
	return false, 0
}

// Positive WL5004: no status at all.
type silentHandler struct{}

func (silentHandler) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) { // want `silentHandler.Execute never reports svc.Running`
	<-r
	return false, 0
}

// Positive WL5004: only pending states, via a variable.
type pendingOnly struct{}

func (pendingOnly) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) { // want `pendingOnly.Execute never reports svc.Running`
	st := svc.Status{State: svc.StartPending, WaitHint: 30000}
	changes <- st
	for range r {
		changes <- svc.Status{State: svc.StopPending}
		return false, 0
	}
	return false, 0
}

// Silent: Running sent through a variable whose value is known.
type viaVar struct{}

func (viaVar) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	running := svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	changes <- running
	for c := range r {
		if c.Cmd == svc.Stop {
			return false, 0
		}
	}
	return false, 0
}

// Silent: statuses built by a function we do not follow.
type builtStatus struct{}

func status(s svc.State) svc.Status { return svc.Status{State: s, Accepts: svc.AcceptStop} }

func (builtStatus) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- status(svc.Running)
	for c := range r {
		if c.Cmd == svc.Stop {
			return false, 0
		}
	}
	return false, 0
}

// Silent: Accepts given positionally.
type positional struct{}

func (positional) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{svc.Running, svc.AcceptStop, 0, 0, 0, 0, 0}
	for c := range r {
		if c.Cmd == svc.Stop {
			return false, 0
		}
	}
	return false, 0
}

// Silent: the status channel is stored for another goroutine.
type stored struct{ changes chan<- svc.Status }

func (s *stored) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	s.changes = changes
	for c := range r {
		if c.Cmd == svc.Stop {
			return false, 0
		}
	}
	return false, 0
}
