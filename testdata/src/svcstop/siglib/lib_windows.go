// want package:"servicePackage"

// A library that runs the service, and one that tests for it: the facts
// carry both to the main packages that call them.
package siglib

import (
	"os"

	"golang.org/x/sys/windows/svc"
)

// RunService runs h under the SCM.
func RunService(name string, h svc.Handler) error { // want RunService:"runsService"
	return runner(name, h)
}

func runner(name string, h svc.Handler) error { // want runner:"runsService"
	if os.Getenv("NO_SERVICE") != "" { // (imports os, so that the harness sees GOOS=windows)
		return nil
	}
	return svc.Run(name, h)
}

// InService reports whether the process was started by the SCM.
func InService() bool { // want InService:"testsService"
	ok, _ := svc.IsWindowsService()
	return ok
}
