// WL6001 positive: a Windows service (x/sys/windows/svc) linked as a GUI
// binary, the flag inside a quoted -ldflags list.
package main

//go:generate go build -trimpath -ldflags "-s -w -H windowsgui" // want `runs as a Windows service \(imports golang.org/x/sys/windows/svc\), which needs no -H windowsgui`

import (
	"os"

	"golang.org/x/sys/windows/svc"
)

type handler struct{}

func (handler) Execute(args []string, r <-chan svc.ChangeRequest, s chan<- svc.Status) (bool, uint32) {
	for range r {
	}
	return false, 0
}

func main() {
	if err := svc.Run("agent", handler{}); err != nil {
		os.Exit(1)
	}
}
