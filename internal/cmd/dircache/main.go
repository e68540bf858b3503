// Command dircache is a GOCACHEPROG program that shares the go command's
// build cache through a directory: a test stand-in for a cache server.
//
//	GOCACHEPROG="dircache -dir /shared/cache [-log file]" go vet ...
//
// It speaks the go command's cache protocol (cmd/go/internal/cacheprog):
// JSON requests on standard input, JSON responses on standard output. An
// object put by one machine (one GOCACHE) is found by a get on another:
// the shared directory plays the server, and each machine keeps the bodies
// it reads or writes in a local directory ($GOCACHE/dircache unless -local
// is given), because the go command reads cached outputs from local files.
//
// With -log, every request is appended to the file as one line: "get hit",
// "get miss" or "put", then the action ID in hex. Tests read it to tell a
// run that replayed every result (no put: nothing was computed) from one
// that analysed again.
//
// The go command passes GOCACHE to the program in its environment. The
// shared directory holds a/<action ID> (output ID, size and time, JSON) and
// o/<output ID> (the body); files are written to a temporary name and
// renamed, so concurrent machines never see half an object.
package main

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// The protocol's messages (see cmd/go/internal/cacheprog).
type request struct {
	ID       int64
	Command  string
	ActionID []byte `json:",omitempty"`
	OutputID []byte `json:",omitempty"`
	BodySize int64  `json:",omitempty"`
}

type response struct {
	ID            int64
	Err           string     `json:",omitempty"`
	KnownCommands []string   `json:",omitempty"`
	Miss          bool       `json:",omitempty"`
	OutputID      []byte     `json:",omitempty"`
	Size          int64      `json:",omitempty"`
	Time          *time.Time `json:",omitempty"`
	DiskPath      string     `json:",omitempty"`
}

// entry is what a/<action ID> holds.
type entry struct {
	OutputID string
	Size     int64
	Time     time.Time
}

type cache struct {
	shared, local string
	logMu         sync.Mutex
	log           *os.File
}

func main() {
	dir := flag.String("dir", "", "shared `directory` (the stand-in for a cache server)")
	local := flag.String("local", "", "local `directory` for the bodies the go command reads (default $GOCACHE/dircache)")
	logFile := flag.String("log", "", "append one line per request to `file`")
	flag.Parse()
	if err := run(*dir, *local, *logFile); err != nil {
		fmt.Fprintf(os.Stderr, "dircache: %v\n", err)
		os.Exit(1)
	}
}

func run(dir, local, logFile string) error {
	if dir == "" {
		return errors.New("-dir is required")
	}
	if local == "" {
		gocache := os.Getenv("GOCACHE")
		if gocache == "" || gocache == "off" {
			return errors.New("-local is required when GOCACHE is not set")
		}
		local = filepath.Join(gocache, "dircache")
	}
	c := &cache{shared: dir, local: local}
	for _, d := range []string{filepath.Join(dir, "a"), filepath.Join(dir, "o"), local} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	if logFile != "" {
		f, err := os.OpenFile(logFile, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
		if err != nil {
			return err
		}
		defer f.Close()
		c.log = f
	}

	out := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(out)
	var outMu sync.Mutex
	send := func(r *response) {
		outMu.Lock()
		defer outMu.Unlock()
		enc.Encode(r)
		out.Flush()
	}
	send(&response{KnownCommands: []string{"get", "put", "close"}})

	dec := json.NewDecoder(bufio.NewReader(os.Stdin))
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		var req request
		if err := dec.Decode(&req); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		var body []byte
		if req.Command == "put" && req.BodySize > 0 {
			// The body follows as a base64-encoded JSON string.
			if err := dec.Decode(&body); err != nil {
				return fmt.Errorf("reading the body of request %d: %v", req.ID, err)
			}
			if int64(len(body)) != req.BodySize {
				return fmt.Errorf("request %d: body of %d bytes, want %d", req.ID, len(body), req.BodySize)
			}
		}
		if req.Command == "close" {
			wg.Wait()
			send(&response{ID: req.ID})
			return nil
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := c.serve(&req, body)
			if err != nil {
				resp = &response{Err: err.Error()}
			}
			resp.ID = req.ID
			send(resp)
		}()
	}
}

func (c *cache) serve(req *request, body []byte) (*response, error) {
	action := hex.EncodeToString(req.ActionID)
	switch req.Command {
	case "get":
		data, err := os.ReadFile(filepath.Join(c.shared, "a", action))
		if err != nil {
			c.logf("get miss %s", action)
			return &response{Miss: true}, nil
		}
		var e entry
		if err := json.Unmarshal(data, &e); err != nil {
			c.logf("get miss %s", action)
			return &response{Miss: true}, nil
		}
		outputID, err := hex.DecodeString(e.OutputID)
		if err != nil {
			return nil, err
		}
		path := filepath.Join(c.local, e.OutputID)
		if fi, err := os.Stat(path); err != nil || fi.Size() != e.Size {
			data, err := os.ReadFile(filepath.Join(c.shared, "o", e.OutputID))
			if err != nil || int64(len(data)) != e.Size {
				c.logf("get miss %s", action)
				return &response{Miss: true}, nil
			}
			if err := writeAtomic(path, data); err != nil {
				return nil, err
			}
		}
		c.logf("get hit %s", action)
		return &response{OutputID: outputID, Size: e.Size, Time: &e.Time, DiskPath: path}, nil

	case "put":
		output := hex.EncodeToString(req.OutputID)
		path := filepath.Join(c.local, output)
		if err := writeAtomic(path, body); err != nil {
			return nil, err
		}
		if err := writeAtomic(filepath.Join(c.shared, "o", output), body); err != nil {
			return nil, err
		}
		data, _ := json.Marshal(entry{OutputID: output, Size: int64(len(body)), Time: time.Now()})
		if err := writeAtomic(filepath.Join(c.shared, "a", action), data); err != nil {
			return nil, err
		}
		c.logf("put %s", action)
		return &response{DiskPath: path}, nil
	}
	return nil, fmt.Errorf("unknown command %q", req.Command)
}

func (c *cache) logf(format string, args ...any) {
	if c.log == nil {
		return
	}
	c.logMu.Lock()
	defer c.logMu.Unlock()
	fmt.Fprintf(c.log, format+"\n", args...)
}

// writeAtomic writes data to path through a temporary file in the same
// directory.
func writeAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(0o644) // CreateTemp makes it private
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}
