package nulpath_test

import (
	"testing"

	"github.com/winlint/winlint/analysistest"
	"github.com/winlint/winlint/analyzers/nulpath"
)

func TestNulpath(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), nulpath.Analyzer, "nulpath")
}

func TestNulpathFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), nulpath.Analyzer, "nulpathfix")
}
