// Package debug is a fixture stub of golang.org/x/sys/windows/svc/debug.
package debug

import "golang.org/x/sys/windows/svc"

type Log interface {
	Close() error
	Info(eid uint32, msg string) error
	Warning(eid uint32, msg string) error
	Error(eid uint32, msg string) error
}

func Run(name string, handler svc.Handler) error { return nil }
func New(source string) *ConsoleLog              { return nil }

type ConsoleLog struct{}

func (l *ConsoleLog) Close() error                         { return nil }
func (l *ConsoleLog) Info(eid uint32, msg string) error    { return nil }
func (l *ConsoleLog) Warning(eid uint32, msg string) error { return nil }
func (l *ConsoleLog) Error(eid uint32, msg string) error   { return nil }
