package filehandlefix

import (
	win "golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

func priority(pid uint32) error {
	h, err := win.OpenProcess(win.PROCESS_QUERY_LIMITED_INFORMATION, false, pid) // want `h from windows.OpenProcess is not released`
	if err != nil {
		return err
	}
	var code uint32
	return win.GetExitCodeProcess(h, &code)
}

func version() (string, error) {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, `SOFTWARE\Microsoft\Windows NT\CurrentVersion`, registry.QUERY_VALUE) // want `k from registry.OpenKey is not released`
	if err != nil {
		return "", err
	}
	v, _, err := k.GetStringValue("CurrentVersion")
	return v, err
}
