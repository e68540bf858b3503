// Package directives defines the checks of winlint's own suppression
// directives (//winlint:ignore and //winlint:file-ignore): a malformed
// directive (WL0001), reported by this package's analyzer in every host,
// and a directive that suppresses nothing (WL0002), which only the winlint
// command can know and reports itself. The directives are parsed by
// internal/directive and applied by the winlint command's driver.
package directives

import "github.com/winlint/winlint/internal/catalog"

const doc = `report malformed //winlint:ignore directives (WL0001)

The directives analyzer checks winlint's suppression comments,
//winlint:ignore WLnnnn reason and //winlint:file-ignore WLnnnn reason:
each must name checks by ID or glob and give a reason. The winlint
command applies them and also reports directives that suppress nothing
(WL0002).`

// Family is the directives analyzer with its checks.
var Family = catalog.NewFamily(Analyzer, WL0001, WL0002)

var WL0001 = &catalog.Check{
	ID:       "WL0001",
	Title:    "malformed //winlint: directive",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "winlint's suppression directives are line comments:\n\n" +
		"- `//winlint:ignore WL1001 reason` suppresses the named checks on its own line and on the line " +
		"after it (put it at the end of the line or alone on the line above);\n" +
		"- `//winlint:file-ignore WL1001 reason` suppresses them in the whole file.\n\n" +
		"Several checks are separated by commas without spaces (`WL2001,WL2005`); globs name a range " +
		"(`WL2*`). The reason is everything after the check list and is **mandatory**: a suppression " +
		"that does not say why cannot be reviewed later.\n\n" +
		"Reported: a directive without a reason (it suppresses nothing: the finding it names is " +
		"reported too until the reason is written), without a check, naming something that is not a check ID or glob, naming a " +
		"check that does not exist (reported by the `winlint` command, which knows the catalogue), and " +
		"an unknown verb (`//winlint:nolint`). Only `//winlint:` line comments are directives; the same " +
		"text in a `/* */` comment or a string is not.\n\n" +
		"`go vet -vettool` and golangci-lint report malformed directives too, but do not apply winlint's " +
		"directives: golangci-lint uses its own `//nolint:winlint`.\n\n" +
		"Fix: add the reason, or correct the check list.",
	Bad: `package server

import "net"

func serve() (net.Listener, error) {
	//winlint:ignore WL2001
	return net.Listen("tcp6", ":8080")
}`,
	Good: `package server

import "net"

func serve() (net.Listener, error) {
	//winlint:ignore WL2001 the service is IPv6-only by design (see ops/ipv6.md)
	return net.Listen("tcp6", ":8080")
}`,
}

var WL0002 = &catalog.Check{
	ID:       "WL0002",
	Title:    "//winlint: directive suppresses nothing",
	Default:  true,
	Severity: catalog.Warning,
	Driver:   true,
	Doc: "An ignore directive that suppresses no finding in any of the analyzed build configurations " +
		"is stale: the code was fixed or moved, or the directive names the wrong check or line. Like " +
		"staticcheck's unused `//lint:ignore`, it is reported so that suppressions do not outlive their " +
		"reason and hide a future finding.\n\n" +
		"Not reported: directives for checks that are not enabled in the run (`-checks`), directives in " +
		"files that no analyzed build configuration compiles (a `_linux.go` file when analyzing " +
		"`-goos=windows`), and directives in generated files unless `-generated` is given. A directive " +
		"counts as used when it suppresses a finding for any GOOS of the run (`-goos windows,linux`).\n\n" +
		"Fix: delete the directive, or move it to the line of the finding it was meant for.",
	Bad: `package server

import "net"

func serve() (net.Listener, error) {
	//winlint:ignore WL2001 IPv6-only by design
	return net.Listen("tcp", ":8080") // nothing to suppress any more
}`,
	Good: `package server

import "net"

func serve() (net.Listener, error) {
	return net.Listen("tcp", ":8080")
}`,
}
