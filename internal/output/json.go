package output

import (
	"encoding/json"
	"io"

	"github.com/winlint/winlint/internal/driver"
)

// JSONReport is the document -f json writes: one object, indented.
//
// Lists are never null. Positions have 1-based lines and columns (columns
// count bytes, as go/token does) and 0-based byte offsets (-1 when unknown);
// file names are relative to the current directory when inside it, and
// absolute otherwise. Edits replace the bytes [start, end) of their file.
type JSONReport struct {
	GOOS     []string      `json:"goos"`     // the GOOS values analysed
	Findings []JSONFinding `json:"findings"` // sorted by file, line, column, id
	Errors   []JSONError   `json:"errors"`   // packages or runs that failed
}

// JSONFinding is one finding.
type JSONFinding struct {
	ID       string        `json:"id"`       // check ID, e.g. "WL2001"
	Severity string        `json:"severity"` // "error", "warning" or "note"
	Title    string        `json:"title"`    // the check's one-line title
	Message  string        `json:"message"`  // without the " (WL2001)" suffix
	URL      string        `json:"url"`      // the check's documentation page
	Analyzer string        `json:"analyzer"` // the analyzer family, e.g. "netfamily"
	Package  string        `json:"package"`  // package ID as the go command names it
	Posn     JSONPosition  `json:"posn"`
	End      JSONPosition  `json:"end"`
	Related  []JSONRelated `json:"related"`
	Fixes    []JSONFix     `json:"fixes"` // -fix applies the first
	GOOS     []string      `json:"goos"`  // the GOOS values that reported it
}

// JSONPosition is a source position.
type JSONPosition struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Offset int    `json:"offset"`
}

// JSONRelated is a secondary position of a finding.
type JSONRelated struct {
	Posn    JSONPosition `json:"posn"`
	End     JSONPosition `json:"end"`
	Message string       `json:"message"`
}

// JSONFix is a suggested fix.
type JSONFix struct {
	Message string     `json:"message"`
	Edits   []JSONEdit `json:"edits"`
}

// JSONEdit replaces the bytes [Start, End) of File with New.
type JSONEdit struct {
	File  string `json:"file"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

// JSONError is a failure: a package that did not load or type-check, an
// analyzer that failed, a pattern that matched nothing, go vet failing.
type JSONError struct {
	Package  string        `json:"package,omitempty"`
	Analyzer string        `json:"analyzer,omitempty"`
	Posn     *JSONPosition `json:"posn,omitempty"`
	Message  string        `json:"message"`
	GOOS     []string      `json:"goos"`
}

// JSON writes the report as a JSONReport.
func JSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(r.JSON())
}

// JSON converts the report to the -f json document.
func (r *Report) JSON() *JSONReport {
	out := &JSONReport{
		GOOS:     nonNil(r.GOOS),
		Findings: []JSONFinding{},
		Errors:   []JSONError{},
	}
	for _, f := range r.Findings {
		jf := JSONFinding{
			ID:       f.ID,
			Severity: "warning",
			Message:  f.Message,
			Analyzer: f.Analyzer,
			Package:  f.Package,
			Posn:     r.jsonPosition(f.Posn),
			End:      r.jsonPosition(f.End),
			Related:  []JSONRelated{},
			Fixes:    []JSONFix{},
			GOOS:     nonNil(f.GOOS),
		}
		if c := f.Check; c != nil {
			jf.Severity, jf.Title, jf.URL = string(c.Severity), c.Title, c.URL()
		}
		for _, rel := range f.Related {
			jf.Related = append(jf.Related, JSONRelated{
				Posn:    r.jsonPosition(rel.Posn),
				End:     r.jsonPosition(rel.End),
				Message: rel.Message,
			})
		}
		for _, fix := range f.Fixes {
			jfix := JSONFix{Message: fix.Message, Edits: []JSONEdit{}}
			for _, e := range fix.Edits {
				jfix.Edits = append(jfix.Edits, JSONEdit{File: r.Path(e.File), Start: e.Start, End: e.End, New: e.New})
			}
			jf.Fixes = append(jf.Fixes, jfix)
		}
		out.Findings = append(out.Findings, jf)
	}
	for _, e := range r.Errors {
		je := JSONError{Package: e.Package, Analyzer: e.Analyzer, Message: e.Message, GOOS: nonNil(e.GOOS)}
		if e.Posn.IsValid() {
			p := r.jsonPosition(e.Posn)
			je.Posn = &p
		}
		out.Errors = append(out.Errors, je)
	}
	return out
}

func (r *Report) jsonPosition(p driver.Position) JSONPosition {
	return JSONPosition{File: r.Path(p.File), Line: p.Line, Column: p.Column, Offset: p.Offset}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
