// Package mgr is a fixture stub of golang.org/x/sys/windows/svc/mgr.
package mgr

import (
	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/svc"
)

type Mgr struct {
	Handle windows.Handle
}

type Config struct {
	ServiceType    uint32
	StartType      uint32
	ErrorControl   uint32
	BinaryPathName string
	DisplayName    string
	Description    string
}

type Service struct {
	Name   string
	Handle windows.Handle
}

const (
	StartManual    = 3
	StartAutomatic = 2
	StartDisabled  = 4
)

func Connect() (*Mgr, error)                             { return nil, nil }
func ConnectRemote(host string) (*Mgr, error)            { return nil, nil }
func (m *Mgr) Disconnect() error                         { return nil }
func (m *Mgr) OpenService(name string) (*Service, error) { return nil, nil }
func (m *Mgr) ListServices() ([]string, error)           { return nil, nil }
func (m *Mgr) CreateService(name, exepath string, c Config, args ...string) (*Service, error) {
	return nil, nil
}
func (s *Service) Close() error                          { return nil }
func (s *Service) Start(args ...string) error            { return nil }
func (s *Service) Control(c svc.Cmd) (svc.Status, error) { return svc.Status{}, nil }
func (s *Service) Query() (svc.Status, error)            { return svc.Status{}, nil }
func (s *Service) Delete() error                         { return nil }
func (s *Service) Config() (Config, error)               { return Config{}, nil }
