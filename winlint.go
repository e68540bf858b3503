// Package winlint is the suite of winlint's analyzers and the catalogue of
// the checks they report. Every host (the winlint CLI, go vet -vettool,
// golangci-lint and nogo) takes its analyzers from here.
package winlint

//go:generate go run ./internal/cmd/gendocs

import (
	"github.com/winlint/winlint/analyzers/buildflags"
	"github.com/winlint/winlint/analyzers/console"
	"github.com/winlint/winlint/analyzers/directives"
	"github.com/winlint/winlint/analyzers/filehandle"
	"github.com/winlint/winlint/analyzers/netfamily"
	"github.com/winlint/winlint/analyzers/nulpath"
	"github.com/winlint/winlint/analyzers/paths"
	"github.com/winlint/winlint/analyzers/process"
	"github.com/winlint/winlint/analyzers/rawfd"
	"github.com/winlint/winlint/analyzers/svcstop"
	"github.com/winlint/winlint/internal/catalog"
)

// Families lists every analyzer family with its checks, in catalogue order.
var Families = []*catalog.Family{
	directives.Family,
	filehandle.Family,
	netfamily.Family,
	rawfd.Family,
	nulpath.Family,
	svcstop.Family,
	buildflags.Family,
	paths.Family,
	process.Family,
	console.Family,
}

// Checks returns every check of the suite, in catalogue order.
func Checks() []*catalog.Check { return catalog.All(Families) }
