package netfamily_test

import (
	"testing"

	"github.com/winlint/winlint/analysistest"
	"github.com/winlint/winlint/analyzers/netfamily"
)

func TestNetfamily(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), netfamily.Analyzer, "netfamily")
}

func TestNetfamilyFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), netfamily.Analyzer, "netfamilyfix")
}
