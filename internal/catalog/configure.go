package catalog

import (
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Configure returns the analyzers of families that report at least one
// enabled check, each wrapped so that it reports only enabled checks and
// names the check ID at the end of every message (" (WL2001)"), since hosts
// such as go vet and golangci-lint show the message but not the category.
//
// The wrapped analyzers share name, flags, requirements and fact types with
// the originals, so facts written by one are read by the other.
func Configure(families []*Family, enabled map[string]bool) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, f := range families {
		any := false
		for _, c := range f.Checks {
			any = any || enabled[c.ID]
		}
		if !any {
			continue
		}
		out = append(out, wrap(f.Analyzer, enabled))
	}
	return out
}

func wrap(a *analysis.Analyzer, enabled map[string]bool) *analysis.Analyzer {
	w := *a
	run := a.Run
	w.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		p := *pass
		p.Analyzer = a
		p.Report = func(d analysis.Diagnostic) {
			if d.Category != "" && !enabled[d.Category] {
				return
			}
			d.Message = WithID(d.Message, d.Category)
			report(d)
		}
		return run(&p)
	}
	return &w
}

// WithID appends the check ID to a message: "msg (WL2001)".
func WithID(msg, id string) string {
	if id == "" {
		return msg
	}
	return msg + " (" + id + ")"
}

// WithoutID removes the suffix WithID added, if present.
func WithoutID(msg, id string) string {
	return strings.TrimSuffix(msg, " ("+id+")")
}
