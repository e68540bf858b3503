package rawfd_test

import (
	"testing"

	"github.com/winlint/winlint/analysistest"
	"github.com/winlint/winlint/analyzers/rawfd"
)

func TestRawfd(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), rawfd.Analyzer, "rawfd")
}
