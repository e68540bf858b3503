// Package eventlog is a fixture stub of golang.org/x/sys/windows/svc/eventlog.
package eventlog

import "golang.org/x/sys/windows"

const (
	Error   = 1
	Warning = 2
	Info    = 4
)

type Log struct {
	Handle windows.Handle
}

func Open(source string) (*Log, error)              { return nil, nil }
func (l *Log) Close() error                         { return nil }
func (l *Log) Info(eid uint32, msg string) error    { return nil }
func (l *Log) Warning(eid uint32, msg string) error { return nil }
func (l *Log) Error(eid uint32, msg string) error   { return nil }

func Install(src, msgfile string, useExpandKey bool, eventsSupported uint32) error { return nil }
func InstallAsEventCreate(src string, eventsSupported uint32) error                { return nil }
func Remove(src string) error                                                      { return nil }
