package paths_test

import (
	"testing"

	"github.com/winlint/winlint/analysistest"
	"github.com/winlint/winlint/analyzers/paths"
)

func TestPaths(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), paths.Analyzer, "paths")
}

func TestPathsFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), paths.Analyzer, "pathsfix/...")
}
