// WL5008: a kardianos/service program whose Start shuts down on any signal.
package main

import (
	"context"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/kardianos/service"
)

type program struct{ cancel context.CancelFunc }

func (p *program) Start(s service.Service) error {
	go func() {
		c := make(chan os.Signal, 1)
		signal.Notify(c) // want `signal.Notify asks for every signal \(no signal list\)`
		<-c
		p.cancel()
	}()
	return nil
}

func (p *program) Stop(s service.Service) error {
	p.cancel()
	return nil
}

func main() {
	ctx, cancel := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt) // want `this program runs as a Windows service`
	defer cancel()
	_ = ctx
	s, err := service.New(&program{cancel: cancel}, &service.Config{Name: "sigkard"})
	if err != nil {
		log.Fatal(err)
	}
	if err := s.Run(); err != nil {
		log.Print(err)
	}
}
