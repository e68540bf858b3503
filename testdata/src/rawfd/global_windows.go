// A package-level raw handle shared by a goroutine and closed by another
// function with no one owning it (WL3003).
package rawfd

import (
	"sync"

	"golang.org/x/sys/windows"
)

var (
	wakeEvent windows.Handle
	quitEvent windows.Handle
	ownedPipe windows.Handle
	workers   sync.WaitGroup
)

func startWaker() error {
	var err error
	wakeEvent, err = windows.CreateEvent(nil, 0, 0, nil)
	if err != nil {
		return err
	}
	go wakeLoop()
	return nil
}

func wakeLoop() {
	for {
		if ev, _ := windows.WaitForSingleObject(wakeEvent, windows.INFINITE); ev != windows.WAIT_OBJECT_0 {
			return
		}
	}
}

func stopWaker() {
	windows.CloseHandle(wakeEvent) // want `package-level raw handle wakeEvent is closed here while the goroutine started at line \d+ \(wakeLoop\) uses it`
}

// Silent: the closer waits for the goroutine first.
func startQuitter() error {
	var err error
	quitEvent, err = windows.CreateEvent(nil, 1, 0, nil)
	if err != nil {
		return err
	}
	workers.Add(1)
	go func() {
		defer workers.Done()
		windows.WaitForSingleObject(quitEvent, windows.INFINITE)
	}()
	return nil
}

func stopQuitter() {
	windows.SetEvent(quitEvent)
	workers.Wait()
	windows.CloseHandle(quitEvent)
}

// Silent: the goroutine owns the handle and closes it.
func startPipe(name *uint16) error {
	var err error
	ownedPipe, err = windows.CreateFile(name, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
	if err != nil {
		return err
	}
	go func() {
		defer windows.CloseHandle(ownedPipe)
		windows.ReadFile(ownedPipe, make([]byte, 64), nil, nil)
	}()
	return nil
}
