package filehandle_test

import (
	"testing"

	"github.com/winlint/winlint/analysistest"
	"github.com/winlint/winlint/analyzers/filehandle"
)

func TestFilehandle(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), filehandle.Analyzer, "filehandle/...")
}

func TestFilehandleFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), filehandle.Analyzer, "filehandlefix")
}
