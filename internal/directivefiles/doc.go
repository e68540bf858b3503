// Package directivefiles defines an analyzer that tells the winlint driver
// which files hold //winlint: directives.
//
// The driver applies ignore directives after the analysis (see
// internal/suppress). To report a directive that suppresses nothing
// (WL0002) or names an unknown check (WL0001), it must find directives in
// files without findings too. It asks the vet tool for them with -driver:
// this analyzer then reports one diagnostic per file holding a directive,
// at the first one. go vet caches that output with the package's findings,
// so a warm run costs nothing more, where listing the packages' files with
// go list cost a tenth of a second or more on every run.
//
// The diagnostics are not findings: the driver sets them apart
// (driver.Result.DirectiveFiles) and the vet tool runs this analyzer only
// when the driver asks, never under a plain go vet -vettool=winlint.
package directivefiles
