// Strings NUL-terminated by hand (WL4002), in a file built for Windows only.
package nulpath

import (
	"errors"
	"os"
	"strings"
	"syscall"
	"unicode/utf16"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	kernel32        = windows.NewLazySystemDLL("kernel32.dll")
	procDeleteFileW = kernel32.NewProc("DeleteFileW")
	procDeleteFileA = kernel32.NewProc("DeleteFileA")
	stdKernel32     = syscall.NewLazyDLL("kernel32.dll")
	procGetAttrsW   = stdKernel32.NewProc("GetFileAttributesW")
)

// Positive cases.

func deleteW(path string) error {
	p := append(utf16.Encode([]rune(path)), 0) // want `utf16.Encode\(\[\]rune\(path\)\) terminated by hand: a NUL byte inside path silently truncates the string the OS sees; check strings.IndexByte\(path, 0\) first`
	r, _, err := procDeleteFileW.Call(uintptr(unsafe.Pointer(&p[0])))
	if r == 0 {
		return err
	}
	return nil
}

func deleteA(path string) {
	b := append([]byte(path), 0) // want `append\(\[\]byte\(path\), 0\): a NUL byte inside path silently truncates`
	procDeleteFileA.Call(uintptr(unsafe.Pointer(&b[0])))
}

func deleteInline(path string) {
	procDeleteFileA.Call(uintptr(unsafe.Pointer(&append([]byte(path), 0)[0]))) // want `append\(\[\]byte\(path\), 0\)`
}

func sliceData(path string) {
	b := append([]byte(path), "\x00"...) // want `append\(\[\]byte\(path\), 0\)`
	procDeleteFileA.Call(uintptr(unsafe.Pointer(unsafe.SliceData(b))))
}

func encodeWithNUL(dir, name string) uintptr {
	u := utf16.Encode([]rune(dir + `\` + name + "\x00")) // want `utf16.Encode\(\[\]rune\(dir \+ .\\. \+ name \+ "\\x00"\)\)`
	r, _, _ := procGetAttrsW.Call(uintptr(unsafe.Pointer(&u[0])))
	return r
}

func encodeThenAppend(path string) uintptr {
	u := utf16.Encode([]rune(path))
	u = append(u, 0) // want `utf16.Encode\(\[\]rune\(path\)\) terminated by hand`
	r, _, _ := procGetAttrsW.Call(uintptr(unsafe.Pointer(&u[0])))
	return r
}

func stringData(path string) {
	procDeleteFileA.Call(uintptr(unsafe.Pointer(unsafe.StringData(path)))) // want `unsafe.StringData\(path\): a NUL byte inside path`
}

func stringDataVar(path string) {
	p := unsafe.StringData(path + "\x00") // want `unsafe.StringData\(path\)`
	syscall.Syscall(procDeleteFileA.Addr(), 1, uintptr(unsafe.Pointer(p)), 0, 0)
}

func checkedOther(path, other string) {
	if strings.IndexByte(other, 0) >= 0 {
		return
	}
	b := append([]byte(path), 0) // want `append\(\[\]byte\(path\), 0\)`
	procDeleteFileA.Call(uintptr(unsafe.Pointer(&b[0])))
}

func fieldPath(s *service) {
	u := append(utf16.Encode([]rune(s.path)), 0) // want `utf16.Encode\(\[\]rune\(s.path\)\) terminated by hand`
	procDeleteFileW.Call(uintptr(unsafe.Pointer(&u[0])))
}

func appendRuneLoop(path string) {
	var u []uint16
	for _, r := range path {
		u = utf16.AppendRune(u, r)
	}
	u = append(u, 0) // want `utf16.AppendRune over path terminated by hand: a NUL byte inside path silently truncates`
	procDeleteFileW.Call(uintptr(unsafe.Pointer(&u[0])))
}

// Negative cases.

func appendRuneChecked(path string) {
	var u []uint16
	for _, r := range path {
		if r == 0 {
			return
		}
		u = utf16.AppendRune(u, r)
	}
	u = append(u, 0)
	procDeleteFileW.Call(uintptr(unsafe.Pointer(&u[0])))
}

func deleteChecked(path string) error {
	if strings.IndexByte(path, 0) >= 0 {
		return errors.New("path contains NUL")
	}
	p := append(utf16.Encode([]rune(path)), 0)
	procDeleteFileW.Call(uintptr(unsafe.Pointer(&p[0])))
	return nil
}

func deleteContainsRune(path string) {
	if strings.ContainsRune(path, 0) {
		return
	}
	b := append([]byte(path), 0)
	procDeleteFileA.Call(uintptr(unsafe.Pointer(&b[0])))
}

func deleteRangeCheck(path string) {
	for _, r := range path {
		if r == 0 {
			return
		}
	}
	u := utf16.Encode([]rune(path + "\x00"))
	procDeleteFileW.Call(uintptr(unsafe.Pointer(&u[0])))
}

func deleteFromString(path string) error {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return err
	}
	procDeleteFileW.Call(uintptr(unsafe.Pointer(p)))
	return nil
}

func constantTerminated() {
	b := append([]byte("kernel32.dll"), 0)
	procDeleteFileA.Call(uintptr(unsafe.Pointer(&b[0])))
	u := append(utf16.Encode([]rune("C:\\tmp")), 0)
	procDeleteFileW.Call(uintptr(unsafe.Pointer(&u[0])))
	list := utf16.Encode([]rune("a.txt\x00b.txt\x00\x00")) // a constant double-NUL list
	_ = list
}

func notForTheOS(s string) []byte {
	b := append([]byte(s), 0) // a framing byte for a protocol, not a C string
	return b
}

func stringDataNotOS(s string) byte {
	p := unsafe.StringData(s) // read the first byte, no syscall
	return *p
}

func encodeNoTerminator(s string) []uint16 {
	return utf16.Encode([]rune(s))
}

// A C-style parser over Go memory: the bytes never reach the OS.
func parseTerminated(config string) int {
	b := append([]byte(config), 0)
	p := &b[0]
	n := 0
	for *p != 0 {
		n++
		p = &b[n]
	}
	return n
}

// Strings built from checked parts: registry's SetStringsValue.
func setStrings(value []string) uintptr {
	ss := ""
	for _, s := range value {
		for i := 0; i < len(s); i++ {
			if s[i] == 0 {
				return 0
			}
		}
		ss += s + "\x00"
	}
	v := utf16.Encode([]rune(ss + "\x00"))
	r, _, _ := procDeleteFileW.Call(uintptr(unsafe.Pointer(&v[0])))
	return r
}

func envTerminated() {
	u := append(utf16.Encode([]rune(os.Getenv("TEMP"))), 0)
	_ = u
}

// go-ole's SysAllocStringLen: only the length of the slice is handed over
// here, the buffer goes through another variable.
func countedLength(v string) uintptr {
	u := utf16.Encode([]rune(v + "\x00"))
	ptr := &u[0]
	r, _, _ := procDeleteFileW.Call(uintptr(unsafe.Pointer(ptr)), uintptr(len(u)-1))
	return r
}
