// Package process exports winlint's process analyzer for Bazel's nogo, which
// takes the variable named Analyzer of each go_library it is given: the
// family's default checks (select others with the analyzer flag "checks"),
// each message ending in its check ID.
package process

import (
	"github.com/winlint/winlint/analyzers/process"
	"github.com/winlint/winlint/internal/catalog"
)

// Analyzer is the process family's analyzer for nogo.
var Analyzer = catalog.Standalone(process.Family)
