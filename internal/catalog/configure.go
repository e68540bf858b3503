package catalog

import (
	"flag"
	"fmt"
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

// Standalone returns the analyzer of family f for hosts that take analyzers
// one by one and have no notion of checks, such as Bazel's nogo: it reports
// the family's default checks, or those its "checks" flag selects (the
// syntax of winlint's -checks, restricted to the family: "all",
// "default,-WL2005", "WL2001"), and names the check ID at the end of every
// message. Like Configure's analyzers it shares name, requirements and
// fact types with f's analyzer.
func Standalone(f *Family) *analysis.Analyzer {
	a := f.Analyzer
	w := *a
	w.Flags = *flag.NewFlagSet(a.Name, flag.ContinueOnError)
	a.Flags.VisitAll(func(fl *flag.Flag) { w.Flags.Var(fl.Value, fl.Name, fl.Usage) })
	spec := w.Flags.String("checks", DefaultSelection,
		"checks of the "+a.Name+" family to report: comma-separated IDs or globs, \"all\" or \"default\"; a leading \"-\" disables")
	families := []*Family{f}
	w.Run = func(pass *analysis.Pass) (any, error) {
		enabled, err := Select(families, *spec)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", a.Name, err)
		}
		return wrap(a, enabled).Run(pass)
	}
	return &w
}
