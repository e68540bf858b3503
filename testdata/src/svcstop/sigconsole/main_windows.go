// Silent: an ordinary console program; Notify(os.Interrupt, SIGTERM) is
// right on Windows.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	c := make(chan os.Signal, 1)
	signal.Notify(c)
	<-c
}
