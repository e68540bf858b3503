package driver

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/winlint/winlint/internal/analysedfiles"
	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/unitdone"
)

// The JSON schema written by unitchecker -json (see
// golang.org/x/tools/internal/analysis/driverutil/print.go). go vet -json
// copies one such object per vetted package to its stdout:
//
//	{"<package ID>": {"<analyzer>": [diagnostic...] | {"error": "..."}}}
type (
	jsonTree map[string]map[string]json.RawMessage

	jsonError struct {
		Err string `json:"error"`
	}

	jsonDiagnostic struct {
		Category       string        `json:"category,omitempty"`
		Posn           string        `json:"posn"`
		End            string        `json:"end"`
		Message        string        `json:"message"`
		SuggestedFixes []jsonFix     `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated `json:"related,omitempty"`
	}

	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}

	jsonEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}

	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
)

// A Parser turns go vet -json output into findings and errors.
type Parser struct {
	Families []*catalog.Family // to resolve check IDs
	Dir      string            // directory relative file names are resolved against
	Sources  *Sources          // to compute byte offsets; may be nil
	// OnPackage, if set, is called for each package of the stream as it
	// is decoded, with its findings (and errors).
	OnPackage func(pkg string, findings []*Finding, errs []*Error)
}

// ParseStream decodes the stream of JSON objects go vet -json writes, one per
// package, and returns the findings and the analyzer errors it holds. A
// stream that is not valid JSON yields the findings decoded so far and an
// error.
func (p *Parser) ParseStream(r io.Reader) ([]*Finding, []*Error, error) {
	var (
		findings []*Finding
		errs     []*Error
	)
	dec := json.NewDecoder(r)
	for {
		var tree jsonTree
		err := dec.Decode(&tree)
		if err == io.EOF {
			break
		}
		if err != nil {
			return findings, errs, fmt.Errorf("cannot decode go vet -json output: %v", err)
		}
		for _, pkg := range slices.Sorted(maps.Keys(tree)) {
			units := tree[pkg]
			nf, ne := len(findings), len(errs)
			for _, analyzer := range slices.Sorted(maps.Keys(units)) {
				fs, e, err := p.parseUnit(pkg, analyzer, units[analyzer])
				if err != nil {
					return findings, errs, err
				}
				findings = append(findings, fs...)
				if e != nil {
					errs = append(errs, e)
				}
			}
			if p.OnPackage != nil {
				p.OnPackage(pkg, findings[nf:], errs[ne:])
			}
		}
	}
	return findings, errs, nil
}

func (p *Parser) parseUnit(pkg, analyzer string, msg json.RawMessage) ([]*Finding, *Error, error) {
	msg = bytes.TrimSpace(msg)
	if len(msg) == 0 || string(msg) == "null" {
		return nil, nil, nil
	}
	if msg[0] != '[' {
		var e jsonError
		if err := json.Unmarshal(msg, &e); err != nil {
			return nil, nil, fmt.Errorf("cannot decode result of %s on %s: %v", analyzer, pkg, err)
		}
		return nil, &Error{Package: pkg, Analyzer: analyzer, Message: e.Err}, nil
	}
	var diags []jsonDiagnostic
	if err := json.Unmarshal(msg, &diags); err != nil {
		return nil, nil, fmt.Errorf("cannot decode diagnostics of %s on %s: %v", analyzer, pkg, err)
	}
	if analyzer == unitdone.Name || analyzer == analysedfiles.Name {
		// Progress and file hashes, not findings: no need to read the
		// files for offsets (analysedfiles names every analysed file:
		// reading them all cost a warm corpus run about a second).
		q := *p
		q.Sources = nil
		p = &q
	}
	findings := make([]*Finding, 0, len(diags))
	for _, d := range diags {
		findings = append(findings, p.finding(pkg, analyzer, &d))
	}
	return findings, nil, nil
}

func (p *Parser) finding(pkg, analyzer string, d *jsonDiagnostic) *Finding {
	f := &Finding{
		ID:       d.Category,
		Analyzer: analyzer,
		Package:  pkg,
		Message:  catalog.WithoutID(d.Message, d.Category),
		Posn:     p.position(d.Posn),
	}
	if d.Category != "" {
		f.Check = catalog.Lookup(p.Families, d.Category)
	}
	f.End = p.position(d.End)
	if !f.End.IsValid() {
		f.End = f.Posn
	}
	for _, r := range d.Related {
		rel := Related{Posn: p.position(r.Posn), End: p.position(r.End), Message: r.Message}
		if !rel.End.IsValid() {
			rel.End = rel.Posn
		}
		f.Related = append(f.Related, rel)
	}
	for _, fix := range d.SuggestedFixes {
		x := Fix{Message: fix.Message}
		for _, e := range fix.Edits {
			x.Edits = append(x.Edits, Edit{File: p.abs(e.Filename), Start: e.Start, End: e.End, New: e.New})
		}
		f.Fixes = append(f.Fixes, x)
	}
	return f
}

// position parses "file:line:col" (or "file:line", "file", "-") as
// go/token.Position.String writes it.
func (p *Parser) position(s string) Position {
	pos := ParsePosition(s)
	if pos.File == "" {
		return pos
	}
	pos.File = p.abs(pos.File)
	if p.Sources != nil && pos.Line > 0 {
		pos.Offset = p.Sources.Offset(pos.File, pos.Line, pos.Column)
	}
	return pos
}

func (p *Parser) abs(file string) string {
	if file == "" || filepath.IsAbs(file) || p.Dir == "" {
		return file
	}
	return filepath.Join(p.Dir, file)
}

// ParsePosition parses a position written as "file:line:col", "file:line"
// or "file"; "-" and "" mean no position. The offset is left unknown (-1).
func ParsePosition(s string) Position {
	if s == "" || s == "-" {
		return Position{Offset: -1}
	}
	pos := Position{File: s, Offset: -1}
	rest, last, ok := cutNumber(s)
	if !ok {
		return pos
	}
	if rest2, line, ok := cutNumber(rest); ok {
		pos.File, pos.Line, pos.Column = rest2, line, last
	} else {
		pos.File, pos.Line = rest, last
	}
	return pos
}

// cutNumber splits "x:123" into "x" and 123.
func cutNumber(s string) (string, int, bool) {
	i := strings.LastIndexByte(s, ':')
	if i <= 0 {
		return s, 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil || n < 0 {
		return s, 0, false
	}
	return s[:i], n, true
}
