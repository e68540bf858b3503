package buildflags_test

import (
	"testing"

	"github.com/winlint/winlint/analysistest"
	"github.com/winlint/winlint/analyzers/buildflags"
)

func TestBuildflags(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), buildflags.Analyzer, "buildflags/...")
}
