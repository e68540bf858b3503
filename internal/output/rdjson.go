package output

import (
	"encoding/json"
	"io"

	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/driver"
)

// reviewdog's Diagnostic Format (rdjson, FACTS G7): 1-based lines and
// UTF-8 byte columns, upper-case severities (reviewdog silently drops
// lower-case ones), the check as code{value,url}, and the first fix of a
// finding as suggestions.

type (
	rdResult struct {
		Source      rdSource       `json:"source"`
		Diagnostics []rdDiagnostic `json:"diagnostics"`
	}
	rdSource struct {
		Name string `json:"name"`
		URL  string `json:"url,omitempty"`
	}
	rdDiagnostic struct {
		Message          string         `json:"message"`
		Location         rdLocation     `json:"location"`
		Severity         string         `json:"severity"`
		Source           rdSource       `json:"source"`
		Code             rdCode         `json:"code"`
		Suggestions      []rdSuggestion `json:"suggestions,omitempty"`
		OriginalOutput   string         `json:"original_output,omitempty"`
		RelatedLocations []rdRelated    `json:"related_locations,omitempty"`
	}
	rdLocation struct {
		Path  string   `json:"path"`
		Range *rdRange `json:"range,omitempty"`
	}
	rdRange struct {
		Start rdPosition  `json:"start"`
		End   *rdPosition `json:"end,omitempty"`
	}
	rdPosition struct {
		Line   int `json:"line"`
		Column int `json:"column,omitempty"`
	}
	rdCode struct {
		Value string `json:"value"`
		URL   string `json:"url,omitempty"`
	}
	rdSuggestion struct {
		Range rdRange `json:"range"`
		Text  string  `json:"text"`
	}
	rdRelated struct {
		Message  string     `json:"message,omitempty"`
		Location rdLocation `json:"location"`
	}
)

// RDJSON writes the report in reviewdog's rdjson format (one JSON object;
// run reviewdog with -f=rdjson).
func RDJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r.RDJSON())
}

// RDJSON converts the report to a reviewdog DiagnosticResult.
func (r *Report) RDJSON() any {
	src := rdSource{Name: "winlint", URL: InformationURI}
	out := &rdResult{Source: src, Diagnostics: []rdDiagnostic{}}
	for _, f := range r.Findings {
		sev := catalog.Warning
		code := rdCode{Value: f.ID}
		if f.Check != nil {
			sev, code.URL = f.Check.Severity, f.Check.URL()
		}
		d := rdDiagnostic{
			Message:  f.Message,
			Location: rdLocation{Path: r.Path(f.Posn.File), Range: rdRangeOf(f.Posn, f.End)},
			Severity: rdSeverity(sev),
			Source:   src,
			Code:     code,
		}
		if len(f.Fixes) > 0 {
			d.Suggestions = r.rdSuggestions(f.Fixes[0], f.Posn.File)
		}
		for _, rel := range f.Related {
			d.RelatedLocations = append(d.RelatedLocations, rdRelated{
				Message:  rel.Message,
				Location: rdLocation{Path: r.Path(rel.Posn.File), Range: rdRangeOf(rel.Posn, rel.End)},
			})
		}
		out.Diagnostics = append(out.Diagnostics, d)
	}
	return out
}

// rdSeverity maps a catalogue severity to reviewdog's upper-case names.
func rdSeverity(s catalog.Severity) string {
	switch s {
	case catalog.Error:
		return "ERROR"
	case catalog.Note:
		return "INFO"
	}
	return "WARNING"
}

func rdRangeOf(start, end driver.Position) *rdRange {
	if start.Line <= 0 {
		return nil
	}
	rg := &rdRange{Start: rdPosition{Line: start.Line, Column: start.Column}}
	if end.File == start.File && end.Line > 0 && (end.Line > start.Line || end.Column >= start.Column) {
		rg.End = &rdPosition{Line: end.Line, Column: end.Column}
	}
	return rg
}

// rdSuggestions converts a fix to reviewdog suggestions: one per edit in
// the finding's file (reviewdog suggests changes to the reported file
// only). The range is [start, end) in lines and byte columns; an insertion
// has start == end.
func (r *Report) rdSuggestions(fix driver.Fix, file string) []rdSuggestion {
	var out []rdSuggestion
	for _, e := range fix.Edits {
		if e.File != file {
			return nil // a partial fix would be wrong
		}
		sl, sc, ok1 := r.lineColumn(e.File, e.Start)
		el, ec, ok2 := r.lineColumn(e.File, e.End)
		if !ok1 || !ok2 {
			return nil
		}
		out = append(out, rdSuggestion{
			Range: rdRange{Start: rdPosition{Line: sl, Column: sc}, End: &rdPosition{Line: el, Column: ec}},
			Text:  e.New,
		})
	}
	return out
}
