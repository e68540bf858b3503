package pathsfix

import goos "os"

// os imported under another name.
func renamed() (*goos.File, error) {
	return goos.Create("/dev/null") // want `/dev/null does not exist on Windows`
}
