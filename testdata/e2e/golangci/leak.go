package main

import "os"

// readHeader leaks f on the early return: WL1001, whose related position
// (the return) the plugin folds into the message.
func readHeader(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 16)
	if _, err := f.Read(buf); err != nil {
		return nil, err
	}
	return buf, f.Close()
}

// readHeaderSuite is the same leak, suppressed for the whole suite: no
// issue at all, not even at the return.
func readHeaderSuite(name string) ([]byte, error) {
	f, err := os.Open(name) //nolint:winlint // kept to test suppression
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 16)
	if _, err := f.Read(buf); err != nil {
		return nil, err
	}
	return buf, f.Close()
}

// readHeaderCheck is the same leak, suppressed for WL1001 only.
func readHeaderCheck(name string) ([]byte, error) {
	f, err := os.Open(name) //nolint:wl1001 // kept to test suppression
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 16)
	if _, err := f.Read(buf); err != nil {
		return nil, err
	}
	return buf, f.Close()
}
