// Silent: a custom message file; event IDs are the program's own.
package main

import (
	"log"

	"golang.org/x/sys/windows/svc/eventlog"
)

func install() error {
	return eventlog.Install("custom", `C:\Program Files\custom\messages.dll`, false, eventlog.Info)
}

func main() {
	l, err := eventlog.Open("custom")
	if err != nil {
		log.Fatal(err)
	}
	defer l.Close()
	l.Info(5000, "started")
	l.Error(0x40000001, "failed")
}
