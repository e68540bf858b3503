// Package catalog defines winlint's checks: each check's stable ID, title,
// documentation, examples and default state, and the helpers analyzers use to
// report a finding under a check's ID.
//
// Every check is declared once, in the doc.go of the analyzer that reports it.
// The CLI's -list and -explain, the diagnostics' URLs, docs/checks/<ID>.md and
// the README's check table are all derived from those declarations.
package catalog

import (
	"fmt"
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// DocsURL is where the generated documentation pages are published.
const DocsURL = "https://github.com/winlint/winlint/blob/main/docs/checks/"

// Severity is how serious a finding of a check is, as reported in SARIF and
// rdjson output.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// A Check is one documented finding winlint can report.
type Check struct {
	ID       string   // stable identifier, e.g. "WL2001"
	Title    string   // one line, lower case, no final period
	Default  bool     // enabled unless the user selects checks explicitly
	Severity Severity // error, warning or note
	// Doc is the Markdown body of the check's page: what is reported, the
	// Windows fact behind it (with public sources: Microsoft documentation,
	// Go source files, golang/go issues) and what stays silent.
	Doc string
	// Bad and Good are complete Go source files (package and imports
	// included) showing code the check reports and the corrected code.
	Bad, Good string
	// Family is the analyzer family the check belongs to; set by NewFamily.
	Family string
	// Driver marks a check that the winlint CLI's driver reports, not the
	// family's analyzer (an ignore directive that suppresses nothing can
	// only be found once every finding is known). Other hosts never report
	// it, and its Bad example is not run through the analyzer.
	Driver bool
}

// URL is the address of the check's documentation page.
func (c *Check) URL() string { return DocsURL + c.ID + ".md" }

// Report reports a finding of check c at node n.
func (c *Check) Report(pass *analysis.Pass, n analysis.Range, format string, args ...any) {
	c.ReportFix(pass, n, nil, format, args...)
}

// ReportFix reports a finding of check c at n with the given suggested fixes.
func (c *Check) ReportFix(pass *analysis.Pass, n analysis.Range, fixes []analysis.SuggestedFix, format string, args ...any) {
	pass.Report(c.Diagnostic(n, fixes, format, args...))
}

// Diagnostic builds, without reporting it, a diagnostic of check c at n.
func (c *Check) Diagnostic(n analysis.Range, fixes []analysis.SuggestedFix, format string, args ...any) analysis.Diagnostic {
	return analysis.Diagnostic{
		Pos:            n.Pos(),
		End:            end(n),
		Category:       c.ID,
		URL:            c.URL(),
		Message:        fmt.Sprintf(format, args...),
		SuggestedFixes: fixes,
	}
}

func end(n analysis.Range) token.Pos {
	if e := n.End(); e.IsValid() {
		return e
	}
	return n.Pos()
}

// A Family is an analyzer together with the checks it reports.
type Family struct {
	Analyzer *analysis.Analyzer
	Checks   []*Check
}

var idPattern = regexp.MustCompile(`^WL[0-9]{4}$`)

// NewFamily ties checks to the analyzer that reports them. It panics on a
// malformed declaration, which the catalogue tests catch.
func NewFamily(a *analysis.Analyzer, checks ...*Check) *Family {
	for _, c := range checks {
		if !idPattern.MatchString(c.ID) {
			panic(fmt.Sprintf("catalog: check ID %q is not of the form WLnnnn", c.ID))
		}
		if c.Title == "" || c.Doc == "" || c.Bad == "" || c.Good == "" {
			panic(fmt.Sprintf("catalog: check %s lacks a title, doc or example", c.ID))
		}
		switch c.Severity {
		case Error, Warning, Note:
		default:
			panic(fmt.Sprintf("catalog: check %s has severity %q", c.ID, c.Severity))
		}
		c.Family = a.Name
	}
	return &Family{Analyzer: a, Checks: checks}
}

// Lookup returns the check with the given ID among the families, or nil.
func Lookup(families []*Family, id string) *Check {
	for _, f := range families {
		for _, c := range f.Checks {
			if strings.EqualFold(c.ID, id) {
				return c
			}
		}
	}
	return nil
}

// All returns every check of the families, in declaration order.
func All(families []*Family) []*Check {
	var all []*Check
	for _, f := range families {
		all = append(all, f.Checks...)
	}
	return all
}
