package owned

// Owned resources: a file opened in a constructor and stored in a field.
// The type's release method (Close, Stop, Shutdown…) is the owner's
// path and must close it.

import (
	"bufio"
	"errors"
	"os"
	"sync"
)

// A logger whose Close flushes the buffer but forgets the file under it.
type fileLogger struct {
	f *os.File
	w *bufio.Writer
}

func newFileLogger(path string) (*fileLogger, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644) // want `the file from os.OpenFile stored in field f of fileLogger is never closed by \(\*fileLogger\).Close: it stays open after its owner is done; close f in Close`
	if err != nil {
		return nil, err
	}
	return &fileLogger{f: f, w: bufio.NewWriter(f)}, nil
}

func (l *fileLogger) Write(p []byte) (int, error) { return l.w.Write(p) }

func (l *fileLogger) Close() error { return l.w.Flush() }

// The fixed logger.
type fileLoggerOK struct {
	f *os.File
	w *bufio.Writer
}

func newFileLoggerOK(path string) (*fileLoggerOK, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	return &fileLoggerOK{f: f, w: bufio.NewWriter(f)}, nil
}

func (l *fileLoggerOK) Close() error {
	if err := l.w.Flush(); err != nil {
		l.f.Close()
		return err
	}
	return l.f.Close()
}

// A store with two files: Close returns on the first error and leaves the
// second open.
type store struct {
	data  *os.File
	index *os.File
}

func openStore(dir string) (*store, error) {
	s := &store{}
	var err error
	s.data, err = os.OpenFile(dir+"/data", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	s.index, err = os.OpenFile(dir+"/index", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		s.data.Close()
		return nil, err
	}
	return s, nil
}

func (s *store) Close() error {
	if err := s.data.Close(); err != nil {
		return err // want `\(\*store\).Close returns here without closing field index \(from os.OpenFile\), which stays open when an earlier release fails; close every resource and return the first error \(or errors.Join\)`
	}
	return s.index.Close()
}

type storeOK struct {
	data  *os.File
	index *os.File
}

func openStoreOK(dir string) (*storeOK, error) {
	s := &storeOK{}
	var err error
	s.data, err = os.OpenFile(dir+"/data", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	s.index, err = os.OpenFile(dir+"/index", os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		s.data.Close()
		return nil, err
	}
	return s, nil
}

func (s *storeOK) Close() error {
	return errors.Join(s.data.Close(), s.index.Close())
}

// A Stop that ends the worker but not the lock file the constructor took.
type daemon struct {
	lock *os.File
	stop chan struct{}
}

func startDaemon(lockPath string) (*daemon, error) {
	lock, err := os.Create(lockPath) // want `the file from os.Create stored in field lock of daemon is never closed by \(\*daemon\).Stop`
	if err != nil {
		return nil, err
	}
	d := &daemon{stop: make(chan struct{})}
	d.lock = lock
	return d, nil
}

func (d *daemon) Stop() { close(d.stop) }

// Released by a helper method Close calls; guarded by a closed flag and
// a nil check.
type journal struct {
	mu     sync.Mutex
	closed bool
	f      *os.File
}

func openJournal(path string) (*journal, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return &journal{f: f}, nil
}

func (j *journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.closed {
		return nil
	}
	j.closed = true
	return j.release()
}

func (j *journal) release() error {
	if j.f == nil {
		return nil
	}
	return j.f.Close()
}

// No release method: the file lives as long as the process, by design.
type pidFile struct {
	f *os.File
}

func writePID(path string) (*pidFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &pidFile{f: f}, nil
}

// The field is handed out: the caller owns what it gets.
type spool struct {
	f *os.File
}

func newSpool(path string) (*spool, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &spool{f: f}, nil
}

func (s *spool) File() *os.File { return s.f }
func (s *spool) Close() error   { return nil }

// The file is closed by the goroutine that owns it, not by Stop.
type tailer struct {
	f    *os.File
	done chan struct{}
}

func newTailer(path string) (*tailer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	t := &tailer{f: f, done: make(chan struct{})}
	go t.loop()
	return t, nil
}

func (t *tailer) loop() {
	defer t.f.Close()
	<-t.done
}

func (t *tailer) Stop() { close(t.done) }
