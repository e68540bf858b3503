package analysedfiles_test

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/winlint/winlint/internal/analysedfiles"
)

func Test(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), analysedfiles.Analyzer, "a")
	// The SHA-256 is that of the file's content.
	for _, r := range results {
		for _, d := range r.Diagnostics {
			f, ok := analysedfiles.Parse(d.Message)
			if !ok {
				t.Fatalf("cannot parse %q", d.Message)
			}
			data, err := os.ReadFile(f.Name)
			if err != nil {
				t.Fatal(err)
			}
			if sum := sha256.Sum256(data); f.SHA256 != hex.EncodeToString(sum[:]) {
				t.Errorf("%s: sha256 %s is not its content's", filepath.Base(f.Name), f.SHA256)
			}
		}
	}
}
