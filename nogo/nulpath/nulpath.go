// Package nulpath exports winlint's nulpath analyzer for Bazel's nogo, which
// takes the variable named Analyzer of each go_library it is given: the
// family's default checks (select others with the analyzer flag "checks"),
// each message ending in its check ID.
package nulpath

import (
	"github.com/winlint/winlint/analyzers/nulpath"
	"github.com/winlint/winlint/internal/catalog"
)

// Analyzer is the nulpath family's analyzer for nogo.
var Analyzer = catalog.Standalone(nulpath.Family)
