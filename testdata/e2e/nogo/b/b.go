// Package b has file helpers whose behaviour the filehandle analyzer
// learns as facts while analysing b, and uses when analysing package a:
// CloseQuietly closes its parameter, Checksum only reads it, OpenLog
// returns a file its caller must close.
package b

import (
	"hash/crc32"
	"io"
	"os"
)

// CloseQuietly closes f, ignoring the error.
func CloseQuietly(f *os.File) {
	_ = f.Close()
}

// Checksum reads r to the end.
func Checksum(r io.Reader) (uint32, error) {
	h := crc32.NewIEEE()
	_, err := io.Copy(h, r)
	return h.Sum32(), err
}

// OpenLog opens a log file for appending; the caller closes it.
func OpenLog(name string) (*os.File, error) {
	return os.OpenFile(name, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
}

// Size leaks its file (WL1001), but nogo_config.json has filehandle
// report in package a only.
func Size(name string) (int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return 0, err
	}
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return fi.Size(), nil
}
