package pathsfix

import "io/ioutil"

// os is shadowed by a local variable: no fix.
func shadowed() ([]byte, error) {
	os := "linux"
	_ = os
	return ioutil.ReadFile("/dev/null") // want `/dev/null does not exist on Windows`
}
