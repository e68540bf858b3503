// WL5001: handlers that never receive from their request channel, and
// handlers that do, directly or through a helper.
package handler

import (
	"time"

	"golang.org/x/sys/windows/svc"
)

// Positive: r is never read.
type sleeper struct{}

func (s *sleeper) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) { // want `sleeper.Execute never receives from its request channel r: .*error 1053`
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for {
		time.Sleep(time.Second)
	}
}

// Positive: the request channel is blank.
type blank struct{}

func (blank) Execute(args []string, _ <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) { // want `blank.Execute never receives from its request channel: `
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	select {}
}

// Positive: a helper is given the status channel only; r is dropped.
type helperNoRecv struct{ done chan struct{} }

func (h *helperNoRecv) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) { // want `helperNoRecv.Execute never receives`
	h.report(changes)
	<-h.done
	return false, 0
}

func (h *helperNoRecv) report(s chan<- svc.Status) {
	s <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
}

// Silent: Execute delegates the loop to a helper method.
type delegating struct{}

func (d *delegating) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.StartPending}
	return d.loop(r, changes)
}

func (d *delegating) loop(req <-chan svc.ChangeRequest, st chan<- svc.Status) (bool, uint32) {
	st <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop | svc.AcceptShutdown}
	for {
		c := <-req
		switch c.Cmd {
		case svc.Interrogate:
			st <- c.CurrentStatus
		case svc.Stop, svc.Shutdown:
			st <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
}

// Silent: the channel goes to another package's code, which we cannot see.
type forwarding struct{ inner svc.Handler }

func (f *forwarding) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	return f.inner.Execute(args, r, changes)
}

// Silent: the loop runs in a goroutine literal.
type goroutineLoop struct{}

func (g goroutineLoop) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	done := make(chan struct{})
	go func() {
		for c := range r {
			if c.Cmd == svc.Stop {
				close(done)
				return
			}
		}
	}()
	<-done
	changes <- svc.Status{State: svc.StopPending}
	return false, 0
}

// Silent: not a handler (different signature).
type notHandler struct{}

func (notHandler) Execute(args []string, r <-chan int) {}
