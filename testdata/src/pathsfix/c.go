package pathsfix

import (
	"net/http"
	"os"
	"path"
)

// path stays (URL paths); filepath is added.
func both(r *http.Request) (string, string) {
	wd, _ := os.Getwd()
	return path.Base(r.URL.Path), path.Dir(wd) // want `wd is an OS path`
}
