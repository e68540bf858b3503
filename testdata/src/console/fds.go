// Package console holds the fixtures of the console analyzer.
package console

import (
	"fmt"
	"os"
	"runtime"
	"syscall"

	"github.com/mattn/go-isatty"
	"golang.org/x/crypto/ssh/terminal"
	"golang.org/x/term"
)

// golang/go#11914, lnd#499: fd 0 is not the console input on Windows.
func askPassword() ([]byte, error) {
	fmt.Print("Password: ")
	return terminal.ReadPassword(0) // want `terminal.ReadPassword\(0\): descriptor 0 is not the standard input on Windows.*pass int\(os.Stdin.Fd\(\)\)`
}

func askPasswordTerm() ([]byte, error) {
	return term.ReadPassword(0) // want `term.ReadPassword\(0\): descriptor 0`
}

func interactive() bool {
	return term.IsTerminal(1) // want `term.IsTerminal\(1\): descriptor 1 is not the standard output on Windows.*pass int\(os.Stdout.Fd\(\)\)`
}

func stderrTTY() bool {
	return terminal.IsTerminal(2) // want `descriptor 2 is not the standard error`
}

const stdinFd = 0

func namedConst() (*term.State, error) {
	return term.MakeRaw(stdinFd) // want `term.MakeRaw\(stdinFd\): descriptor 0`
}

func onceAssigned() error {
	fd := 0
	st, err := term.GetState(fd) // want `term.GetState\(fd\): descriptor 0`
	if err != nil {
		return err
	}
	return term.Restore(fd, st) // want `term.Restore\(fd\): descriptor 0`
}

// golang/go#68187: GetSize(0) asks the input handle; the fix names stdout.
func width() int {
	w, _, _ := term.GetSize(0) // want `term.GetSize\(0\): descriptor 0.*pass int\(os.Stdout.Fd\(\)\) \(GetSize needs an output handle on Windows\)`
	return w
}

func isattyOut() bool {
	return isatty.IsTerminal(1) // want `isatty.IsTerminal\(1\): descriptor 1.*pass os.Stdout.Fd\(\)`
}

func windowsBranch() bool {
	if runtime.GOOS == "windows" {
		return term.IsTerminal(0) // want `descriptor 0`
	}
	return false
}

// --- silent ---

func handles() bool {
	_, _ = term.ReadPassword(int(os.Stdin.Fd()))
	_, _ = terminal.ReadPassword(int(syscall.Stdin))
	_ = isatty.IsTerminal(os.Stdout.Fd())
	return term.IsTerminal(int(os.Stdout.Fd()))
}

func fromParam(fd int) bool {
	return term.IsTerminal(fd)
}

func fromVar() bool {
	fd := int(os.Stdin.Fd())
	return term.IsTerminal(fd)
}

func unixOnly() bool {
	if runtime.GOOS != "windows" {
		return term.IsTerminal(0)
	}
	return term.IsTerminal(int(os.Stdin.Fd()))
}

func otherDescriptor(f *os.File) bool {
	return term.IsTerminal(3) || term.IsTerminal(int(f.Fd()))
}

func reassigned(useErr bool) bool {
	fd := 0
	if useErr {
		fd = int(os.Stderr.Fd())
	}
	return term.IsTerminal(fd)
}

func earlyReturn() bool {
	if runtime.GOOS == "windows" {
		return term.IsTerminal(int(os.Stdin.Fd()))
	}
	return term.IsTerminal(0)
}

const isWindows = runtime.GOOS == "windows"

func folded() bool {
	if !isWindows {
		return term.IsTerminal(1)
	}
	return false
}
