package handler

// WL5005: long cleanup before StopPending, hidden in a helper or in a
// channel receive. The SCM's clock (20 s at shutdown, 30 s for a stop
// request by default) runs from the control; without STOP_PENDING and a
// wait hint the service is shown as hung and killed (error 1053).

import (
	"context"
	"log"
	"net/http"
	"sync"
	"time"

	"golang.org/x/sys/windows/svc"
)

type agent struct {
	wg     sync.WaitGroup
	srv    *http.Server
	cancel context.CancelFunc
	done   chan struct{}
}

// shutdown drains the workers: it blocks.
func (a *agent) shutdown() {
	a.cancel()
	a.srv.Shutdown(context.Background())
	a.wg.Wait()
}

func (a *agent) flush() { a.drain() }

func (a *agent) drain() { <-a.done }

// Positive: the helper runs the whole drain before StopPending.
type helperFirst struct{ a *agent }

func (h *helperFirst) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop | svc.AcceptShutdown}
	for c := range r {
		switch c.Cmd {
		case svc.Stop, svc.Shutdown:
			h.a.shutdown() // want `h.a.shutdown\(\) waits for other work \(http.Server.Shutdown\) after helperFirst.Execute receives svc.Stop and before it reports svc.StopPending`
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
	return false, 0
}

// Positive: waiting for the worker's done channel, directly and two calls
// deep.
type receiveFirst struct{ a *agent }

func (h *receiveFirst) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for c := range r {
		if c.Cmd == svc.Stop {
			h.a.cancel()
			<-h.a.done  // want `receiving from h.a.done waits for other work after receiveFirst.Execute receives svc.Stop`
			h.a.flush() // want `h.a.flush\(\) waits for other work \(receiving from a.done\)`
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
	return false, 0
}

// Silent: StopPending with a wait hint first, then the same cleanup.
type pendingThenHelper struct{ a *agent }

func (h *pendingThenHelper) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop | svc.AcceptShutdown}
	for c := range r {
		switch c.Cmd {
		case svc.Stop, svc.Shutdown:
			changes <- svc.Status{State: svc.StopPending, WaitHint: 30000}
			h.a.shutdown()
			<-h.a.done
			return false, 0
		}
	}
	return false, 0
}

// Silent: quick helpers, a polling select and a bounded wait.
func (a *agent) signalStop() {
	log.Print("stopping")
	a.cancel()
}

type quickHelper struct{ a *agent }

func (h *quickHelper) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for c := range r {
		if c.Cmd == svc.Stop {
			h.a.signalStop()
			select {
			case <-h.a.done:
			default:
			}
			<-time.After(50 * time.Millisecond)
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
	return false, 0
}
