// Silent: a kardianos/service program that Notifies only when interactive.
package main

import (
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/kardianos/service"
)

type program struct{ quit chan struct{} }

func (p *program) Start(s service.Service) error {
	if service.Interactive() {
		go func() {
			c := make(chan os.Signal, 1)
			signal.Notify(c, os.Interrupt, syscall.SIGTERM)
			<-c
			close(p.quit)
		}()
	}
	return nil
}

func (p *program) Stop(s service.Service) error {
	close(p.quit)
	return nil
}

func main() {
	s, err := service.New(&program{quit: make(chan struct{})}, &service.Config{Name: "gated"})
	if err != nil {
		log.Fatal(err)
	}
	s.Run()
}
