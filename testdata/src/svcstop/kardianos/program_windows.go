// want package:"servicePackage"

// WL5006, WL5007 and the Stop half of WL5005: kardianos/service programs.
package kardianos

import (
	"log"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/kardianos/service"
)

// Positive WL5006: serves in Start.
type serves struct{}

func (p *serves) Start(s service.Service) error {
	return http.ListenAndServe(":8080", nil) // want `serves.Start does not return \(http.ListenAndServe serves until the server is closed\)`
}

func (p *serves) Stop(s service.Service) error { return nil }

// Positive WL5006: select {} in Start.
type parks struct{}

func (p parks) Start(s service.Service) error {
	go work()
	select {} // want `parks.Start does not return \(select \{\} blocks forever\)`
}

func (p parks) Stop(s service.Service) error { return nil }

func work() {}

// Positive WL5006: Start calls the run loop without go.
type direct struct{ ln net.Listener }

func (p *direct) Start(s service.Service) error {
	p.run() // want `direct.Start does not return \(run does not return\)`
	return nil
}

func (p *direct) run() {
	for {
		conn, err := p.ln.Accept()
		if err != nil {
			continue
		}
		conn.Close()
	}
}

func (p *direct) Stop(s service.Service) error { return p.ln.Close() }

// Positive WL5005: os.Exit and log.Fatal in Stop.
type exiter struct{}

func (p *exiter) Start(s service.Service) error { return nil }

func (p *exiter) Stop(s service.Service) error {
	if err := cleanup(); err != nil {
		log.Fatal(err) // want `log.Fatal in exiter.Stop ends the process`
	}
	os.Exit(0) // want `os.Exit in exiter.Stop ends the process`
	return nil
}

func cleanup() error { return nil }

// Positive WL5007: Start runs a server in a goroutine, Stop does nothing.
type abandons struct{ srv *http.Server }

func (p *abandons) Start(s service.Service) error {
	p.srv = &http.Server{Addr: ":8080"}
	go p.srv.ListenAndServe()
	return nil
}

func (p *abandons) Stop(s service.Service) error { // want `abandons.Stop does nothing while Start runs http.Server.ListenAndServe until it is stopped`
	return nil
}

// Positive WL5007: an endless worker loop.
type ticker struct{}

func (p ticker) Start(s service.Service) error {
	go p.loop()
	return nil
}

func (p ticker) loop() {
	for {
		time.Sleep(time.Second)
	}
}

func (p ticker) Stop(s service.Service) error { return nil } // want `ticker.Stop does nothing while Start runs loop until it is stopped`

// Positive WL5007: a goroutine literal that parks.
type parked struct{}

func (parked) Start(s service.Service) error {
	go func() {
		work()
		select {}
	}()
	return nil
}

func (parked) Stop(s service.Service) error { return nil } // want `parked.Stop does nothing`

// Silent: Start returns; Stop closes the server.
type good struct{ srv *http.Server }

func (p *good) Start(s service.Service) error {
	p.srv = &http.Server{Addr: ":8080"}
	go func() {
		if err := p.srv.ListenAndServe(); err != nil {
			log.Print(err)
		}
	}()
	return nil
}

func (p *good) Stop(s service.Service) error { return p.srv.Close() }

// Silent: Start waits for readiness with a loop that ends.
type waitsReady struct{ ready chan bool }

func (p *waitsReady) Start(s service.Service) error {
	go func() { p.ready <- true }()
	for {
		if <-p.ready {
			break
		}
	}
	return nil
}

func (p *waitsReady) Stop(s service.Service) error { return nil }

// Silent: not a service.Interface (Stop has another signature).
type notService struct{}

func (notService) Start(s service.Service) error { select {} }
func (notService) Stop() error                   { os.Exit(1); return nil }

// Silent: kardianos's example/runner exits in Stop only when interactive.
type runner struct{ exit chan struct{} }

func (p *runner) Start(s service.Service) error { return nil }

func (p *runner) Stop(s service.Service) error { // want Stop:"testsService"
	close(p.exit)
	if service.Interactive() {
		os.Exit(0)
	}
	return nil
}

// Positive WL5007: a Stop that only logs while Start's worker loops.
type logsOnly struct{ logger service.Logger }

func (p *logsOnly) Start(s service.Service) error {
	go p.work()
	return nil
}

func (p *logsOnly) work() {
	for {
		time.Sleep(time.Minute)
	}
}

func (p *logsOnly) Stop(s service.Service) error { // want `logsOnly.Stop does nothing while Start runs work until it is stopped`
	p.logger.Info("stopping")
	return nil
}

// Silent: a Stop that logs and signals the worker.
type logsAndStops struct {
	logger service.Logger
	quit   chan struct{}
}

func (p *logsAndStops) Start(s service.Service) error {
	go p.work()
	return nil
}

func (p *logsAndStops) work() {
	for {
		select {
		case <-p.quit:
			return
		case <-time.After(time.Minute):
		}
	}
}

func (p *logsAndStops) Stop(s service.Service) error {
	p.logger.Info("stopping")
	close(p.quit)
	return nil
}
