// f.Fd() values that outlive f (WL3001) and deadlines after Fd (WL3005).
package rawfd

import (
	"net"
	"os"
	"runtime"
	"syscall"
	"time"

	"golang.org/x/sys/windows"
)

// Positive cases.

func fsyncLast(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	return syscall.Fsync(syscall.Handle(f.Fd())) // want `f is not used after f.Fd\(\): its finalizer may close the descriptor while the raw value is still in use; call runtime.KeepAlive\(f\) after the last use of the descriptor, or use f.SyscallConn\(\).Control`
}

func writeRaw(name string, buf []byte) {
	f, _ := os.Create(name)
	fd := f.Fd() // want `f is not used after f.Fd\(\)`
	syscall.Write(syscall.Handle(fd), buf)
}

func readHandle(name string, buf []byte) error {
	file, err := os.Open(name)
	if err != nil {
		return err
	}
	h := windows.Handle(file.Fd()) // want `file is not used after file.Fd\(\)`
	var n uint32
	return windows.ReadFile(h, buf, &n, nil)
}

func returnsRaw(name string) (uintptr, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	return f.Fd(), nil // want `f is not used after f.Fd\(\)`
}

func oneBranch(name string, raw bool) uintptr {
	f, err := os.Open(name)
	if err != nil {
		return 0
	}
	if raw {
		return f.Fd() // want `f is not used after f.Fd\(\)`
	}
	f.Close()
	return 0
}

func inLiteral(name string) func() error {
	return func() error {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		return syscall.FlushFileBuffers(syscall.Handle(f.Fd())) // want `f is not used after f.Fd\(\)`
	}
}

func pipeEnd(spawn func(uintptr)) {
	r, w, _ := os.Pipe()
	defer r.Close()
	spawn(w.Fd()) // want `w is not used after w.Fd\(\)`
}

// WL3005.

func pipeDeadline(spawn func(uintptr)) ([]byte, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	defer w.Close()
	spawn(r.Fd())
	r.SetReadDeadline(time.Now().Add(time.Second)) // want `r.SetReadDeadline has no effect: r.Fd\(\) at line \d+ switched the pipe or socket to blocking mode, so deadlines stop working; use r.SyscallConn\(\).Control instead of Fd`
	buf := make([]byte, 64)
	n, err := r.Read(buf)
	return buf[:n], err
}

func newFileDeadline(h windows.Handle) {
	f := os.NewFile(uintptr(h), "pipe")
	defer f.Close()
	_ = f.Fd()
	f.SetDeadline(time.Now()) // want `f.SetDeadline has no effect`
}

func socketDeadline(c *net.TCPConn) error {
	f, err := c.File()
	if err != nil {
		return err
	}
	defer f.Close()
	syscall.SetsockoptInt(syscall.Handle(f.Fd()), syscall.SOL_SOCKET, syscall.SO_KEEPALIVE, 1)
	return f.SetWriteDeadline(time.Now().Add(time.Minute)) // want `f.SetWriteDeadline has no effect`
}

func deadlineInLoop(r *os.File, spawn func(uintptr)) {
	p, w, _ := os.Pipe()
	defer w.Close()
	defer p.Close()
	spawn(p.Fd())
	for i := 0; i < 3; i++ {
		p.SetReadDeadline(time.Now()) // want `p.SetReadDeadline has no effect`
	}
}

// Negative cases.

func deferClose(name string) error {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return syscall.Fsync(syscall.Handle(f.Fd()))
}

func closeAfter(name string, buf []byte) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	syscall.Write(syscall.Handle(f.Fd()), buf)
	return f.Close()
}

func keepAlive(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	err = syscall.FlushFileBuffers(syscall.Handle(f.Fd()))
	runtime.KeepAlive(f)
	return err
}

func stdStreams() bool {
	var mode uint32
	err := windows.GetConsoleMode(windows.Handle(os.Stdin.Fd()), &mode)
	_ = windows.Handle(os.Stdout.Fd())
	return err == nil
}

func param(f *os.File) error {
	return syscall.Fsync(syscall.Handle(f.Fd()))
}

type logFile struct{ f *os.File }

func (l *logFile) sync() error {
	return syscall.Fsync(syscall.Handle(l.f.Fd()))
}

func escapes(name string) (*os.File, uintptr) {
	f, _ := os.Open(name)
	fd := f.Fd()
	return f, fd
}

func blockingOnly(name string) *os.File {
	f, _ := os.Open(name)
	f.Fd() // switch to blocking mode
	return f
}

func capturedByClosure(name string) func() {
	f, _ := os.Open(name)
	fd := f.Fd()
	syscall.FlushFileBuffers(syscall.Handle(fd))
	return func() { f.Close() }
}

func usedInLoop(name string, buf []byte) {
	f, _ := os.Open(name)
	for {
		n, err := syscall.Read(syscall.Handle(f.Fd()), buf)
		if n == 0 || err != nil {
			break
		}
	}
	f.Close()
}

func syscallConn(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	rc, err := f.SyscallConn()
	if err != nil {
		return err
	}
	return rc.Control(func(fd uintptr) { syscall.FlushFileBuffers(syscall.Handle(fd)) })
}

func deadlineBeforeFd(spawn func(uintptr)) {
	r, w, _ := os.Pipe()
	defer r.Close()
	defer w.Close()
	r.SetReadDeadline(time.Now().Add(time.Second))
	spawn(r.Fd())
}

func regularFileDeadline(name string) {
	f, _ := os.Open(name)
	defer f.Close()
	_ = f.Fd()
	f.SetDeadline(time.Now()) // a regular file: ErrNoDeadline anyway
}

func otherPipeDeadline(spawn func(uintptr)) {
	r, w, _ := os.Pipe()
	defer r.Close()
	defer w.Close()
	spawn(w.Fd())
	r.SetReadDeadline(time.Now()) // r keeps its poller registration
}
