package filehandlefix

// Suggested fixes: defer the release right after the error check, when
// the resource is released nowhere and does not escape.

import (
	"encoding/json"
	"io"
	"os"
)

func load(name string, v any) error {
	f, err := os.Open(name) // want `f is not closed`
	if err != nil {
		return err
	}
	return json.NewDecoder(f).Decode(v)
}

func readAll(name string) []byte {
	f, _ := os.Open(name) // want `f is not closed`
	b, _ := io.ReadAll(f)
	return b
}

// No fix when the file is closed on some path already: a defer would
// close it twice.
func partial(name string) ([]byte, error) {
	f, err := os.Open(name) // want `f is not closed`
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	f.Close()
	return b, nil
}
