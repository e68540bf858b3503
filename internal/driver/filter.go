package driver

// A Filter is a stage between analysis and output: it may drop findings
// (ignore directives, generated files, findings older than a revision), add
// findings of its own (an unused ignore directive) or report errors (a
// malformed directive) by changing r. Filters run in order, after the runs
// of all GOOS values are merged and before fixes are applied, so a finding
// a filter drops is neither reported nor fixed.
type Filter interface {
	// Name identifies the filter in error messages.
	Name() string
	// Filter changes r in place.
	Filter(r *Result, src *Sources) error
}

// FilterFunc adapts a function to the Filter interface.
type FilterFunc struct {
	FilterName string
	Func       func(r *Result, src *Sources) error
}

func (f FilterFunc) Name() string                         { return f.FilterName }
func (f FilterFunc) Filter(r *Result, src *Sources) error { return f.Func(r, src) }

// ApplyFilters runs the filters over r in order. A filter that fails adds
// an error to r and the remaining filters still run. The result is sorted
// again afterwards.
func ApplyFilters(r *Result, src *Sources, filters ...Filter) {
	for _, f := range filters {
		if err := f.Filter(r, src); err != nil {
			r.Errors = append(r.Errors, &Error{Message: f.Name() + ": " + err.Error(), GOOS: r.GOOS})
		}
	}
	r.Sort()
}

// Keep removes the findings for which keep returns false.
func (r *Result) Keep(keep func(*Finding) bool) {
	out := r.Findings[:0]
	for _, f := range r.Findings {
		if keep(f) {
			out = append(out, f)
		}
	}
	clear(r.Findings[len(out):])
	r.Findings = out
}
