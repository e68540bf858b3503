package process_test

import (
	"testing"

	"github.com/winlint/winlint/analysistest"
	"github.com/winlint/winlint/analyzers/process"
)

func TestProcess(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), process.Analyzer, "process")
}

func TestProcessFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), process.Analyzer, "processfix")
}
