// Panicking converters (WL4001) and constant strings with a NUL given to
// converters (WL4003), in a file built for Windows only.
package nulpath

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
	win "golang.org/x/sys/windows"
)

type service struct {
	name string
	path string
}

// Positive cases.

func openByName(name string) (windows.Handle, error) {
	return windows.CreateFile(windows.StringToUTF16Ptr(name), windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0) // want `windows.StringToUTF16Ptr panics if name contains a NUL byte; use windows.UTF16PtrFromString and handle its error`
}

func deleteWith(path string) {
	windows.DeleteFile(windows.StringToUTF16Ptr(path)) // want `windows.StringToUTF16Ptr panics if path contains a NUL byte`
}

func fieldArg(s *service) []uint16 {
	return windows.StringToUTF16(s.path) // want `windows.StringToUTF16 panics if s.path contains a NUL byte; use windows.UTF16FromString`
}

func renamedImport(dir string) *uint16 {
	return win.StringToUTF16Ptr(dir + `\config`) // want `windows.StringToUTF16Ptr panics if dir \+ .\\config. contains a NUL byte`
}

func stdConverters(name string, b []byte) {
	_ = syscall.StringToUTF16Ptr(name)     // want `syscall.StringToUTF16Ptr panics if name contains a NUL byte; use syscall.UTF16PtrFromString`
	_ = syscall.StringToUTF16(name)        // want `syscall.StringToUTF16 panics if name contains a NUL byte; use syscall.UTF16FromString`
	_ = syscall.StringBytePtr(name)        // want `syscall.StringBytePtr panics if name contains a NUL byte; use syscall.BytePtrFromString`
	_ = syscall.StringByteSlice(string(b)) // want `syscall.StringByteSlice panics if string\(b\) contains a NUL byte; use syscall.ByteSliceFromString`
}

func formatted(user string) *uint16 {
	return windows.StringToUTF16Ptr(fmt.Sprintf(`C:\Users\%s`, user)) // want `windows.StringToUTF16Ptr panics if fmt.Sprintf`
}

func inClosure(names []string) {
	for _, n := range names {
		func() {
			windows.DeleteFile(windows.StringToUTF16Ptr(n)) // want `windows.StringToUTF16Ptr panics if n contains a NUL byte`
		}()
	}
}

func checkedAfter(name string) *uint16 {
	p := windows.StringToUTF16Ptr(name)  // want `panics if name contains a NUL byte`
	if strings.IndexByte(name, 0) >= 0 { // too late: the conversion already panicked
		return nil
	}
	return p
}

func unrelatedCheck(name, other string) *uint16 {
	if strings.ContainsRune(other, 0) {
		return nil
	}
	return windows.StringToUTF16Ptr(name) // want `panics if name contains a NUL byte`
}

// WL4003: constants with a NUL.

const badName = "service\x00"

func constantNUL() {
	_ = windows.StringToUTF16Ptr("a\x00b")                                                                                               // want `windows.StringToUTF16Ptr\("a\\x00b"\) always panics: the string contains a NUL byte`
	_ = syscall.StringBytePtr(badName)                                                                                                   // want `syscall.StringBytePtr\("service\\x00"\) always panics`
	_, _ = windows.UTF16PtrFromString(badName + "x")                                                                                     // want `windows.UTF16PtrFromString\("service\\x00x"\) always fails with EINVAL`
	_, _ = syscall.BytePtrFromString("/tmp/x\x00")                                                                                       // want `syscall.BytePtrFromString\("/tmp/x\\x00"\) always fails with EINVAL`
	_, _ = windows.UTF16FromString("C:\\a\x00\\b")                                                                                       // want `windows.UTF16FromString\("C:\\\\a\\x00\\\\b"\) always fails with EINVAL`
	_, _ = windows.CreateFile(windows.StringToUTF16Ptr(`C:\log.txt`+"\x00"), windows.GENERIC_WRITE, 0, nil, windows.CREATE_ALWAYS, 0, 0) // want `always panics`
}

var procGetFileAttributesA = syscall.NewLazyDLL("kernel32.dll").NewProc("GetFileAttributesA")

func rawSyscall() {
	syscall.Syscall(procGetFileAttributesA.Addr(), 1, uintptr(unsafe.Pointer(syscall.StringBytePtr("C:\\x\x00y"))), 0, 0) // want `syscall.StringBytePtr\("C:\\\\x\\x00y"\) always panics`
	p, _ := syscall.BytePtrFromString("C:\\boot.ini\x00")                                                                 // want `always fails with EINVAL`
	procGetFileAttributesA.Call(uintptr(unsafe.Pointer(p)))
}

// Negative cases: the correct idioms.

func fromString(name string) (windows.Handle, error) {
	namep, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return 0, err
	}
	return windows.CreateFile(namep, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
}

func constants() {
	_ = windows.StringToUTF16Ptr("kernel32.dll")
	_ = windows.StringToUTF16Ptr(`C:\Windows`)
	_ = syscall.StringToUTF16Ptr("SeDebugPrivilege")
	_ = syscall.StringBytePtr("GetTickCount")
	const svc = "winlint"
	_ = windows.StringToUTF16(svc + "-agent")
	name := "once" // assigned once: folded
	_ = windows.StringToUTF16Ptr(name)
}

func nulFreeSources(n int) {
	_ = windows.StringToUTF16Ptr(os.Args[0])
	_ = windows.StringToUTF16Ptr(os.Getenv("APPDATA"))
	exe, _ := os.Executable()
	_ = windows.StringToUTF16Ptr(filepath.Dir(exe))
	_ = windows.StringToUTF16Ptr(strconv.Itoa(n))
	_ = windows.StringToUTF16Ptr(fmt.Sprintf("Global\\winlint-%d", n))
	_ = windows.StringToUTF16Ptr(filepath.Join(os.Getenv("ProgramData"), "winlint", "state.json"))
	var buf [260]uint16
	_ = windows.StringToUTF16Ptr(windows.UTF16ToString(buf[:]))
}

func checkedFirst(name string) (*uint16, error) {
	if strings.IndexByte(name, 0) >= 0 {
		return nil, errors.New("name contains NUL")
	}
	return windows.StringToUTF16Ptr(name), nil
}

func checkedContains(name string) *uint16 {
	if strings.Contains(name, "\x00") {
		return nil
	}
	return syscall.StringToUTF16Ptr(name)
}

func checkedByLoop(name string) *byte {
	for i := 0; i < len(name); i++ {
		if name[i] == 0 {
			return nil
		}
	}
	return syscall.StringBytePtr(name)
}

func validate(s string) error { return nil }

func checkedByValidator(name string) *uint16 {
	if validate(name) != nil {
		return nil
	}
	return windows.StringToUTF16Ptr(name)
}

type svcDesc struct{ Name string }

func fromOSAndLiterals(tmp string) {
	dir, _ := windows.GetWindowsDirectory()
	_ = windows.StringToUTF16Ptr(filepath.Join(dir, "explorer.exe"))
	s := svcDesc{Name: "dnscache"}
	_ = windows.StringToUTF16Ptr(s.Name)
	_ = windows.StringToUTF16Ptr(Sprintf("&Configuration:"))
	for d := 'A'; d <= 'Z'; d++ {
		_ = syscall.StringToUTF16Ptr(string(d) + ":")
	}
}

// Sprintf stands for a localization package's Sprintf.
func Sprintf(format string, args ...any) string { return format }

// The converters' own definitions (x/sys's StringToUTF16Ptr calls
// StringToUTF16) are not reported.

// A local function that happens to share the name is not the converter.
func StringToUTF16Ptr(s string) *uint16 { return nil }

func localLookalike(name string) {
	_ = StringToUTF16Ptr(name)
	_, _ = windows.UTF16PtrFromString("no NUL here")
	_, _ = syscall.ByteSliceFromString(name)
}

// An unexported helper whose every caller passes a NUL-free string.
func messageBox(title string) *uint16 {
	return windows.StringToUTF16Ptr(title)
}

func showUsage() {
	messageBox("Usage")
	messageBox(Sprintf("Command Line Options"))
}

// One caller passes a string of unknown content: reported.
func openHelper(name string) *uint16 {
	return windows.StringToUTF16Ptr(name) // want `windows.StringToUTF16Ptr panics if name contains a NUL byte`
}

func OpenAll(names []string) {
	openHelper("fixed.txt")
	openHelper(names[0])
}
