// Package buildflags exports winlint's buildflags analyzer for Bazel's nogo, which
// takes the variable named Analyzer of each go_library it is given: the
// family's default checks (select others with the analyzer flag "checks"),
// each message ending in its check ID.
package buildflags

import (
	"github.com/winlint/winlint/analyzers/buildflags"
	"github.com/winlint/winlint/internal/catalog"
)

// Analyzer is the buildflags family's analyzer for nogo.
var Analyzer = catalog.Standalone(buildflags.Family)
