package process

import (
	"context"
	"log"
	"os"
	"os/exec"
	"runtime"
	"syscall"
	"time"
)

// nomad#26775, golang/go#28498: the interrupt is never delivered.
func stopDropped(cmd *exec.Cmd) error {
	cmd.Process.Signal(os.Interrupt) // want `Signal\(os.Interrupt\) always fails on Windows \(only os.Kill can be sent\) and its error is dropped`
	return cmd.Wait()
}

func stopTerm(p *os.Process) {
	_ = p.Signal(syscall.SIGTERM) // want `Signal\(syscall.SIGTERM\) always fails on Windows`
}

func stopDeferred(p *os.Process) {
	defer p.Signal(syscall.SIGINT) // want `Signal\(syscall.SIGINT\)`
}

func stopGo(p *os.Process) {
	go p.Signal(os.Interrupt) // want `Signal\(os.Interrupt\)`
}

func stopLoggedThenWait(cmd *exec.Cmd) error {
	if err := cmd.Process.Signal(os.Interrupt); err != nil { // want `Signal\(os.Interrupt\) always fails on Windows \(only os.Kill can be sent\), and the Wait at line \d+ then blocks`
		log.Printf("interrupt: %v", err)
	}
	return cmd.Wait()
}

func stopThenProcessWait(p *os.Process) {
	err := p.Signal(syscall.SIGHUP) // want `Signal\(syscall.SIGHUP\).*the Wait at line`
	if err != nil {
		log.Print(err)
	}
	p.Wait()
}

// Go 1.20 Cancel with an interrupt and no WaitDelay (terraform-exec#453).
func cancelInterrupt(ctx context.Context) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "terraform", "apply")
	cmd.Cancel = func() error {
		return cmd.Process.Signal(os.Interrupt) // want `Cancel sends os.Interrupt, which fails on Windows \(only os.Kill can be sent\), and WaitDelay is not set`
	}
	return cmd
}

func cancelLiteral(ctx context.Context) *exec.Cmd {
	var cmd *exec.Cmd
	cmd = &exec.Cmd{
		Path: "server",
		Cancel: func() error {
			return cmd.Process.Signal(syscall.SIGTERM) // want `Cancel sends syscall.SIGTERM`
		},
	}
	return cmd
}

// --- silent ---

func stopKill(p *os.Process) {
	p.Signal(os.Kill)
	p.Signal(syscall.SIGKILL)
}

func stopFallback(cmd *exec.Cmd) error {
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		cmd.Process.Kill()
	}
	return cmd.Wait()
}

func stopReturned(p *os.Process) error {
	return p.Signal(os.Interrupt)
}

func stopErrorEnds(cmd *exec.Cmd) error {
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		return err
	}
	return cmd.Wait()
}

func stopTimeout(cmd *exec.Cmd) {
	cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		cmd.Process.Kill()
	}
}

func stopUnix(p *os.Process) {
	if runtime.GOOS != "windows" {
		p.Signal(syscall.SIGTERM)
	}
}

func stopSwitch(p *os.Process) error {
	if runtime.GOOS == "windows" {
		return p.Kill()
	}
	p.Signal(os.Interrupt)
	_, err := p.Wait()
	return err
}

func stopVariable(p *os.Process, sig os.Signal) {
	p.Signal(sig)
}

func cancelWithDelay(ctx context.Context) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "server")
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 10 * time.Second
	return cmd
}

func cancelKillFallback(ctx context.Context) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "server")
	cmd.Cancel = func() error {
		if err := cmd.Process.Signal(os.Interrupt); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	return cmd
}

func cancelKill(ctx context.Context) *exec.Cmd {
	cmd := exec.CommandContext(ctx, "server")
	cmd.Cancel = func() error { return cmd.Process.Kill() }
	return cmd
}
