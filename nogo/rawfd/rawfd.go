// Package rawfd exports winlint's rawfd analyzer for Bazel's nogo, which
// takes the variable named Analyzer of each go_library it is given: the
// family's default checks (select others with the analyzer flag "checks"),
// each message ending in its check ID.
package rawfd

import (
	"github.com/winlint/winlint/analyzers/rawfd"
	"github.com/winlint/winlint/internal/catalog"
)

// Analyzer is the rawfd family's analyzer for nogo.
var Analyzer = catalog.Standalone(rawfd.Family)
