package windows

// Stubs for the nulpath fixtures.

type LazyDLL struct{ Name string }

type LazyProc struct{ Name string }

func NewLazySystemDLL(name string) *LazyDLL                           { return &LazyDLL{Name: name} }
func NewLazyDLL(name string) *LazyDLL                                 { return &LazyDLL{Name: name} }
func (d *LazyDLL) NewProc(name string) *LazyProc                      { return &LazyProc{Name: name} }
func (p *LazyProc) Call(a ...uintptr) (r1, r2 uintptr, lastErr error) { return 0, 0, nil }
func (p *LazyProc) Addr() uintptr                                     { return 0 }

const (
	REG_SZ       = 1
	REG_MULTI_SZ = 7
)

func RegQueryValueEx(key Handle, name *uint16, reserved *uint32, valtype *uint32, buf *byte, buflen *uint32) (regerrno error) {
	return nil
}

func QueryDosDevice(deviceName *uint16, targetPath *uint16, max uint32) (n uint32, err error) {
	return 0, nil
}

func GetVolumePathNamesForVolumeName(volumeName *uint16, volumePathNames *uint16, bufferLength uint32, returnLength *uint32) (err error) {
	return nil
}

func DeleteFile(path *uint16) (err error) { return nil }

func GetFileAttributes(name *uint16) (attrs uint32, err error) { return 0, nil }

func GetWindowsDirectory() (string, error) { return "", nil }
