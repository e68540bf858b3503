package console

import (
	"os"
	"runtime"
	"syscall"

	"golang.org/x/crypto/ssh/terminal"
	"golang.org/x/term"
)

// golang/go#20388: the size of the input handle ("invalid handle" in cmd and PowerShell).
func termWidth() int {
	w, _, err := term.GetSize(int(os.Stdin.Fd())) // want `term.GetSize\(int\(os.Stdin.Fd\(\)\)\) asks the size of the standard input's handle: on Windows the size is known only for an output`
	if err != nil {
		return 80
	}
	return w
}

func termWidthSyscall() int {
	w, _, _ := terminal.GetSize(int(syscall.Stdin)) // want `terminal.GetSize\(int\(syscall.Stdin\)\) asks the size of the standard input's handle`
	return w
}

func termWidthVar() int {
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return 0
	}
	w, _, _ := term.GetSize(fd) // want `term.GetSize\(fd\) asks the size`
	return w
}

func termWidthHandle() int {
	h, _ := syscall.GetStdHandle(syscall.STD_INPUT_HANDLE)
	w, _, _ := term.GetSize(int(h)) // want `term.GetSize\(int\(h\)\)`
	return w
}

var stdinFD = int(os.Stdin.Fd())

func termWidthPackageVar() (int, int) {
	w, h, _ := term.GetSize(stdinFD) // want `term.GetSize\(stdinFD\)`
	return w, h
}

func termHeight() int {
	in := os.Stdin
	_, h, _ := term.GetSize(int(in.Fd())) // want `term.GetSize\(int\(in.Fd\(\)\)\)`
	return h
}

func sizeInClosure() func() int {
	return func() int {
		w, _, _ := term.GetSize(int(os.Stdin.Fd())) // want `asks the size of the standard input's handle`
		return w
	}
}

func sizeOnWindows() int {
	if runtime.GOOS == "windows" {
		w, _, _ := term.GetSize(int(os.Stdin.Fd())) // want `asks the size`
		return w
	}
	return 0
}

// --- silent ---

func sizeOut() int {
	w, _, _ := term.GetSize(int(os.Stdout.Fd()))
	return w
}

func sizeErr() int {
	w, _, _ := terminal.GetSize(int(os.Stderr.Fd()))
	return w
}

func sizeFallback() int {
	w, _, err := term.GetSize(int(os.Stdin.Fd()))
	if err != nil {
		w, _, _ = term.GetSize(int(os.Stdout.Fd()))
	}
	return w
}

func sizeUnix() int {
	if runtime.GOOS == "windows" {
		return 80
	}
	w, _, _ := term.GetSize(int(os.Stdin.Fd()))
	return w
}

func sizeOfFile(f *os.File) int {
	w, _, _ := term.GetSize(int(f.Fd()))
	return w
}

func sizeParam(fd int) int {
	w, _, _ := term.GetSize(fd)
	return w
}

func stateOfStdin() error {
	// Other functions on the input handle are right.
	st, err := term.MakeRaw(int(os.Stdin.Fd()))
	if err != nil {
		return err
	}
	return term.Restore(int(os.Stdin.Fd()), st)
}

func sizeOutHandle() int {
	h, _ := syscall.GetStdHandle(syscall.STD_OUTPUT_HANDLE)
	w, _, _ := term.GetSize(int(h))
	return w
}
