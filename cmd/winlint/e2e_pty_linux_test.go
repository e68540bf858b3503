package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"syscall"
	"testing"
	"unsafe"
)

// openPTY opens a pseudo-terminal: its master side, and its slave side
// (the terminal a program writes to).
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		m.Close()
		t.Fatalf("unlockpt: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		m.Close()
		t.Fatalf("ptsname: %v", e)
	}
	s, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		m.Close()
		t.Fatal(err)
	}
	return m, s
}

// On a terminal, standard error shows the progress line (packages done of
// the total, the package) and erases it at the end; the findings on
// standard output are unchanged.
func TestProgressTerminalE2E(t *testing.T) {
	t.Parallel()
	master, slave := openPTY(t)
	defer master.Close()
	cmd := exec.Command(bin, "./...")
	cmd.Dir = netapp()
	cmd.Env = env("TERM=xterm")
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, slave
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	read := make(chan string)
	go func() {
		b, _ := io.ReadAll(master) // ends with EIO when the program exits
		read <- string(b)
	}()
	err := cmd.Wait()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != exitFindings {
		t.Fatalf("exit: %v", err)
	}
	tty := <-read
	// The total comes from go list, run at the same time as go vet: on a
	// fast (cached) run it may come after the last package ("2/?").
	if !regexp.MustCompile(`\rwinlint: 2/[2?] packages  example\.com/netapp`).MatchString(tty) {
		t.Errorf("no progress line on the terminal: %q", tty)
	}
	if !regexp.MustCompile(`\r {20,}\r$`).MatchString(tty) {
		t.Errorf("the progress line is not erased at the end: %q", tty)
	}
	if got := vetPlaces(stdout.String()); len(got) != len(netappWindows) {
		t.Errorf("findings on standard output: %s", stdout.String())
	}
}
