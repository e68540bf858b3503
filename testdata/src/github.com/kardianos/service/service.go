// Package service is a fixture stub of github.com/kardianos/service.
package service

type Config struct {
	Name        string
	DisplayName string
	Description string
	Arguments   []string
	Option      KeyValue
}

type KeyValue map[string]interface{}

type Status byte

type Interface interface {
	Start(s Service) error
	Stop(s Service) error
}

type Shutdowner interface {
	Interface
	Shutdown(s Service) error
}

type Service interface {
	Run() error
	Start() error
	Stop() error
	Restart() error
	Install() error
	Uninstall() error
	Logger(errs chan<- error) (Logger, error)
	SystemLogger(errs chan<- error) (Logger, error)
	String() string
	Platform() string
	Status() (Status, error)
}

type Logger interface {
	Error(v ...interface{}) error
	Warning(v ...interface{}) error
	Info(v ...interface{}) error
	Errorf(format string, a ...interface{}) error
	Warningf(format string, a ...interface{}) error
	Infof(format string, a ...interface{}) error
}

func New(i Interface, c *Config) (Service, error) { return nil, nil }
func Interactive() bool                           { return true }
func Control(s Service, action string) error      { return nil }
func Platform() string                            { return "windows-service" }

var ControlAction = [5]string{"start", "stop", "restart", "install", "uninstall"}
