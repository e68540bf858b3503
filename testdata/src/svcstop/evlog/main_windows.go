// WL5010: the event source installed on every start; event IDs outside
// EventCreate's range.
package main

import (
	"log"
	"os"

	"golang.org/x/sys/windows/svc"
	"golang.org/x/sys/windows/svc/debug"
	"golang.org/x/sys/windows/svc/eventlog"
)

const source = "evlog"

const errStartup = 1001

var elog debug.Log

type handler struct{}

func (handler) Execute(args []string, r <-chan svc.ChangeRequest, changes chan<- svc.Status) (bool, uint32) {
	if err := eventlog.Install(source, `%SystemRoot%\System32\EventCreate.exe`, true, eventlog.Info); err != nil { // want `eventlog.Install runs on every start and its error is fatal`
		os.Exit(1) // want `os.Exit in handler.Execute`
	}
	changes <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop}
	elog.Info(0, "running") // want `event ID 0 is outside 1..1000`
	for c := range r {
		if c.Cmd == svc.Stop {
			break
		}
	}
	return false, 0
}

func main() {
	err := eventlog.InstallAsEventCreate(source, eventlog.Error|eventlog.Info) // want `eventlog.InstallAsEventCreate runs on every start and its error is fatal: .*registry key already exists`
	if err != nil {
		log.Fatal(err)
	}
	l, err := eventlog.Open(source)
	if err != nil {
		log.Fatal(err)
	}
	defer l.Close()
	elog = l
	l.Error(errStartup, "starting")                                 // want `event ID 1001 is outside 1..1000`
	l.Warning(1000, "in range")                                     // silent
	l.Info(uint32(len(os.Args)), "?")                               // silent: not constant
	log.Fatal(eventlog.InstallAsEventCreate(source, eventlog.Info)) // want `eventlog.InstallAsEventCreate runs on every start`
	svc.Run(source, handler{})
}
