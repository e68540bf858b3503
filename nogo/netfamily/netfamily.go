// Package netfamily exports winlint's netfamily analyzer for Bazel's nogo, which
// takes the variable named Analyzer of each go_library it is given: the
// family's default checks (select others with the analyzer flag "checks"),
// each message ending in its check ID.
package netfamily

import (
	"github.com/winlint/winlint/analyzers/netfamily"
	"github.com/winlint/winlint/internal/catalog"
)

// Analyzer is the netfamily family's analyzer for nogo.
var Analyzer = catalog.Standalone(netfamily.Family)
