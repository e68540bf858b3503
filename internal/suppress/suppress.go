// Package suppress is the driver's filter for winlint's //winlint:ignore and
// //winlint:file-ignore directives and for generated files.
//
// It sees every directive of the analysed files, not only those in files
// with findings: the vet tool reports the files that hold directives
// (driver.Result.DirectiveFiles, see internal/directivefiles), so that a
// directive that suppresses nothing is found wherever it is (WL0002) and
// one naming an unknown check is reported (WL0001). Directives themselves
// are parsed by internal/directive, from the files as they are now.
package suppress

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/directive"
	"github.com/winlint/winlint/internal/driver"
)

// IDs of the directive checks (see analyzers/directives).
const (
	Malformed = "WL0001"
	Unused    = "WL0002"
)

// Filter applies directives and skips generated files.
type Filter struct {
	Families []*catalog.Family // the catalogue, to resolve check IDs
	Enabled  map[string]bool   // the checks the run enabled
	// EnabledFor, if set, returns the checks enabled for a file (they
	// vary by directory with winlint.conf) and replaces Enabled.
	EnabledFor func(file string) map[string]bool
	Generated  bool // report findings in generated files too
}

type fileInfo struct {
	pkg  string
	goos []string
}

// Name implements driver.Filter.
func (*Filter) Name() string { return "directives" }

// Filter implements driver.Filter.
func (f *Filter) Filter(r *driver.Result, src *driver.Sources) error {
	// The files to read: those holding directives, and those with
	// findings (which may be generated).
	files := make(map[string]*fileInfo)
	for _, fd := range slices.Concat(r.DirectiveFiles, r.Findings) {
		if fd.Posn.File == "" {
			continue
		}
		if info := files[fd.Posn.File]; info != nil {
			info.goos = slices.Compact(slices.Sorted(slices.Values(append(info.goos, fd.GOOS...))))
		} else {
			files[fd.Posn.File] = &fileInfo{pkg: fd.Package, goos: slices.Clone(fd.GOOS)}
		}
	}

	type dirState struct {
		d    *directive.Directive
		used bool
	}
	generated := make(map[string]bool)
	if !f.Generated {
		// A //line directive in a generated file renames its
		// positions (to a .y grammar, say): findings there are the
		// generated file's.
		for _, af := range r.Files {
			if !af.Generated {
				continue
			}
			for _, name := range af.LineNames {
				if _, analysed := r.Files[name]; !analysed {
					generated[name] = true
				}
			}
		}
	}
	dirs := make(map[string][]*dirState)
	for file := range files {
		data, err := src.Read(file)
		if err != nil {
			continue
		}
		if !f.Generated && directive.IsGenerated(data) {
			generated[file] = true
			continue
		}
		for _, d := range directive.Parse(data) {
			dirs[file] = append(dirs[file], &dirState{d: d})
		}
	}

	r.Keep(func(fd *driver.Finding) bool {
		if generated[fd.Posn.File] {
			return false
		}
		suppressed := false
		for _, s := range dirs[fd.Posn.File] {
			if s.d.Covers(fd.ID, fd.Posn.Line) {
				s.used = true
				suppressed = true
			}
		}
		return !suppressed
	})

	for _, file := range slices.Sorted(maps.Keys(dirs)) {
		info := files[file]
		for _, s := range dirs[file] {
			d := s.d
			if d.Problem != "" {
				continue // malformed: the analyzer reports it (WL0001)
			}
			enabled := f.enabled(file)
			if unknown := f.unknownChecks(d); len(unknown) > 0 {
				if enabled[Malformed] {
					r.Findings = append(r.Findings, f.finding(src, file, info, d, Malformed,
						fmt.Sprintf("%s%s names %s, which %s no check (see winlint -list)",
							directive.Prefix, d.Kind, strings.Join(unknown, ", "), plural(len(unknown), "matches", "match")), false))
				}
				continue
			}
			if s.used || !enabled[Unused] || !judged(f.Families, enabled, d) {
				continue
			}
			r.Findings = append(r.Findings, f.finding(src, file, info, d, Unused,
				fmt.Sprintf("%s%s %s suppresses nothing: delete it", directive.Prefix, d.Kind, strings.Join(d.Checks, ",")), true))
		}
	}
	return nil
}

// unknownChecks returns the IDs or globs of d that match no check of the
// catalogue.
func (f *Filter) unknownChecks(d *directive.Directive) []string {
	var out []string
	for _, c := range d.Checks {
		if !slices.ContainsFunc(f.Families, func(fam *catalog.Family) bool {
			return slices.ContainsFunc(fam.Checks, func(ch *catalog.Check) bool {
				return (&directive.Directive{Checks: []string{c}}).Matches(ch.ID)
			})
		}) {
			out = append(out, c)
		}
	}
	return out
}

// enabled returns the checks enabled for file.
func (f *Filter) enabled(file string) map[string]bool {
	if f.EnabledFor != nil {
		return f.EnabledFor(file)
	}
	return f.Enabled
}

// judged reports whether the run can tell that d is unused: every check it
// names (every check a glob matches) was enabled.
func judged(families []*catalog.Family, enabled map[string]bool, d *directive.Directive) bool {
	for _, fam := range families {
		for _, c := range fam.Checks {
			if d.Matches(c.ID) && !enabled[c.ID] {
				return false
			}
		}
	}
	return true
}

// finding builds a finding of a directive check at d; with a fix deleting
// the directive if fix is set.
func (f *Filter) finding(src *driver.Sources, file string, info *fileInfo, d *directive.Directive, id, msg string, fix bool) *driver.Finding {
	fd := &driver.Finding{
		ID:       id,
		Check:    catalog.Lookup(f.Families, id),
		Analyzer: "directives",
		Package:  info.pkg,
		Message:  msg,
		Posn:     driver.Position{File: file, Line: d.Line, Column: d.Column, Offset: d.Offset},
		End:      driver.Position{File: file, Line: d.Line, Column: d.Column + d.End - d.Offset, Offset: d.End},
		GOOS:     slices.Clone(info.goos),
	}
	if fix {
		if data, err := src.Read(file); err == nil {
			start, end := deletion(data, d.Offset, d.End)
			fd.Fixes = []driver.Fix{{Message: "delete the directive", Edits: []driver.Edit{{File: file, Start: start, End: end}}}}
		}
	}
	return fd
}

// deletion returns the bytes to delete to remove the comment [start, end):
// its whole line when it stands alone, else the comment and the blanks
// before it.
func deletion(data []byte, start, end int) (int, int) {
	lineStart := bytes.LastIndexByte(data[:start], '\n') + 1
	lineEnd := len(data)
	if i := bytes.IndexByte(data[end:], '\n'); i >= 0 {
		lineEnd = end + i
	}
	before := data[lineStart:start]
	after := bytes.TrimRight(data[end:lineEnd], " \t\r")
	if len(bytes.TrimSpace(before)) == 0 && len(after) == 0 {
		if lineEnd < len(data) {
			lineEnd++ // the newline
		}
		return lineStart, lineEnd
	}
	s := start
	for s > lineStart && (data[s-1] == ' ' || data[s-1] == '\t') {
		s--
	}
	return s, end
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
