package directivefiles_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/winlint/winlint/internal/directivefiles"
)

func Test(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), directivefiles.Analyzer, "a")
}
