package driver

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/winlint/winlint/internal/catalog"
)

// A Position is a place in a source file, as go/token reports it.
type Position struct {
	File   string // absolute path
	Line   int    // 1-based
	Column int    // 1-based, in bytes
	Offset int    // 0-based byte offset in the file; -1 if unknown
}

// IsValid reports whether p names a file and a line.
func (p Position) IsValid() bool { return p.File != "" && p.Line > 0 }

func (p Position) String() string {
	switch {
	case p.File == "":
		return "-"
	case p.Line <= 0:
		return p.File
	case p.Column <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// Compare orders positions by file, line and column.
func (p Position) Compare(q Position) int {
	return cmp.Or(
		strings.Compare(p.File, q.File),
		cmp.Compare(p.Line, q.Line),
		cmp.Compare(p.Column, q.Column),
	)
}

// Related is a secondary position of a finding, with its own message.
type Related struct {
	Posn, End Position
	Message   string
}

// An Edit replaces the bytes [Start, End) of File with New.
type Edit struct {
	File       string // absolute path
	Start, End int    // 0-based byte offsets
	New        string
}

// A Fix is a suggested fix: edits to apply all together or not at all.
type Fix struct {
	Message string
	Edits   []Edit
}

// A Finding is one diagnostic of a winlint check, as reported by one or more
// runs of the analyzers (one per GOOS). Findings are what filters drop,
// fixes come from and output formats render.
type Finding struct {
	ID       string         // check ID (the diagnostic's category), e.g. "WL2001"; "" if none
	Check    *catalog.Check // the catalogue entry of ID; nil for an unknown ID
	Analyzer string         // name of the analyzer (family) that reported it
	Package  string         // ID of the package as the go command named it
	Message  string         // without the " (WL2001)" suffix hosts such as go vet show
	Posn     Position       // start of the reported range
	End      Position       // end of the reported range (equal to Posn if unknown)
	Related  []Related
	Fixes    []Fix    // suggested fixes; the first one is what -fix applies
	GOOS     []string // the GOOS values whose run reported it, sorted
}

// key identifies a finding across runs: same ID, place and message.
type key struct {
	id, file     string
	line, column int
	message      string
}

func (f *Finding) key() key {
	return key{f.ID, f.Posn.File, f.Posn.Line, f.Posn.Column, f.Message}
}

// Compare orders findings by file, line, column, ID and message.
func (f *Finding) Compare(g *Finding) int {
	return cmp.Or(
		f.Posn.Compare(g.Posn),
		strings.Compare(f.ID, g.ID),
		strings.Compare(f.Message, g.Message),
	)
}

// An Error is a problem that kept some analysis from happening: a package
// that failed to load or type-check, an analyzer that failed or panicked, a
// pattern that matched nothing, or the go command itself failing.
type Error struct {
	Package  string   // the package concerned, if known (the "# pkg" header of go vet)
	Analyzer string   // the analyzer that failed, if the error came from one
	Posn     Position // where, for build and type errors; zero otherwise
	Message  string   // may span several lines (e.g. a panic's stack)
	GOOS     []string // the GOOS values whose run reported it, sorted
}

func (e *Error) key() string {
	return e.Package + "\x00" + e.Analyzer + "\x00" + e.Posn.String() + "\x00" + e.Message
}

// Result is what a run of the analyzers produced.
type Result struct {
	GOOS     []string // the GOOS values analysed, in the order they were run
	Findings []*Finding
	Errors   []*Error
	// DirectiveFiles are not findings: one per file that holds a
	// //winlint: directive, at the first one, as the directivefiles
	// analyzer reports them (see internal/directivefiles).
	DirectiveFiles []*Finding
	// Files are the files the analysis read, by absolute name, as the
	// analysedfiles analyzer reports them (see internal/analysedfiles):
	// fixes are applied only to these, and only if unchanged.
	Files map[string]*AnalysedFile
	// SkippedCgo are the files the build left out because they use cgo
	// and the driver disabled it (CGO_ENABLED=0 when the environment
	// does not set it): they were not analysed. Sorted.
	SkippedCgo []string
}

// An AnalysedFile is a file the analysis read.
type AnalysedFile struct {
	SHA256    string   // of the content analysed; "" if unknown or different between runs
	Generated bool     // marked "// Code generated ... DO NOT EDIT."
	LineNames []string // other file names its //line directives use
}

// Analysed returns the SHA-256 of file as analysed, and whether the
// analysis read it (for fixes.Options.Analysed).
func (r *Result) Analysed(file string) (string, bool) {
	f, ok := r.Files[file]
	if !ok {
		return "", false
	}
	return f.SHA256, true
}

// Sort orders the findings by position and ID, and the errors by package
// and position, keeping errors of the same package in reported order.
func (r *Result) Sort() {
	slices.SortStableFunc(r.Findings, (*Finding).Compare)
	slices.SortStableFunc(r.Errors, func(a, b *Error) int {
		return cmp.Or(strings.Compare(a.Package, b.Package), a.Posn.Compare(b.Posn))
	})
}

// Failed reports whether the result holds any error.
func (r *Result) Failed() bool { return len(r.Errors) > 0 }
