package windows

// Stubs for the rawfd fixtures.

func GetConsoleMode(console Handle, mode *uint32) (err error) { return nil }

const (
	STD_INPUT_HANDLE  = -10 & (1<<32 - 1)
	STD_OUTPUT_HANDLE = -11 & (1<<32 - 1)
	STD_ERROR_HANDLE  = -12 & (1<<32 - 1)
)

func SetStdHandle(stdhandle uint32, handle Handle) (err error) { return nil }
func GetStdHandle(stdhandle uint32) (fd Handle, err error)     { return 0, nil }

type ByHandleFileInformation struct {
	FileAttributes     uint32
	VolumeSerialNumber uint32
	FileSizeHigh       uint32
	FileSizeLow        uint32
	NumberOfLinks      uint32
	FileIndexHigh      uint32
	FileIndexLow       uint32
}

func GetFileInformationByHandle(handle Handle, data *ByHandleFileInformation) (err error) { return nil }

const WAIT_OBJECT_0 = 0x00000000
