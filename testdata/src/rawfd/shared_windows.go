// Raw handles stored in globals or captured by goroutines while their
// creator closes them (WL3003).
package rawfd

import (
	"sync"
	"syscall"

	"golang.org/x/sys/windows"
)

var (
	stopEvent windows.Handle
	logHandle windows.Handle
	readyEvt  windows.Handle
)

// Positive cases.

func initStop() error {
	var err error
	stopEvent, err = windows.CreateEvent(nil, 1, 0, nil) // want `raw handle stored in package-level stopEvent is closed by this function at line \d+: other users of stopEvent are left with a dead handle`
	if err != nil {
		return err
	}
	defer windows.CloseHandle(stopEvent)
	return nil
}

func publishLog(name *uint16) {
	h, err := windows.CreateFile(name, windows.GENERIC_WRITE, 0, nil, windows.OPEN_ALWAYS, 0, 0)
	if err != nil {
		return
	}
	logHandle = h // want `raw handle h is stored in package-level logHandle but closed by this function at line \d+`
	windows.WriteFile(h, []byte("start\n"), nil, nil)
	windows.CloseHandle(h)
}

func goroutineCaptured(name *uint16) {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	defer windows.CloseHandle(h)
	go func() { // want `the goroutine uses raw handle h while this function closes it at line \d+ without waiting for the goroutine`
		buf := make([]byte, 512)
		windows.ReadFile(h, buf, nil, nil)
	}()
}

func goroutineArgument(handle func(windows.Handle)) {
	ev, err := windows.CreateEvent(nil, 0, 0, nil)
	if err != nil {
		return
	}
	go handle(ev) // want `the goroutine uses raw handle ev`
	windows.CloseHandle(ev)
}

func syscallSocket(serve func(syscall.Handle)) {
	s, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		return
	}
	defer syscall.Closesocket(s)
	go serve(s) // want `the goroutine uses raw handle s`
}

// Negative cases.

func initStopForever() error {
	var err error
	readyEvt, err = windows.CreateEvent(nil, 1, 0, nil) // the global owns it
	return err
}

func goroutineOwns(name *uint16) {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	go func() {
		defer windows.CloseHandle(h)
		windows.ReadFile(h, make([]byte, 16), nil, nil)
	}()
}

func goroutineWaited(name *uint16) {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	defer windows.CloseHandle(h)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		windows.ReadFile(h, make([]byte, 16), nil, nil)
	}()
	wg.Wait()
}

func goroutineChannel(name *uint16) error {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return err
	}
	defer windows.CloseHandle(h)
	done := make(chan error)
	go func() { done <- windows.ReadFile(h, make([]byte, 16), nil, nil) }()
	return <-done
}

func goroutineClosedBefore(name *uint16, work func()) {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	windows.CloseHandle(h)
	go work()
}

func localOnly(name *uint16) {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return
	}
	defer windows.CloseHandle(h)
	windows.ReadFile(h, make([]byte, 16), nil, nil)
}

// Two producers assign one variable: one finding per goroutine.
func twoProducers(name *uint16, retry bool, handle func(windows.Handle)) {
	h, err := windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil && retry {
		h, err = windows.CreateFile(name, windows.GENERIC_READ, windows.FILE_SHARE_READ, nil, windows.OPEN_EXISTING, 0, 0)
	}
	if err != nil {
		return
	}
	defer windows.CloseHandle(h)
	go handle(h) // want `the goroutine uses raw handle h`
}
