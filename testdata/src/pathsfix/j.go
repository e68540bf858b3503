package pathsfix

import (
	"archive/zip"
	"path/filepath"
)

func add(w *zip.Writer, root, p string) error {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return err
	}
	_, err = w.Create(rel) // want `rel is an OS path`
	return err
}
