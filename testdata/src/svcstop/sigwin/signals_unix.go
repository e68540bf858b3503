//go:build !windows

// Silent: not built for Windows.
package sigwin

import (
	"os"
	"os/signal"
	"syscall"
)

func unixOnly() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP, syscall.SIGUSR1)
	<-c
}
