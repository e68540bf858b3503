//go:build unix

package plugin_test

import (
	"os"
	"syscall"
)

// lockFile takes an exclusive lock on path, waiting for it, so that
// concurrent test runs do not build into the same directory at once.
func lockFile(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
