// Silent: the source is installed by an install command, or its error is
// tolerated.
package main

import (
	"log"
	"os"

	"golang.org/x/sys/windows/svc/eventlog"
)

func main() {
	if len(os.Args) > 1 {
		switch os.Args[1] {
		case "install":
			if err := eventlog.InstallAsEventCreate("svc", eventlog.Error|eventlog.Info); err != nil {
				log.Fatal(err)
			}
			return
		}
	}
	// Tolerated: logged, not fatal.
	if err := eventlog.InstallAsEventCreate("svc", eventlog.Info); err != nil {
		log.Print(err)
	}
	// Ignored.
	eventlog.InstallAsEventCreate("svc", eventlog.Info)
	l, err := eventlog.Open("svc")
	if err != nil {
		return
	}
	defer l.Close()
	l.Info(1, "started")
}
