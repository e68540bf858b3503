package provenance

import (
	"archive/zip"
	"io/fs"
	"os"
	"path/filepath"
)

func fileInfos(f *os.File, zh *zip.FileHeader, fsys fs.FS) {
	info, err := os.Stat("x")
	if err != nil {
		return
	}
	origin(info)               // want `^OSFile$`
	origin(info.Mode())        // want `^OSFile$`
	origin(info.Mode().Perm()) // want `^OSFile$`
	mode := info.Mode()
	origin(mode) // want `^OSFile$`
	st, _ := f.Stat()
	origin(st) // want `^OSFile$`
	entries, _ := os.ReadDir(".")
	for _, e := range entries {
		origin(e) // want `^OSFile$`
		fi, _ := e.Info()
		origin(fi)       // want `^OSFile$`
		origin(e.Name()) // want `^unknown$`
	}
	filepath.Walk(".", func(p string, info os.FileInfo, err error) error {
		origin(info.Mode()) // want `^OSFile$`
		return nil
	})
	filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		origin(d) // want `^OSFile$`
		return nil
	})
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		origin(d) // want `^unknown$`
		return nil
	})
	origin(zh.FileInfo().Mode()) // want `^unknown$`
	origin(zh.Mode())            // want `^unknown$`
	zi, _ := fs.Stat(fsys, "x")
	origin(zi.Mode()) // want `^unknown$`
}
