// WL5009: signals in code built for Windows.
package sigwin

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func reload(load func() error) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP) // want `syscall.SIGHUP is never delivered on Windows`
	for range hup {
		load()
	}
}

func dump() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGQUIT, syscall.SIGPIPE) // want `syscall.SIGQUIT is never delivered` `syscall.SIGPIPE is never delivered`
	<-c
}

func termOnly() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM) // want `signal.Notify asks for SIGTERM but not os.Interrupt: on Windows, Ctrl\+C in the console and service wrappers such as NSSM`
	<-c
}

func termOnlyContext() context.Context {
	ctx, _ := signal.NotifyContext(context.Background(), syscall.SIGTERM) // want `asks for SIGTERM but not os.Interrupt`
	return ctx
}

// Silent: both.
func both() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	<-c
}

// Silent: SIGINT spelled through syscall, in a second call.
func twoCalls() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGTERM)
	signal.Notify(c, syscall.SIGINT)
	<-c
}

// Silent: signals from a slice.
var shutdownSignals = []os.Signal{syscall.SIGTERM}

func fromSlice() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, shutdownSignals...)
	<-c
}

// Silent: every signal, in a program that is not a service.
func all() {
	c := make(chan os.Signal, 1)
	signal.Notify(c)
	<-c
}

// Silent: os.Kill is uncatchable everywhere (vet's business, not ours).
func kill() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, os.Kill)
	<-c
}
