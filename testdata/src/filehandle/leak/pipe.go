package leak

// os.Pipe returns two files: both ends are the caller's to close, on the
// error paths too.

import (
	"io"
	"os"
	"os/exec"
)

// The shape of many process-spawning helpers: Start fails and the pipe
// ends stay open.
func runWithPipe(name string, input []byte) ([]byte, error) {
	r, w, err := os.Pipe() // want `r is not closed on the path through the return at line \d+` `w is not closed on the path through the return at line \d+`
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(name)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	w.Write(input)
	w.Close()
	out, err := io.ReadAll(r)
	r.Close()
	return out, err
}

func runWithPipeOK(name string, input []byte) ([]byte, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	cmd := exec.Command(name)
	if err := cmd.Start(); err != nil {
		w.Close()
		return nil, err
	}
	w.Write(input)
	w.Close()
	return io.ReadAll(r)
}

// Only the write end is leaked on the error path.
func writeThenRead(data []byte) ([]byte, error) {
	r, w, err := os.Pipe() // want `w is not closed on the path through the return at line \d+`
	if err != nil {
		return nil, err
	}
	defer r.Close()
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	w.Close()
	return io.ReadAll(r)
}

// Both ends handed to the child process and the caller: silent.
func pipeToChild(cmd *exec.Cmd) (*os.File, error) { // want pipeToChild:`fresh\(0 from os.Pipe\)`
	r, w, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd.Stdout = w
	return r, nil
}
