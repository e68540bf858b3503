// A Windows service.
package main

import "golang.org/x/sys/windows/svc"

type agent struct{}

func (agent) Execute(args []string, r <-chan svc.ChangeRequest, s chan<- svc.Status) (bool, uint32) {
	return false, 0
}

func main() { svc.Run("agent", agent{}) }
