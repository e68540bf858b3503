package results

import (
	"os"
	"path"
	"path/filepath"
)

func results(root, p string) {
	rel, err := filepath.Rel(root, p) // want `^OSPath unknown$`
	dir, file := path.Split(p)        // want `^SlashName SlashName$`
	d, f := filepath.Split(p)         // want `^OSPath unknown$`
	home, err := os.UserHomeDir()     // want `^OSPath unknown$`
	_, _, _, _, _, _, _, _ = rel, err, dir, file, d, f, home, err
}
