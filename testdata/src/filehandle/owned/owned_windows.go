package owned

// Owned Windows handles: created in a constructor, kept in a field.

import (
	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// A registry watcher: Close releases the event but not the key.
type keyWatcher struct {
	key   registry.Key
	event windows.Handle
}

func newKeyWatcher(path string) (*keyWatcher, error) {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, path, registry.QUERY_VALUE) // want `the handle from registry.OpenKey stored in field key of keyWatcher is never released by \(\*keyWatcher\).Close`
	if err != nil {
		return nil, err
	}
	ev, err := windows.CreateEvent(nil, 0, 0, nil)
	if err != nil {
		k.Close()
		return nil, err
	}
	return &keyWatcher{key: k, event: ev}, nil
}

func (w *keyWatcher) Close() error { return windows.CloseHandle(w.event) }

// The same watcher releasing both.
type keyWatcherOK struct {
	key   registry.Key
	event windows.Handle
}

func newKeyWatcherOK(path string) (*keyWatcherOK, error) {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, path, registry.QUERY_VALUE)
	if err != nil {
		return nil, err
	}
	ev, err := windows.CreateEvent(nil, 0, 0, nil)
	if err != nil {
		k.Close()
		return nil, err
	}
	return &keyWatcherOK{key: k, event: ev}, nil
}

func (w *keyWatcherOK) Close() error {
	windows.CloseHandle(w.event)
	return w.key.Close()
}

// A process handle kept by a job wrapper whose Shutdown only terminates.
type child struct {
	proc windows.Handle
}

func attach(pid uint32) (*child, error) {
	h, err := windows.OpenProcess(windows.SYNCHRONIZE|windows.PROCESS_TERMINATE, false, pid) // want `the handle from windows.OpenProcess stored in field proc of child is never released by \(\*child\).Shutdown`
	if err != nil {
		return nil, err
	}
	return &child{proc: h}, nil
}

func (c *child) Shutdown() error { return windows.TerminateProcess(c.proc, 1) }

// A value receiver Close that closes the handle.
type mutexLock struct {
	h windows.Handle
}

func newMutexLock(name *uint16) (mutexLock, error) {
	h, err := windows.CreateMutex(nil, false, name)
	if err != nil {
		return mutexLock{}, err
	}
	return mutexLock{h: h}, nil
}

func (m mutexLock) Close() error { return windows.CloseHandle(m.h) }
