// Package filehandle exports winlint's filehandle analyzer for Bazel's nogo, which
// takes the variable named Analyzer of each go_library it is given: the
// family's default checks (select others with the analyzer flag "checks"),
// each message ending in its check ID.
package filehandle

import (
	"github.com/winlint/winlint/analyzers/filehandle"
	"github.com/winlint/winlint/internal/catalog"
)

// Analyzer is the filehandle family's analyzer for nogo.
var Analyzer = catalog.Standalone(filehandle.Family)
