// Package svcstop exports winlint's svcstop analyzer for Bazel's nogo, which
// takes the variable named Analyzer of each go_library it is given: the
// family's default checks (select others with the analyzer flag "checks"),
// each message ending in its check ID.
package svcstop

import (
	"github.com/winlint/winlint/analyzers/svcstop"
	"github.com/winlint/winlint/internal/catalog"
)

// Analyzer is the svcstop family's analyzer for nogo.
var Analyzer = catalog.Standalone(svcstop.Family)
