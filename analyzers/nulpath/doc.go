// Package nulpath defines an analyzer that reports NUL bytes on the way to
// the OS: converters that panic on a NUL, strings terminated by hand that a
// NUL silently truncates, constant paths that contain a NUL, and
// double-NUL lists read as one string (WL4001–WL4004).
//
// A string is "non-constant" when internal/fold cannot evaluate it; strings
// that cannot hold a NUL (os.Args elements, environment values, numbers
// formatted by strconv, results of UTF16ToString, and paths joined from
// such strings) and strings tested for a NUL earlier in the function are
// not reported. See ../../docs/checks/WL4001.md and following.
package nulpath

import "github.com/winlint/winlint/internal/catalog"

const doc = `report NUL bytes on the way to the OS (WL4001–WL4004)

The nulpath analyzer finds string converters that panic on a NUL byte
(windows.StringToUTF16Ptr, syscall.StringBytePtr…), strings terminated
by hand (append([]byte(s), 0), utf16.Encode + 0, unsafe.StringData,
C.CString) that a NUL inside silently truncates, constant paths that
contain a NUL, and UTF16ToString on buffers that hold double-NUL lists.`

// Family is the nulpath analyzer with its checks.
var Family = catalog.NewFamily(Analyzer, WL4001, WL4002, WL4003, WL4004)

var WL4001 = &catalog.Check{
	ID:       "WL4001",
	Title:    "string converter panics on a NUL byte in a non-constant string",
	Default:  false,
	Severity: catalog.Warning,
	Doc: "`windows.StringToUTF16`, `windows.StringToUTF16Ptr`, `syscall.StringToUTF16`, " +
		"`syscall.StringToUTF16Ptr`, `syscall.StringBytePtr` and `syscall.StringByteSlice` **panic** when " +
		"the string contains a NUL byte (`panic(\"windows: string with NUL passed to StringToUTF16\")`). " +
		"A file name, registry path or service name that comes from the user, a config file or the network " +
		"then crashes the program instead of failing the call (`syscall/syscall_windows.go StringToUTF16`, " +
		"`syscall/syscall.go StringByteSlice`, `golang.org/x/sys/windows/syscall_windows.go StringToUTF16`).\n\n" +
		"staticcheck's SA1019 reports the `syscall` ones as deprecated, but not the `x/sys/windows` ones, " +
		"whose deprecation is prose only; winlint reports both, for the panic.\n\n" +
		"Not reported: constant strings without a NUL (they cannot panic; a constant *with* a NUL is " +
		"WL4003); strings that cannot contain a NUL (`os.Args[i]`, `os.Getenv`, `os.Executable`, " +
		"`strconv` numbers, `UTF16ToString` results, `GetWindowsDirectory`, `filepath.Join` of those, " +
		"`string(r)` of an integer, fields of a local composite literal, a `Sprintf` with a constant format, " +
		"parameters of unexported functions whose every caller in the package passes such a string); " +
		"strings tested for a NUL " +
		"(`strings.IndexByte(s, 0)`, `strings.ContainsRune(s, 0)`, `strings.Contains(s, \"\\x00\")`, a " +
		"`…Valid…`/`…Check…` function) earlier in the same function.\n\n" +
		"Off by default: on the benchmark corpus 32 of 37 findings were true (precision 0.86, under " +
		"the 0.9 bar; bench/TRIAGE.md). The false ones were strings that cannot hold a NUL for reasons " +
		"outside the function (volume names from performance data, names validated elsewhere, message " +
		"text built from errors and command-line arguments). Enable it with `-checks default,WL4001`.\n\n" +
		"Fix: the `…FromString` form (`UTF16PtrFromString`, `UTF16FromString`, `BytePtrFromString`, " +
		"`ByteSliceFromString`), which returns `EINVAL` instead of panicking, and handle its error. A " +
		"suggested fix does this when the enclosing function returns an error.",
	Bad: `package svc

import "golang.org/x/sys/windows"

func open(name string) (windows.Handle, error) {
	return windows.CreateFile(windows.StringToUTF16Ptr(name), // panics on a NUL
		windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
}`,
	Good: `package svc

import "golang.org/x/sys/windows"

func open(name string) (windows.Handle, error) {
	namep, err := windows.UTF16PtrFromString(name) // EINVAL on a NUL
	if err != nil {
		return 0, err
	}
	return windows.CreateFile(namep, windows.GENERIC_READ, 0, nil, windows.OPEN_EXISTING, 0, 0)
}`,
}

var WL4002 = &catalog.Check{
	ID:       "WL4002",
	Title:    "string terminated by hand for the OS is silently truncated at an inner NUL",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "Strings NUL-terminated by hand skip the NUL check the standard converters make: " +
		"`append([]byte(s), 0)` whose address reaches `unsafe.Pointer` or a syscall, " +
		"`append(utf16.Encode([]rune(s)), 0)` and `utf16.Encode([]rune(s + \"\\x00\"))`, a slice built " +
		"with `utf16.AppendRune` over `range s` and terminated with `append(u, 0)` (each reaching `unsafe.Pointer` " +
		"or a syscall), " +
		"`unsafe.StringData(s)` passed to a syscall (which has no terminator at all), and cgo's " +
		"`C.CString(s)`. A NUL inside `s` ends the string early, so the OS opens, deletes or creates " +
		"**another path** — `C:\\data\\user\\x00\\..\\secret` becomes `C:\\data\\user` — and " +
		"nothing fails (on Linux an `openat` of `/etc/hostname\\x00.evil` opens `/etc/hostname`; cgo's " +
		"`_Cfunc_CString` in `cmd/cgo/out.go` copies the bytes and appends a NUL without checking for one).\n\n" +
		"Not reported: constant strings; strings that cannot contain a NUL (see WL4001); strings tested " +
		"for a NUL earlier in the same function (`strings.IndexByte(s, 0)`, `strings.ContainsRune(s, 0)`, " +
		"`strings.Contains(s, \"\\x00\")`, a loop comparing `s[i]` or its runes with 0, or a " +
		"`…Valid…`/`…Check…` function given `s`; a string built from checked strings counts as checked); " +
		"terminated buffers that never reach `unsafe.Pointer` or a syscall (a Go-side parser), or that reach " +
		"it only through another variable or as a length. The check is intra-procedural: a check made by a caller is not seen. " +
		"cgo files are only analyzed when cgo is enabled.\n\n" +
		"Fix: `windows.UTF16PtrFromString` / `syscall.BytePtrFromString` (they return `EINVAL` for a " +
		"NUL), or test `strings.IndexByte(s, 0) >= 0` first and fail.",
	Bad: `package fsx

import (
	"syscall"
	"unicode/utf16"
	"unsafe"
)

var procDeleteFileW = syscall.NewLazyDLL("kernel32.dll").NewProc("DeleteFileW")

func remove(path string) error {
	p := append(utf16.Encode([]rune(path)), 0) // "a\x00b" deletes "a"
	r, _, err := procDeleteFileW.Call(uintptr(unsafe.Pointer(&p[0])))
	if r == 0 {
		return err
	}
	return nil
}`,
	Good: `package fsx

import (
	"syscall"
	"unsafe"
)

var procDeleteFileW = syscall.NewLazyDLL("kernel32.dll").NewProc("DeleteFileW")

func remove(path string) error {
	p, err := syscall.UTF16PtrFromString(path) // EINVAL on a NUL
	if err != nil {
		return err
	}
	r, _, err := procDeleteFileW.Call(uintptr(unsafe.Pointer(p)))
	if r == 0 {
		return err
	}
	return nil
}`,
}

var WL4003 = &catalog.Check{
	ID:       "WL4003",
	Title:    "constant path containing a NUL byte always fails or panics",
	Default:  true,
	Severity: catalog.Error,
	Doc: "A constant string containing `\\x00` given to a file API (`os.Open`, `os.Stat`, `os.Remove`, " +
		"`os.ReadFile`…, `syscall.Open`, `windows.LoadLibrary`…) or to a converter " +
		"(`windows.UTF16PtrFromString`, `syscall.BytePtrFromString`…) always fails with `EINVAL`; given " +
		"to a panicking converter (`windows.StringToUTF16Ptr`, `syscall.StringBytePtr`…) it always " +
		"panics. Every Windows path conversion in `os` and `syscall` goes through `UTF16FromString`, which " +
		"rejects NULs (`syscall/syscall_windows.go UTF16FromString` starts with a NUL check and always copies); " +
		"Go 1.19+ did **not** add a zero-copy path that skips the check (golang/go#59967 only changed its allocation). " +
		"Raw `syscall.Syscall` and `(*LazyProc).Call` calls are covered through the converter that makes " +
		"their path pointer.\n\n" +
		"Constants are folded through named constants, concatenations and variables assigned once.\n\n" +
		"Not reported: constants without a NUL; `utf16.Encode` of a constant with NULs (the correct way to " +
		"build a double-NUL list such as SHFileOperation's `pFrom`).\n\n" +
		"Fix: remove the `\\x00`; Go adds the terminator. For a double-NUL list, build it with " +
		"`utf16.Encode`.",
	Bad: `package cfg

import "os"

func load() ([]byte, error) {
	return os.ReadFile("C:\\ProgramData\\app\\config.json\x00") // always EINVAL
}`,
	Good: `package cfg

import "os"

func load() ([]byte, error) {
	return os.ReadFile("C:\\ProgramData\\app\\config.json")
}`,
}

var WL4004 = &catalog.Check{
	ID:       "WL4004",
	Title:    "UTF16ToString of a double-NUL list keeps only its first string",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "`windows.UTF16ToString` and `syscall.UTF16ToString` stop at the **first** NUL. APIs that " +
		"return lists of strings separate them with NULs and end the list with two: " +
		"`GetLogicalDriveStrings` (`\"C:\\\\\\x00D:\\\\\\x00\\x00\"` in Go notation), `GetVolumePathNamesForVolumeName`, " +
		"`QueryDosDevice`, `REG_MULTI_SZ` registry values and the environment block of " +
		"`GetEnvironmentStrings`. Converting the whole buffer silently yields its first element: one " +
		"drive, one registry string, one environment variable (`UTF16ToString` stops at the first NUL: " +
		"`syscall/syscall_windows.go`; the list format: " +
		"https://learn.microsoft.com/en-us/windows/win32/api/fileapi/nf-fileapi-getlogicaldrivestringsw).\n\n" +
		"Reported: `UTF16ToString(buf)` (or `buf[:n]`) where `buf` is filled by one of these APIs in the " +
		"same function, or derived from the `GetEnvironmentStrings` pointer; `UTF16PtrToString` of that " +
		"pointer; `UTF16ToString` of a whole buffer in the `REG_MULTI_SZ` branch of an `if` or `switch` " +
		"on the value type.\n\n" +
		"Not reported: calls inside a loop (walking the list element by element), and slices that do not " +
		"start at 0 (`buf[from:i]`), which is how lists are split correctly.\n\n" +
		"Fix: split the buffer at each NUL until an empty string, or use a list API: " +
		"`registry.Key.GetStringsValue`, `os.Environ`.",
	Bad: `package drives

import "golang.org/x/sys/windows"

func drives() (string, error) {
	buf := make([]uint16, 254)
	n, err := windows.GetLogicalDriveStrings(uint32(len(buf)), &buf[0])
	if err != nil {
		return "", err
	}
	return windows.UTF16ToString(buf[:n]), nil // "C:\" only
}`,
	Good: `package drives

import "golang.org/x/sys/windows"

func drives() ([]string, error) {
	buf := make([]uint16, 254)
	n, err := windows.GetLogicalDriveStrings(uint32(len(buf)), &buf[0])
	if err != nil {
		return nil, err
	}
	var out []string
	from := 0
	for i, c := range buf[:n] {
		if c == 0 {
			out = append(out, windows.UTF16ToString(buf[from:i]))
			from = i + 1
		}
	}
	return out, nil
}`,
}
