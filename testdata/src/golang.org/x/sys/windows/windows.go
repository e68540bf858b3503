// Package windows is a fixture stub of golang.org/x/sys/windows: the
// declarations winlint's checks look for, with the real signatures and no
// behaviour. Add symbols in a file named after your analyzer family
// (<family>_stubs.go) after checking they are not declared already.
package windows

import "syscall"

type Handle uintptr

const InvalidHandle = ^Handle(0)

type Errno = syscall.Errno

type SecurityAttributes struct {
	Length             uint32
	SecurityDescriptor uintptr
	InheritHandle      uint32
}

type Win32finddata struct {
	FileAttributes uint32
	FileName       [260]uint16
}

type Token Handle

func (t Token) Close() error { return CloseHandle(Handle(t)) }

const (
	GENERIC_READ          = 0x80000000
	GENERIC_WRITE         = 0x40000000
	GENERIC_ALL           = 0x10000000
	FILE_SHARE_READ       = 0x00000001
	FILE_SHARE_WRITE      = 0x00000002
	FILE_SHARE_DELETE     = 0x00000004
	CREATE_NEW            = 1
	CREATE_ALWAYS         = 2
	OPEN_EXISTING         = 3
	OPEN_ALWAYS           = 4
	FILE_ATTRIBUTE_NORMAL = 0x00000080
	FILE_FLAG_OVERLAPPED  = 0x40000000

	PROCESS_QUERY_INFORMATION         = 0x00000400
	PROCESS_QUERY_LIMITED_INFORMATION = 0x00001000
	PROCESS_TERMINATE                 = 0x00000001
	SYNCHRONIZE                       = 0x00100000
	TOKEN_QUERY                       = 0x0008
	TOKEN_ADJUST_PRIVILEGES           = 0x0020
	TH32CS_SNAPPROCESS                = 0x00000002
	DUPLICATE_SAME_ACCESS             = 0x00000002
	PAGE_READONLY                     = 0x02
	PAGE_READWRITE                    = 0x04
	FILE_MAP_READ                     = 0x04
	FILE_MAP_WRITE                    = 0x02
	INFINITE                          = 0xffffffff
)

func CloseHandle(handle Handle) (err error) { return nil }

func CreateFile(name *uint16, access uint32, mode uint32, sa *SecurityAttributes, createmode uint32, attrs uint32, templatefile Handle) (handle Handle, err error) {
	return 0, nil
}
func OpenProcess(desiredAccess uint32, inheritHandle bool, processId uint32) (handle Handle, err error) {
	return 0, nil
}
func CreateEvent(eventAttrs *SecurityAttributes, manualReset uint32, initialState uint32, name *uint16) (handle Handle, err error) {
	return 0, nil
}
func CreateMutex(mutexAttrs *SecurityAttributes, initialOwner bool, name *uint16) (handle Handle, err error) {
	return 0, nil
}
func CreateToolhelp32Snapshot(flags uint32, processId uint32) (handle Handle, err error) {
	return 0, nil
}
func OpenProcessToken(process Handle, access uint32, token *Token) (err error) { return nil }
func DuplicateHandle(hSourceProcessHandle Handle, hSourceHandle Handle, hTargetProcessHandle Handle, lpTargetHandle *Handle, dwDesiredAccess uint32, bInheritHandle bool, dwOptions uint32) (err error) {
	return nil
}
func CreateFileMapping(fhandle Handle, sa *SecurityAttributes, prot uint32, maxSizeHigh uint32, maxSizeLow uint32, name *uint16) (handle Handle, err error) {
	return 0, nil
}
func MapViewOfFile(handle Handle, access uint32, offsetHigh uint32, offsetLow uint32, length uintptr) (addr uintptr, err error) {
	return 0, nil
}
func UnmapViewOfFile(addr uintptr) (err error)                                   { return nil }
func FindFirstFile(name *uint16, data *Win32finddata) (handle Handle, err error) { return 0, nil }
func FindNextFile(handle Handle, data *Win32finddata) (err error)                { return nil }
func FindClose(handle Handle) (err error)                                        { return nil }
func LoadLibrary(libname string) (handle Handle, err error)                      { return 0, nil }
func LoadLibraryEx(libname string, zero Handle, flags uintptr) (handle Handle, err error) {
	return 0, nil
}
func FreeLibrary(handle Handle) (err error)               { return nil }
func GetCurrentProcess() (pseudoHandle Handle, err error) { return 0, nil }
func CurrentProcess() Handle                              { return 0 }
func WaitForSingleObject(handle Handle, waitMilliseconds uint32) (event uint32, err error) {
	return 0, nil
}
func ReadFile(fd Handle, p []byte, done *uint32, overlapped *Overlapped) error  { return nil }
func WriteFile(fd Handle, p []byte, done *uint32, overlapped *Overlapped) error { return nil }
func SetEvent(event Handle) (err error)                                         { return nil }

type Overlapped struct {
	Internal     uintptr
	InternalHigh uintptr
	Offset       uint32
	OffsetHigh   uint32
	HEvent       Handle
}

// Strings.

func StringToUTF16(s string) []uint16              { return nil }
func StringToUTF16Ptr(s string) *uint16            { return nil }
func UTF16FromString(s string) ([]uint16, error)   { return nil, nil }
func UTF16PtrFromString(s string) (*uint16, error) { return nil, nil }
func UTF16ToString(s []uint16) string              { return "" }
func UTF16PtrToString(p *uint16) string            { return "" }
func ByteSliceFromString(s string) ([]byte, error) { return nil, nil }
func BytePtrFromString(s string) (*byte, error)    { return nil, nil }
func BytePtrToString(p *byte) string               { return "" }
func GetLogicalDriveStrings(bufferLength uint32, buffer *uint16) (n uint32, err error) {
	return 0, nil
}
func GetEnvironmentStrings() (envs *uint16, err error) { return nil, nil }
func FreeEnvironmentStrings(envs *uint16) (err error)  { return nil }

// Consoles.

func FreeConsole() (err error)             { return nil }
func AllocConsole() (err error)            { return nil }
func AttachConsole(pid uint32) (err error) { return nil }

const ATTACH_PARENT_PROCESS = ^uint32(0)
