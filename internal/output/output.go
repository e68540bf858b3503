// Package output renders a driver.Result in the formats winlint offers
// (-f text, json, sarif, rdjson, github, checkstyle, junit, codeclimate).
// A format is a function registered under a name; to add one, write a
// Format and add it to Formats.
//
// text, json and rdjson show file names relative to the report's directory
// when the file lies inside it, and absolute otherwise; sarif, github,
// checkstyle, junit and codeclimate name them relative to the repository
// root, as GitHub, GitLab and Jenkins resolve them.
package output

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/driver"
)

// A Report is what a format renders.
type Report struct {
	*driver.Result
	Dir string // the current directory: file names are shown relative to it

	// Root is the repository root (the directory holding .git, else Dir):
	// SARIF and GitHub annotations name files relative to it.
	Root string
	// Checks are the checks the run enabled, in catalogue order: SARIF
	// lists them as rules.
	Checks []*catalog.Check
	// Sources reads the analysed files, to convert byte columns to the
	// UTF-16 columns SARIF and GitHub count and to hash lines.
	Sources *driver.Sources
	// Version is winlint's version, for SARIF's tool.driver.
	Version string
}

// A Format writes a report. Formats write findings (and, if they carry
// them, errors) to w; the CLI prints errors to standard error itself, in
// every format, with WriteErrors.
type Format func(w io.Writer, r *Report) error

// Formats maps each -f name to its Format.
var Formats = map[string]Format{
	"text":   Text,
	"json":   JSON,
	"sarif":  SARIF,
	"rdjson": RDJSON,
	"github": GitHub,

	"checkstyle":  Checkstyle,
	"junit":       JUnit,
	"codeclimate": CodeClimate,
}

// Lookup returns the format called name.
func Lookup(name string) (Format, error) {
	if f, ok := Formats[name]; ok {
		return f, nil
	}
	return nil, fmt.Errorf("unknown format %q (want %s)", name, strings.Join(Names(), ", "))
}

// Names returns the names of the formats, sorted.
func Names() []string {
	names := make([]string, 0, len(Formats))
	for n := range Formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Path returns how file is shown: relative to r.Dir when inside it,
// absolute otherwise.
func (r *Report) Path(file string) string {
	return RelPath(r.Dir, file)
}

// RelPath returns file relative to dir when file lies inside dir, and file
// unchanged otherwise.
func RelPath(dir, file string) string {
	if dir == "" || !filepath.IsAbs(file) {
		return file
	}
	rel, err := filepath.Rel(dir, file)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return file
	}
	return rel
}

// Position formats a position as "file:line:col" with the file shown as
// r.Path shows it.
func (r *Report) Position(p driver.Position) string {
	p.File = r.Path(p.File)
	return p.String()
}

// PartialGOOS returns the GOOS values of a finding or error when they are a
// proper subset of the GOOS values analysed, and nil otherwise: the
// configurations worth naming next to it.
func (r *Report) PartialGOOS(goos []string) []string {
	if len(r.GOOS) < 2 {
		return nil
	}
	for _, g := range r.GOOS {
		if !slices.Contains(goos, g) {
			return goos
		}
	}
	return nil
}
