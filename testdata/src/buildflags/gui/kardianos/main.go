// WL6001 positive: a kardianos/service program; the build goes through a
// go:generate -command shorthand and names the package as ".".
package main

//go:generate -command gobuild go build -trimpath
//go:generate gobuild "-ldflags=-s -H windowsgui" . // want `runs as a Windows service \(imports github.com/kardianos/service\)`

import (
	"os"

	"github.com/kardianos/service"
)

type program struct{}

func (program) Start(s service.Service) error { return nil }
func (program) Stop(s service.Service) error  { return nil }

func main() {
	s, err := service.New(program{}, &service.Config{Name: "agent"})
	if err != nil {
		os.Exit(1)
	}
	s.Run()
}
