package svcstop_test

import (
	"testing"

	"github.com/winlint/winlint/analysistest"
	"github.com/winlint/winlint/analyzers/svcstop"
)

func TestSvcstop(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), svcstop.Analyzer, "svcstop/...")
}

func TestSvcstopFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), svcstop.Analyzer, "svcstopfix")
}
