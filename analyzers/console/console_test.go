package console_test

import (
	"testing"

	"github.com/winlint/winlint/analysistest"
	"github.com/winlint/winlint/analyzers/console"
)

func TestConsole(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), console.Analyzer, "console")
}

func TestConsoleFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), console.Analyzer, "consolefix")
}
