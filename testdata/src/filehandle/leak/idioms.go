package leak

// Idioms that release or hand on the file: WL1001 stays silent.

import (
	"bufio"
	"errors"
	"io"
	"log"
	"os"
	"sync"
)

// Returning the file hands it to the caller.
func openForRead(name string) (*os.File, error) { // want openForRead:`fresh\(0 from os.Open\)`
	return os.Open(name)
}

// A struct that owns the file and has its own Close.
type journal struct {
	f *os.File
	w *bufio.Writer
}

func newJournal(name string) (*journal, error) {
	f, err := os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return nil, err
	}
	return &journal{f: f, w: bufio.NewWriter(f)}, nil
}

func (j *journal) Close() error {
	if err := j.w.Flush(); err != nil {
		j.f.Close()
		return err
	}
	return j.f.Close()
}

// Storing the file in a field of a long-lived value.
type server struct {
	mu   sync.Mutex
	logf *os.File
}

func (s *server) reopen(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	s.mu.Lock()
	old := s.logf
	s.logf = f
	s.mu.Unlock()
	if old != nil {
		return old.Close()
	}
	return nil
}

// A deferred closure that closes and keeps the error.
func writeAll(name string, data []byte) (err error) {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	_, err = f.Write(data)
	return err
}

// A local helper that closes its parameter.
func closeQuietly(f *os.File) { // want closeQuietly:`closes\[0\]`
	if err := f.Close(); err != nil {
		log.Print(err)
	}
}

func head(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer closeQuietly(f)
	b := make([]byte, 512)
	n, err := f.Read(b)
	return b[:n], err
}

// The file is nil on the error path: checking f instead of err.
func sizeOf(name string) int64 {
	f, _ := os.Open(name)
	if f == nil {
		return -1
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return -1
	}
	return st.Size()
}

// err == nil guards the use and the close.
func exists(name string) bool {
	f, err := os.Open(name)
	if err == nil {
		f.Close()
		return true
	}
	return errors.Is(err, os.ErrPermission)
}

// os.IsNotExist(err) is an error branch too.
func readOptional(name string) ([]byte, error) {
	f, err := os.Open(name)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// A path that ends the process is not a leak.
func mustRead(name string) []byte {
	f, err := os.Open(name)
	if err != nil {
		log.Fatal(err)
	}
	b, err := io.ReadAll(f)
	if err != nil {
		log.Fatalf("read %s: %v", name, err)
	}
	f.Close()
	return b
}

// Sent on a channel: the receiver owns it.
func opener(names []string, out chan<- *os.File) error {
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			return err
		}
		out <- f
	}
	return nil
}

// Collected in a slice that is returned.
func openAll(names []string) ([]*os.File, error) {
	var files []*os.File
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			for _, g := range files {
				g.Close()
			}
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// Stored in a map owned by a package-level cache.
var cache = map[string]*os.File{}

func cached(name string) (*os.File, error) {
	if f, ok := cache[name]; ok {
		return f, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	cache[name] = f
	return f, nil
}

// A goroutine takes the file over and closes it.
func streamTo(name string, w io.Writer) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	go func() {
		defer f.Close()
		io.Copy(w, f)
	}()
	return nil
}

// Closed on both branches.
func pick(name string, tail bool) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	if tail {
		if _, err := f.Seek(-16, io.SeekEnd); err != nil {
			f.Close()
			return nil, err
		}
	}
	b, err := io.ReadAll(f)
	f.Close()
	return b, err
}

// Assigned to an io.Closer that is closed by the caller's cleanup list.
func register(name string, closers *[]io.Closer) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	*closers = append(*closers, f)
	return nil
}

// The standard streams are not opened here.
func stdout() *os.File { return os.Stdout }
