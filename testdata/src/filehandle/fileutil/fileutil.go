package fileutil // want package:"resourcefacts"

// Package fileutil is a helper package whose functions' behaviour the
// filehandle analyzer learns as facts and uses in the packages that import
// it: CloseQuietly closes its parameter, OpenLog returns a fresh file the
// caller must close, Fatal never returns, Checksum only reads its
// argument, and Keep stores it.

import (
	"fmt"
	"hash/crc32"
	"io"
	"os"
)

// CloseQuietly closes c, ignoring the error.
func CloseQuietly(c io.Closer) { // want CloseQuietly:`closes\[0\]`
	_ = c.Close()
}

// OpenLog opens the log file for appending; the caller closes it.
func OpenLog(name string) (*os.File, error) { // want OpenLog:`fresh\(0 from os.OpenFile\)`
	return os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
}

// Fatal prints msg and exits.
func Fatal(msg string) { // want Fatal:`noreturn`
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}

// Checksum reads r to the end.
func Checksum(r io.Reader) (uint32, error) { // want Checksum:`borrows\[0\]`
	h := crc32.NewIEEE()
	_, err := io.Copy(h, r)
	return h.Sum32(), err
}

var kept []io.Closer

// Keep takes ownership of c: it is closed at shutdown.
func Keep(c io.Closer) {
	kept = append(kept, c)
}
