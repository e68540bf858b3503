// WL5005: process exits and blocking work on the stop path.
package handler

import (
	"log"
	"net/http"
	"os"
	"sync"
	"time"

	"golang.org/x/sys/windows/svc"
)

// Positive: os.Exit on Stop.
type exits struct{}

func (exits) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for c := range r {
		if c.Cmd == svc.Stop {
			os.Exit(0) // want `os.Exit in exits.Execute ends the process before Execute returns`
		}
	}
	return false, 0
}

// Positive: log.Fatal on a start failure inside Execute.
type fatal struct{ start func() error }

func (f fatal) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	if err := f.start(); err != nil {
		log.Fatalf("start: %v", err) // want `log.Fatalf in fatal.Execute ends the process`
	}
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for c := range r {
		if c.Cmd == svc.Stop {
			break
		}
	}
	return false, 0
}

// Positive: waiting for workers before StopPending, in the case and after
// the loop the case breaks out of.
type waits struct {
	wg  sync.WaitGroup
	srv *http.Server
}

func (w *waits) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop | svc.AcceptShutdown}
loop:
	for c := range r {
		switch c.Cmd {
		case svc.Stop, svc.Shutdown:
			w.srv.Shutdown(nil) // want `http.Server.Shutdown runs after waits.Execute receives svc.Stop and before it reports svc.StopPending`
			break loop
		}
	}
	w.wg.Wait() // want `wg.Wait\(\) runs after waits.Execute receives svc.Stop`
	changes <- svc.Status{State: svc.StopPending}
	return false, 0
}

// Positive: a long sleep before StopPending.
type sleeps struct{}

func (sleeps) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for c := range r {
		if c.Cmd == svc.Stop {
			time.Sleep(5 * time.Second) // want `time.Sleep runs after sleeps.Execute receives svc.Stop`
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
	return false, 0
}

// Silent: StopPending first, then the wait.
type pendingFirst struct{ wg sync.WaitGroup }

func (p *pendingFirst) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
loop:
	for c := range r {
		switch c.Cmd {
		case svc.Stop:
			changes <- svc.Status{State: svc.StopPending, WaitHint: 10000}
			break loop
		}
	}
	p.wg.Wait()
	return false, 0
}

// Silent: a short sleep and logging before StopPending; exit in a
// different function.
type quick struct{}

func (quick) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for c := range r {
		if c.Cmd == svc.Stop {
			log.Print("stopping")
			time.Sleep(100 * time.Millisecond)
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
	return false, 0
}

func fatalOutsideHandler() {
	log.Fatal("not in a handler")
}

// Silent: the wait runs in a goroutine.
type background struct{ wg sync.WaitGroup }

func (b *background) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for c := range r {
		if c.Cmd == svc.Stop {
			go b.wg.Wait()
			changes <- svc.Status{State: svc.StopPending}
			return false, 0
		}
	}
	return false, 0
}

// Silent: a watchdog goroutine that kills a deadlocked shutdown (the shape
// of wireguard-windows' tunnel service).
type watchdog struct{}

func (watchdog) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	defer func() {
		stopIt := make(chan bool, 1)
		go func() {
			t := time.NewTicker(30 * time.Second)
			select {
			case <-t.C:
				os.Exit(777)
			case <-stopIt:
				t.Stop()
			}
		}()
		stopIt <- true
	}()
	for c := range r {
		if c.Cmd == svc.Stop {
			break
		}
	}
	return false, 0
}

// Silent: an exit only when not running as a service.
type consoleExit struct{}

func (consoleExit) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) { // want Execute:"testsService"
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	for c := range r {
		if c.Cmd == svc.Stop {
			if inService, _ := svc.IsWindowsService(); !inService {
				os.Exit(0)
			}
			break
		}
	}
	return false, 0
}
