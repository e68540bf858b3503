// Double-NUL lists read with UTF16ToString (WL4004).
package nulpath

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// Positive cases.

func firstDriveOnly() (string, error) {
	buf := make([]uint16, 254)
	n, err := windows.GetLogicalDriveStrings(uint32(len(buf)), &buf[0])
	if err != nil {
		return "", err
	}
	return windows.UTF16ToString(buf[:n]), nil // want `UTF16ToString\(buf\[:n\]\) keeps only the first string of the double-NUL list windows.GetLogicalDriveStrings fills; split buf at each NUL`
}

func firstDriveWholeBuffer() string {
	var buf [254]uint16
	s := buf[:]
	windows.GetLogicalDriveStrings(uint32(len(s)), &s[0])
	return syscall.UTF16ToString(s) // want `UTF16ToString\(s\) keeps only the first string`
}

func firstVolumePath(vol *uint16) string {
	buf := make([]uint16, 512)
	var n uint32
	windows.GetVolumePathNamesForVolumeName(vol, &buf[0], uint32(len(buf)), &n)
	return windows.UTF16ToString(buf) // want `double-NUL list windows.GetVolumePathNamesForVolumeName fills`
}

func firstDosDevice(name *uint16) string {
	buf := make([]uint16, 1024)
	n, _ := windows.QueryDosDevice(name, &buf[0], uint32(len(buf)))
	return windows.UTF16ToString(buf[0:n]) // want `windows.QueryDosDevice fills`
}

func firstEnvVar() string {
	env, err := windows.GetEnvironmentStrings()
	if err != nil {
		return ""
	}
	defer windows.FreeEnvironmentStrings(env)
	return windows.UTF16PtrToString(env) // want `UTF16PtrToString\(env\) reads only the first variable of the environment block`
}

func firstEnvVarSlice() string {
	env, _ := windows.GetEnvironmentStrings()
	block := unsafe.Slice(env, 32768)
	return windows.UTF16ToString(block) // want `UTF16ToString\(block\) reads only the first variable of the environment block`
}

func multiSZ(k registry.Key) string {
	buf := make([]byte, 1024)
	n, typ, _ := k.GetValue("Sources", buf)
	u := unsafe.Slice((*uint16)(unsafe.Pointer(&buf[0])), n/2)
	if typ == registry.MULTI_SZ {
		return windows.UTF16ToString(u) // want `UTF16ToString\(u\) of a REG_MULTI_SZ value keeps only its first string`
	}
	return ""
}

func multiSZSwitch(h windows.Handle, name *uint16) string {
	var typ uint32
	buf := make([]uint16, 512)
	n := uint32(len(buf) * 2)
	windows.RegQueryValueEx(h, name, nil, &typ, (*byte)(unsafe.Pointer(&buf[0])), &n)
	switch typ {
	case windows.REG_SZ:
		return windows.UTF16ToString(buf)
	case windows.REG_MULTI_SZ:
		return windows.UTF16ToString(buf[:n/2]) // want `of a REG_MULTI_SZ value keeps only its first string`
	}
	return ""
}

// Negative cases.

func allDrives() []string {
	buf := make([]uint16, 254)
	n, _ := windows.GetLogicalDriveStrings(uint32(len(buf)), &buf[0])
	var out []string
	from := 0
	for i, c := range buf[:n] {
		if c == 0 {
			out = append(out, windows.UTF16ToString(buf[from:i]))
			from = i + 1
		}
	}
	return out
}

func allEnv() []string {
	env, _ := windows.GetEnvironmentStrings()
	defer windows.FreeEnvironmentStrings(env)
	var out []string
	for p := env; *p != 0; {
		s := windows.UTF16PtrToString(p)
		out = append(out, s)
		p = (*uint16)(unsafe.Add(unsafe.Pointer(p), (len(s)+1)*2))
	}
	return out
}

func singleString(h windows.Handle) string {
	var buf [windows_MAX_PATH]uint16
	windows.GetFileAttributes(&buf[0])
	return windows.UTF16ToString(buf[:])
}

const windows_MAX_PATH = 260

func regSZ(k registry.Key) string {
	buf := make([]byte, 1024)
	n, typ, _ := k.GetValue("Path", buf)
	u := unsafe.Slice((*uint16)(unsafe.Pointer(&buf[0])), n/2)
	if typ == registry.SZ || typ == registry.EXPAND_SZ {
		return windows.UTF16ToString(u)
	}
	return ""
}

func regStrings(k registry.Key) []string {
	v, _, _ := k.GetStringsValue("Sources")
	return v
}

func multiSZSplit(k registry.Key) []string {
	buf := make([]byte, 1024)
	n, typ, _ := k.GetValue("Sources", buf)
	u := unsafe.Slice((*uint16)(unsafe.Pointer(&buf[0])), n/2)
	var out []string
	if typ == registry.MULTI_SZ {
		from := 0
		for i, c := range u {
			if c == 0 {
				out = append(out, windows.UTF16ToString(u[from:i]))
				from = i + 1
			}
		}
	}
	return out
}
