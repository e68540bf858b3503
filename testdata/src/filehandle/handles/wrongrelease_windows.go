package handles

// WL1005: a handle released with a function meant for another kind of
// handle. CloseHandle (and syscall.Close, windows.Close) closes kernel
// objects; a find handle needs FindClose, a module FreeLibrary, a mapped
// view UnmapViewOfFile, a registry key RegCloseKey. The wrong call fails
// (or closes an unrelated handle) and the resource stays allocated.

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// A directory listing ported from C closes its search handle like a file.
func listDir(pattern *uint16) ([]string, error) {
	var fd windows.Win32finddata
	h, err := windows.FindFirstFile(pattern, &fd)
	if err != nil {
		return nil, err
	}
	defer windows.CloseHandle(h) // want `h from windows.FindFirstFile is released with windows.CloseHandle, which does not release a find handle; use windows.FindClose\(h\)`
	var names []string
	for {
		names = append(names, windows.UTF16ToString(fd.FileName[:]))
		if err := windows.FindNextFile(h, &fd); err != nil {
			break
		}
	}
	return names, nil
}

func listDirOK(pattern *uint16) ([]string, error) {
	var fd windows.Win32finddata
	h, err := windows.FindFirstFile(pattern, &fd)
	if err != nil {
		return nil, err
	}
	defer windows.FindClose(h)
	var names []string
	for {
		names = append(names, windows.UTF16ToString(fd.FileName[:]))
		if err := windows.FindNextFile(h, &fd); err != nil {
			break
		}
	}
	return names, nil
}

// The syscall spelling of the same mistake: syscall.Close is CloseHandle.
func firstMatch(pattern *uint16) (string, error) {
	var fd syscall.Win32finddata
	h, err := syscall.FindFirstFile(pattern, &fd)
	if err != nil {
		return "", err
	}
	defer syscall.Close(h) // want `h from syscall.FindFirstFile is released with syscall.Close, which does not release a find handle; use syscall.FindClose\(h\)`
	return syscall.UTF16ToString(fd.FileName[:]), nil
}

// A DLL loaded to probe for an export, "closed" as a kernel handle.
func hasExport(dll, name string) bool {
	mod, err := windows.LoadLibrary(dll)
	if err != nil {
		return false
	}
	defer windows.CloseHandle(mod) // want `mod from windows.LoadLibrary is released with windows.CloseHandle, which does not release a module handle; use windows.FreeLibrary\(mod\)`
	_, err = windows.GetProcAddress(mod, name)
	return err == nil
}

func hasExportOK(dll, name string) bool {
	mod, err := windows.LoadLibrary(dll)
	if err != nil {
		return false
	}
	defer windows.FreeLibrary(mod)
	_, err = windows.GetProcAddress(mod, name)
	return err == nil
}

// A mapped view closed with CloseHandle; the mapping handle itself is a
// kernel object and CloseHandle is right for it.
func firstByte(f windows.Handle) (byte, error) { // want firstByte:`borrows\[0\]`
	m, err := windows.CreateFileMapping(f, nil, windows.PAGE_READONLY, 0, 0, nil)
	if err != nil {
		return 0, err
	}
	defer windows.CloseHandle(m)
	addr, err := windows.MapViewOfFile(m, windows.FILE_MAP_READ, 0, 0, 1)
	if err != nil {
		return 0, err
	}
	defer windows.CloseHandle(windows.Handle(addr)) // want `addr from windows.MapViewOfFile is released with windows.CloseHandle, which does not release a mapped view; use windows.UnmapViewOfFile\(addr\)`
	return *(*byte)(unsafe.Pointer(addr)), nil
}

func firstByteOK(f windows.Handle) (byte, error) { // want firstByteOK:`borrows\[0\]`
	m, err := windows.CreateFileMapping(f, nil, windows.PAGE_READONLY, 0, 0, nil)
	if err != nil {
		return 0, err
	}
	defer windows.CloseHandle(m)
	addr, err := windows.MapViewOfFile(m, windows.FILE_MAP_READ, 0, 0, 1)
	if err != nil {
		return 0, err
	}
	defer windows.UnmapViewOfFile(addr)
	return *(*byte)(unsafe.Pointer(addr)), nil
}

// A registry key from the raw API closed with CloseHandle.
func keyExists(path *uint16) bool {
	var k windows.Handle
	if err := windows.RegOpenKeyEx(windows.HKEY_LOCAL_MACHINE, path, 0, windows.KEY_READ, &k); err != nil {
		return false
	}
	windows.CloseHandle(k) // want `k from windows.RegOpenKeyEx is released with windows.CloseHandle, which does not release a registry key; use windows.RegCloseKey\(k\)`
	return true
}

func keyExistsOK(path *uint16) bool {
	var k windows.Handle
	if err := windows.RegOpenKeyEx(windows.HKEY_LOCAL_MACHINE, path, 0, windows.KEY_READ, &k); err != nil {
		return false
	}
	windows.RegCloseKey(k)
	return true
}

// A registry.Key handed to CloseHandle through a conversion.
func keyFromPackage(path string) bool {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, path, registry.QUERY_VALUE)
	if err != nil {
		return false
	}
	windows.CloseHandle(windows.Handle(k)) // want `k from registry.OpenKey is released with windows.CloseHandle, which does not release a registry key; use k.Close\(\)`
	return true
}

// A registry.Key closed through the raw API is right.
func keyFromPackageRawOK(path string) bool {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, path, registry.QUERY_VALUE)
	if err != nil {
		return false
	}
	windows.RegCloseKey(windows.Handle(k))
	return true
}

// The raw key leaked on an early return.
func keyValueLeak(path *uint16) bool {
	var k windows.Handle
	if err := windows.RegOpenKeyEx(windows.HKEY_LOCAL_MACHINE, path, 0, windows.KEY_READ, &k); err != nil { // want `k from windows.RegOpenKeyEx is not released on the path through the return at line \d+; defer windows.RegCloseKey\(k\)`
		return false
	}
	if !hasValues(k) {
		return false
	}
	windows.RegCloseKey(k)
	return true
}

func hasValues(k windows.Handle) bool { // want hasValues:`borrows\[0\]`
	return k != 0
}
