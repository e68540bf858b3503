package pathsfix

import "io/ioutil"

// os is not imported: the fix imports it.
func writeNull(b []byte) error {
	return ioutil.WriteFile("/dev/null", b, 0o644) // want `/dev/null does not exist on Windows`
}
