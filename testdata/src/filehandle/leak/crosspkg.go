package leak // want package:"resourcefacts"

// Facts from another package: filehandle/fileutil's CloseQuietly closes
// its parameter, OpenLog returns a fresh file, Fatal never returns,
// Checksum only reads and Keep takes ownership.

import (
	"filehandle/fileutil"
	"fmt"
	"os"
)

func logTo(name, msg string) error {
	lf, err := fileutil.OpenLog(name) // want `lf is not closed`
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(lf, msg)
	return err
}

func logToOK(name, msg string) error {
	lf, err := fileutil.OpenLog(name)
	if err != nil {
		return err
	}
	defer fileutil.CloseQuietly(lf)
	_, err = fmt.Fprintln(lf, msg)
	return err
}

func sum(name string) (uint32, error) {
	f, err := os.Open(name) // want `f is not closed`
	if err != nil {
		return 0, err
	}
	return fileutil.Checksum(f)
}

func sumOK(name string) uint32 {
	f, err := os.Open(name)
	if err != nil {
		fileutil.Fatal(err.Error())
	}
	defer fileutil.CloseQuietly(f)
	s, err := fileutil.Checksum(f)
	if err != nil {
		fileutil.Fatal(err.Error())
	}
	return s
}

func keepOpen(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	fileutil.Keep(f)
	return nil
}

// tempWithContent closes the file it returns (defer f.Close()): callers get
// a closed file whose Name they use, nothing to close (regression from
// hcsshim ext4/dmverity tests).
func tempWithContent(data []byte) (*os.File, error) {
	f, err := os.CreateTemp("", "content")
	if err != nil {
		return nil, err
	}
	defer f.Close() // want `error of f.Close\(\) is dropped`
	if _, err := f.Write(data); err != nil {
		return nil, err
	}
	return f, nil
}

func useClosedHelper() error {
	f, err := tempWithContent([]byte("x"))
	if err != nil {
		return err
	}
	return os.Remove(f.Name())
}
