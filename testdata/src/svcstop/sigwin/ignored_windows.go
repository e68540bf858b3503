package sigwin

// WL5009 stays silent where a signal that never arrives on Windows is only
// ignored or logged: never firing is what the code wants.

import (
	"log"
	"os"
	"os/signal"
	"syscall"
)

// Notify without reading the channel: SIGHUP no longer kills the process
// when the terminal goes away.
func ignoreHangup() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
}

// The handler only logs.
func logHangup() {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	go func() {
		for s := range hup {
			log.Printf("received %v, ignoring", s)
		}
	}()
}

// A select loop whose SIGPIPE case only continues.
func serve(done chan struct{}) {
	pipe := make(chan os.Signal, 1)
	signal.Notify(pipe, syscall.SIGPIPE)
	defer signal.Stop(pipe)
	for {
		select {
		case <-pipe:
			continue
		case <-done:
			return
		}
	}
}

// A receive loop that logs and goes round again.
func logLoop() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP)
	for {
		s := <-c
		log.Println("got", s)
	}
}

// Positive sibling: the handler reopens the log files, which never
// happens on Windows.
func reopenOnHangup(reopen func()) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP) // want `syscall.SIGHUP is never delivered on Windows`
	go func() {
		for range hup {
			log.Println("reopening logs")
			reopen()
		}
	}()
}

// Positive sibling: the channel is handed to code that does who knows what.
func handOn(h func(chan os.Signal)) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGQUIT) // want `syscall.SIGQUIT is never delivered on Windows`
	h(c)
}

// A shutdown handler that ignores SIGHUP in its own case: the other
// signals shut down, SIGHUP only logs.
func serveUntilSignal(shutdown func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	for s := range c {
		switch s {
		case syscall.SIGHUP:
			log.Print("SIGHUP ignored")
		default:
			shutdown()
			return
		}
	}
}

func serveUntilSignalIf(shutdown func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGHUP)
	for s := range c {
		if s == syscall.SIGHUP {
			continue
		}
		shutdown()
		return
	}
}

// Positive sibling: SIGHUP reloads, SIGQUIT only logs.
func reloadOrLog(reload func()) {
	c := make(chan os.Signal, 1)
	signal.Notify(c, syscall.SIGHUP, syscall.SIGQUIT) // want `syscall.SIGHUP is never delivered on Windows`
	for s := range c {
		switch s {
		case syscall.SIGHUP:
			reload()
		case syscall.SIGQUIT:
			log.Print("quit ignored")
		}
	}
}
