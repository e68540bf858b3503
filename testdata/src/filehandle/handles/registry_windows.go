package handles

// WL1005 for registry keys, service manager connections, service handles
// and event logs.

import (
	"golang.org/x/sys/windows/registry"
	"golang.org/x/sys/windows/svc/eventlog"
	"golang.org/x/sys/windows/svc/mgr"
)

const runKey = `SOFTWARE\Microsoft\Windows\CurrentVersion\Run`

// A registry key read once and never closed.
func autostart(name string) (string, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.QUERY_VALUE) // want `k from registry.OpenKey is not released on the path through the return at line \d+; defer k.Close\(\)`
	if err != nil {
		return "", err
	}
	v, _, err := k.GetStringValue(name)
	return v, err
}

func autostartOK(name string) (string, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.QUERY_VALUE)
	if err != nil {
		return "", err
	}
	defer k.Close()
	v, _, err := k.GetStringValue(name)
	return v, err
}

// CreateKey returns its error third.
func setAutostart(name, cmd string) error {
	k, _, err := registry.CreateKey(registry.CURRENT_USER, runKey, registry.SET_VALUE) // want `k from registry.CreateKey is not released`
	if err != nil {
		return err
	}
	return k.SetStringValue(name, cmd)
}

func setAutostartOK(name, cmd string) error {
	k, _, err := registry.CreateKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
	if err != nil {
		return err
	}
	if err := k.SetStringValue(name, cmd); err != nil {
		k.Close()
		return err
	}
	return k.Close()
}

// The service manager connection is not disconnected, and the service
// handle leaks on the error path of Start.
func start(name string) error {
	m, err := mgr.Connect() // want `m from mgr.Connect is not released on the path through the return at line \d+; defer m.Disconnect\(\)`
	if err != nil {
		return err
	}
	s, err := m.OpenService(name) // want `s from mgr.Mgr.OpenService is not released`
	if err != nil {
		return err
	}
	if err := s.Start(); err != nil {
		return err
	}
	return s.Close()
}

func startOK(name string) error {
	m, err := mgr.Connect()
	if err != nil {
		return err
	}
	defer m.Disconnect()
	s, err := m.OpenService(name)
	if err != nil {
		return err
	}
	defer s.Close()
	return s.Start()
}

// An event log opened to write one line.
func report(source, msg string) error {
	l, err := eventlog.Open(source) // want `l from eventlog.Open is not released`
	if err != nil {
		return err
	}
	return l.Info(1, msg)
}

func reportOK(source, msg string) error {
	l, err := eventlog.Open(source)
	if err != nil {
		return err
	}
	defer l.Close()
	return l.Info(1, msg)
}

// A key closed by a helper of this package.
func closeKey(k registry.Key) { // want closeKey:`closes\[0\]`
	k.Close()
}

func readOK(name string) (uint64, error) {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, runKey, registry.READ)
	if err != nil {
		return 0, err
	}
	defer closeKey(k)
	v, _, err := k.GetIntegerValue(name)
	return v, err
}
