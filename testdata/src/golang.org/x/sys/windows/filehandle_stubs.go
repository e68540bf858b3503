package windows

// Symbols used by the filehandle fixtures (WL1001–WL1005), with the real
// signatures of golang.org/x/sys/windows.

const MAX_PATH = 260

const ERROR_NO_MORE_FILES Errno = 18

type ProcessEntry32 struct {
	Size            uint32
	Usage           uint32
	ProcessID       uint32
	DefaultHeapID   uintptr
	ModuleID        uint32
	Threads         uint32
	ParentProcessID uint32
	PriClassBase    int32
	Flags           uint32
	ExeFile         [MAX_PATH]uint16
}

func Process32First(snapshot Handle, procEntry *ProcessEntry32) (err error) { return nil }
func Process32Next(snapshot Handle, procEntry *ProcessEntry32) (err error)  { return nil }
func GetExitCodeProcess(handle Handle, exitcode *uint32) (err error)        { return nil }
func TerminateProcess(handle Handle, exitcode uint32) (err error)           { return nil }
func ReleaseMutex(mutex Handle) (err error)                                 { return nil }
func GetProcAddress(module Handle, procname string) (proc uintptr, err error) {
	return 0, nil
}
func (t Token) IsElevated() bool { return false }

const (
	ERROR_ACCESS_DENIED     Errno = 5
	ERROR_SHARING_VIOLATION Errno = 32
	ERROR_INVALID_PARAMETER Errno = 87
)

// Close is CloseHandle under its POSIX name (syscall_windows.go).
func Close(fd Handle) (err error) { return CloseHandle(fd) }

const (
	HKEY_LOCAL_MACHINE Handle = 0x80000002
	KEY_READ                  = 0x20019
)

func RegOpenKeyEx(key Handle, subkey *uint16, options uint32, desiredAccess uint32, result *Handle) (regerrno error) {
	return nil
}
func RegCloseKey(key Handle) (regerrno error) { return nil }
