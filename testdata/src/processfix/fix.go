package processfix

import (
	"os"
	"os/exec"
	"syscall"
)

func stop(cmd *exec.Cmd) error {
	cmd.Process.Signal(os.Interrupt) // want `Signal\(os.Interrupt\) always fails on Windows`
	return cmd.Wait()
}

func term(p *os.Process) {
	if p != nil {
		p.Signal(syscall.SIGTERM) // want `Signal\(syscall.SIGTERM\)`
	}
}
