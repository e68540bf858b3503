package driver

import (
	"slices"
)

// Merge combines the results of several runs (typically one per GOOS) into
// one. Identical findings (same ID, file, line, column and message) become
// one finding whose GOOS lists every run that reported it; likewise for
// identical errors. The first run's copy of a finding is kept (with its
// fixes). The merged result is sorted.
func Merge(results ...*Result) *Result {
	out := &Result{Findings: []*Finding{}, Errors: []*Error{}}
	findings := make(map[key]*Finding)
	dirFiles := make(map[key]*Finding)
	errs := make(map[string]*Error)
	for _, r := range results {
		if r == nil {
			continue
		}
		for _, goos := range r.GOOS {
			if !slices.Contains(out.GOOS, goos) {
				out.GOOS = append(out.GOOS, goos)
			}
		}
		out.SkippedCgo = union(out.SkippedCgo, r.SkippedCgo)
		out.Findings = mergeFindings(out.Findings, findings, r.Findings)
		out.DirectiveFiles = mergeFindings(out.DirectiveFiles, dirFiles, r.DirectiveFiles)
		for name, f := range r.Files {
			out.addFile(name, f)
		}
		for _, e := range r.Errors {
			k := e.key()
			if prev, ok := errs[k]; ok {
				prev.GOOS = union(prev.GOOS, e.GOOS)
				continue
			}
			c := *e
			c.GOOS = union(nil, e.GOOS)
			errs[k] = &c
			out.Errors = append(out.Errors, &c)
		}
	}
	out.Sort()
	return out
}

// mergeFindings appends to out a copy of each finding of fs not in seen
// (by key), and adds the GOOS values of the others to the copy seen has.
func mergeFindings(out []*Finding, seen map[key]*Finding, fs []*Finding) []*Finding {
	for _, f := range fs {
		k := f.key()
		if prev, ok := seen[k]; ok {
			prev.GOOS = union(prev.GOOS, f.GOOS)
			continue
		}
		g := *f
		g.GOOS = union(nil, f.GOOS)
		seen[k] = &g
		out = append(out, &g)
	}
	return out
}

// union returns the sorted set union of a and b.
func union(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	slices.Sort(out)
	return out
}

// addFile records an analysed file; two runs that saw different contents
// leave its SHA-256 unknown (its fixes are then refused).
func (r *Result) addFile(name string, f *AnalysedFile) {
	if r.Files == nil {
		r.Files = make(map[string]*AnalysedFile)
	}
	prev, ok := r.Files[name]
	if !ok {
		c := *f
		c.LineNames = slices.Clone(f.LineNames)
		r.Files[name] = &c
		return
	}
	if prev.SHA256 != f.SHA256 {
		prev.SHA256 = ""
	}
	prev.Generated = prev.Generated || f.Generated
	prev.LineNames = union(prev.LineNames, f.LineNames)
}
