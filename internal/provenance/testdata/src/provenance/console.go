package provenance

import (
	"bufio"
	"os"
	"syscall"
)

func console() {
	origin(os.Stdin)                       // want `^Stdin$`
	origin(bufio.NewReader(os.Stdin))      // want `^Stdin$`
	origin(bufio.NewScanner(os.Stdin))     // want `^Stdin$`
	origin(bufio.NewReader(os.Stdout))     // want `^Stdout$`
	origin(os.Stdin.Fd())                  // want `^Stdin\|StdHandle$`
	origin(int(os.Stdout.Fd()))            // want `^Stdout\|StdHandle$`
	origin(syscall.Handle(os.Stderr.Fd())) // want `^Stderr\|StdHandle$`
	origin(syscall.Stdin)                  // want `^Stdin\|StdHandle$`
	origin(int(syscall.Stdout))            // want `^Stdout\|StdHandle$`
	h, _ := syscall.GetStdHandle(syscall.STD_INPUT_HANDLE)
	origin(h) // want `^Stdin\|StdHandle$`
	r := bufio.NewReader(os.Stdin)
	origin(r) // want `^Stdin$`
	var in *bufio.Reader
	in = bufio.NewReaderSize(os.Stdin, 4096)
	origin(in) // want `^Stdin$`
	fd := int(os.Stdin.Fd())
	origin(fd) // want `^Stdin\|StdHandle$`
	f, _ := os.Open("x")
	origin(f.Fd())             // want `^unknown$`
	origin(bufio.NewReader(f)) // want `^unknown$`
	origin(0)                  // want `^Constant$`
}
