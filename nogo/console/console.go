// Package console exports winlint's console analyzer for Bazel's nogo, which
// takes the variable named Analyzer of each go_library it is given: the
// family's default checks (select others with the analyzer flag "checks"),
// each message ending in its check ID.
package console

import (
	"github.com/winlint/winlint/analyzers/console"
	"github.com/winlint/winlint/internal/catalog"
)

// Analyzer is the console family's analyzer for nogo.
var Analyzer = catalog.Standalone(console.Family)
