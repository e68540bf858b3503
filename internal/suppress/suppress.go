// Package suppress is the driver's filter for winlint's //winlint:ignore and
// //winlint:file-ignore directives and for generated files.
//
// It sees every file the analysis covered, not only those with findings:
// it asks the go command for the packages' files, per GOOS, with the same
// build configuration go vet used (go list is cheap and cached), so that a
// directive that suppresses nothing is found wherever it is (WL0002) and
// one naming an unknown check is reported (WL0001). Directives themselves
// are parsed by internal/directive.
package suppress

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"path/filepath"
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
	Ctx       context.Context
	Config    *driver.Config  // the run: go command, directory, environment, tags, GOOS, patterns
	Enabled   map[string]bool // the checks the run enabled
	Generated bool            // report findings in generated files too

	// files, when set, replaces the go list query (for tests): file →
	// package and the GOOS values that compile it.
	files map[string]*fileInfo
}

type fileInfo struct {
	pkg  string
	goos []string
}

// Name implements driver.Filter.
func (*Filter) Name() string { return "directives" }

// Filter implements driver.Filter.
func (f *Filter) Filter(r *driver.Result, src *driver.Sources) error {
	files := f.files
	var listErr error
	if files == nil {
		files, listErr = f.list()
	}
	// Files with findings are analyzed even if go list missed them.
	for _, fd := range r.Findings {
		if fd.Posn.File != "" && files[fd.Posn.File] == nil {
			files[fd.Posn.File] = &fileInfo{pkg: fd.Package, goos: fd.GOOS}
		}
	}

	type dirState struct {
		d    *directive.Directive
		used bool
	}
	generated := make(map[string]bool)
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
			if len(d.Checks) == 0 {
				continue // malformed: the analyzer reports it
			}
			if unknown := f.unknownChecks(d); len(unknown) > 0 {
				if f.Enabled[Malformed] {
					r.Findings = append(r.Findings, f.finding(src, file, info, d, Malformed,
						fmt.Sprintf("%s%s names %s, which %s no check (see winlint -list)",
							directive.Prefix, d.Kind, strings.Join(unknown, ", "), plural(len(unknown), "matches", "match")), false))
				}
				continue
			}
			if s.used || !f.Enabled[Unused] || !f.judged(d) {
				continue
			}
			r.Findings = append(r.Findings, f.finding(src, file, info, d, Unused,
				fmt.Sprintf("%s%s %s suppresses nothing: delete it", directive.Prefix, d.Kind, strings.Join(d.Checks, ",")), true))
		}
	}
	return listErr
}

// unknownChecks returns the IDs or globs of d that match no check of the
// catalogue.
func (f *Filter) unknownChecks(d *directive.Directive) []string {
	var out []string
	for _, c := range d.Checks {
		if !slices.ContainsFunc(f.Config.Families, func(fam *catalog.Family) bool {
			return slices.ContainsFunc(fam.Checks, func(ch *catalog.Check) bool {
				return (&directive.Directive{Checks: []string{c}}).Matches(ch.ID)
			})
		}) {
			out = append(out, c)
		}
	}
	return out
}

// judged reports whether the run can tell that d is unused: every check it
// names (every check a glob matches) was enabled.
func (f *Filter) judged(d *directive.Directive) bool {
	for _, fam := range f.Config.Families {
		for _, c := range fam.Checks {
			if d.Matches(c.ID) && !f.Enabled[c.ID] {
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
		Check:    catalog.Lookup(f.Config.Families, id),
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

// list asks the go command, once per GOOS, for the Go files of the
// packages (with their tests) as go vet builds them.
func (f *Filter) list() (map[string]*fileInfo, error) {
	cfg := f.Config
	files := make(map[string]*fileInfo)
	var errs []string
	for _, goos := range cfg.GOOS {
		ctx := f.Ctx
		if ctx == nil {
			ctx = context.Background()
		}
		cmd := cfg.Command(ctx, goos, "list", "-e", "-json=ImportPath,Dir,GoFiles,CgoFiles,TestGoFiles,XTestGoFiles")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			errs = append(errs, fmt.Sprintf("go list (GOOS=%s): %v: %s", goos, err, strings.TrimSpace(stderr.String())))
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(out))
		for {
			var p struct {
				ImportPath, Dir                              string
				GoFiles, CgoFiles, TestGoFiles, XTestGoFiles []string
			}
			if err := dec.Decode(&p); err == io.EOF {
				break
			} else if err != nil {
				errs = append(errs, fmt.Sprintf("go list (GOOS=%s): %v", goos, err))
				break
			}
			for _, names := range [][]string{p.GoFiles, p.CgoFiles, p.TestGoFiles, p.XTestGoFiles} {
				for _, n := range names {
					file := filepath.Join(p.Dir, n)
					info := files[file]
					if info == nil {
						info = &fileInfo{pkg: p.ImportPath}
						files[file] = info
					}
					if !slices.Contains(info.goos, goos) {
						info.goos = append(info.goos, goos)
						slices.Sort(info.goos)
					}
				}
			}
		}
	}
	if len(errs) > 0 {
		return files, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return files, nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
