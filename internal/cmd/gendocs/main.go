// Command gendocs writes docs/checks/<ID>.md for every check of the suite and
// the check table between the markers in README.md. It runs from the module
// root through `go generate ./...` (see winlint.go); TestDocsUpToDate fails
// when its output and the files on disk differ.
package main

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("gendocs: ")
	root := "."
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	files, err := Generate(root)
	if err != nil {
		log.Fatal(err)
	}
	stale, err := Stale(root, files)
	if err != nil {
		log.Fatal(err)
	}
	for _, name := range stale {
		if err := os.WriteFile(filepath.Join(root, name), files[name], 0o644); err != nil {
			log.Fatal(err)
		}
		fmt.Println("wrote", name)
	}
	if err := RemoveOrphans(root, files); err != nil {
		log.Fatal(err)
	}
}
