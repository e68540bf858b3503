// Package config reads winlint.conf, winlint's configuration file, and
// applies it to the findings of a run as a driver filter.
//
// A winlint.conf in a directory configures the packages in that directory
// and below, like staticcheck.conf:
//
//	# winlint.conf
//	checks = ["inherit", "-WL2005"]         # the -checks syntax, one term a string
//	exclude = ["internal/gen", "*_mock.go"] # path globs, relative to this directory
//
// For a file, winlint looks for winlint.conf in the file's directory and
// each parent up to the module root (the directory holding go.mod) and
// merges them from the top down:
//
//   - checks: the terms are applied in order, as by -checks. A list that
//     starts with "inherit" or with a negation ("-WL2005") starts from the
//     selection of the parent directory (at the module root: the default
//     checks); a list that starts with a positive term replaces it. A file
//     without checks keeps its parent's selection.
//   - exclude: findings in files matching a pattern are not reported, nor
//     are directives in them. A pattern without "/" matches a file or
//     directory name at any depth ("*_mock.go", "testdata"); one with "/"
//     matches the path from the file's directory ("internal/gen",
//     "cmd/*/zz_generated.go"); "**" matches any number of directories;
//     a matching directory excludes everything below it. Excludes add
//     up: a subdirectory cannot re-include what its parent excludes.
//
// -checks on the command line overrides every file's checks (excludes still
// apply). The golangci-lint plugin does not read winlint.conf: it is
// configured in .golangci.yml.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/driver"
)

// FileName is the name of the configuration file.
const FileName = "winlint.conf"

// Inherit, as the first term of checks, starts from the parent's selection.
const Inherit = "inherit"

// A File is one parsed winlint.conf.
type File struct {
	Path       string   // absolute
	Checks     []string // terms of checks, nil if the file does not set it
	ChecksLine int
	Exclude    []string // slash-separated globs
}

// Parse parses the contents of a winlint.conf and checks its terms
// against the catalogue. Errors are *ParseError values, with the line.
func Parse(file string, data []byte, families []*catalog.Family) (*File, error) {
	keys, values, err := parse(file, data)
	if err != nil {
		return nil, err
	}
	f := &File{Path: file}
	for _, key := range keys {
		v := values[key]
		bad := func(format string, args ...any) (*File, error) {
			return nil, &ParseError{File: file, Line: v.line, Msg: key + ": " + fmt.Sprintf(format, args...)}
		}
		switch key {
		case "checks":
			var terms []string
			for _, s := range v.list {
				// A string may hold a comma-separated list, as -checks does.
				for _, t := range strings.Split(s, ",") {
					if t = strings.TrimSpace(t); t != "" {
						terms = append(terms, t)
					}
				}
			}
			scratch := make(map[string]bool)
			for i, t := range terms {
				if strings.EqualFold(t, Inherit) {
					if i > 0 {
						return bad("%q must come first", Inherit)
					}
					continue
				}
				if err := catalog.Apply(families, scratch, t); err != nil {
					return bad("%v", err)
				}
			}
			f.Checks, f.ChecksLine = terms, v.line
			if f.Checks == nil {
				f.Checks = []string{}
			}
		case "exclude":
			if !v.isArray {
				return bad("want an array of path globs: exclude = [\"internal/gen\"]")
			}
			for _, p := range v.list {
				p = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(p), "./"), "/")
				if p == "" || strings.HasPrefix(p, "/") || strings.Contains(p, `\`) || slices.Contains(strings.Split(p, "/"), "..") {
					return bad("%q is not a slash-separated glob relative to the directory of %s", p, FileName)
				}
				for _, seg := range strings.Split(p, "/") {
					if _, err := path.Match(seg, ""); err != nil {
						return bad("%q: bad glob: %v", p, err)
					}
				}
				f.Exclude = append(f.Exclude, p)
			}
		default:
			return bad("unknown key (want checks or exclude)")
		}
	}
	return f, nil
}

// Config resolves the configuration of directories; it is also the
// driver.Filter that applies it. Its zero value is not usable: see New.
type Config struct {
	families []*catalog.Family
	base     map[string]bool // the selection above module roots
	override bool            // -checks given: files' checks are ignored

	mu    sync.Mutex
	files map[string]*File   // by directory; nil: no file there
	errs  map[string]error   // by directory: a file that does not parse
	dirs  map[string]*dirCfg // resolved, by directory
}

// dirCfg is the merged configuration of a directory.
type dirCfg struct {
	enabled  map[string]bool
	excludes []exclude
	err      error // a file on the way up did not parse
}

type exclude struct {
	dir     string   // the directory of the file that says it
	pattern []string // split on "/"
}

// New returns a Config whose top-level selection is base, the -checks
// selection of the run (the default checks unless -checks is given);
// override says -checks was given on the command line, so that files'
// checks are ignored.
func New(families []*catalog.Family, base map[string]bool, override bool) *Config {
	return &Config{
		families: families,
		base:     base,
		override: override,
		files:    make(map[string]*File),
		errs:     make(map[string]error),
		dirs:     make(map[string]*dirCfg),
	}
}

// Scan reads every winlint.conf of the module holding dir and of the
// modules nested in it (from its root down, skipping vendor, testdata and
// directories the go command ignores), so that errors are reported before
// the run and Union knows every selection. It returns the errors of the
// files that do not parse. Files elsewhere (a module required through a
// replace directive or go.work outside this tree) are read when the filter
// meets a finding there: an error in one is an error of the run, and a
// check only such a file enables is not run.
func (c *Config) Scan(dir string) []error {
	root := moduleRoot(dir)
	if root == "" {
		root = dir
	}
	var errs []error
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			name := d.Name()
			if p != root && (name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() == FileName {
			if _, err := c.file(filepath.Dir(p)); err != nil {
				errs = append(errs, err)
			}
		}
		return nil
	})
	return errs
}

// Found reports whether any winlint.conf was read so far.
func (c *Config) Found() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, f := range c.files {
		if f != nil {
			return true
		}
	}
	return len(c.errs) > 0
}

// Union returns the checks enabled in any directory read so far (and at
// the top): the checks the analyzers must run for the filter to have every
// finding it may keep.
func (c *Config) Union() map[string]bool {
	out := maps.Clone(c.base)
	if c.override {
		return out
	}
	c.mu.Lock()
	var dirs []string
	for d, f := range c.files {
		if f != nil {
			dirs = append(dirs, d)
		}
	}
	c.mu.Unlock()
	for _, d := range dirs {
		if dc := c.resolve(d); dc.err == nil {
			maps.Copy(out, dc.enabled)
		}
	}
	return out
}

// Enabled returns the checks enabled for the file named (its directory's
// selection).
func (c *Config) Enabled(file string) map[string]bool {
	if c.override {
		return c.base
	}
	return c.resolve(filepath.Dir(file)).enabled
}

// Excluded reports whether an exclude pattern matches file.
func (c *Config) Excluded(file string) bool {
	for _, e := range c.resolve(filepath.Dir(file)).excludes {
		rel, err := filepath.Rel(e.dir, file)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		if matchPrefix(e.pattern, strings.Split(filepath.ToSlash(rel), "/")) {
			return true
		}
	}
	return false
}

// Name implements driver.Filter.
func (*Config) Name() string { return FileName }

// Filter implements driver.Filter: it drops the findings in excluded files
// and those of checks not enabled for their file's directory, and forgets
// the directives of excluded files. It reports the files that do not
// parse (for directories Scan did not reach: dependencies).
func (c *Config) Filter(r *driver.Result, _ *driver.Sources) error {
	var errs []error
	seen := make(map[error]bool)
	keep := func(f *driver.Finding) bool {
		if f.Posn.File == "" {
			return true
		}
		if err := c.resolve(filepath.Dir(f.Posn.File)).err; err != nil && !seen[err] {
			seen[err] = true
			errs = append(errs, err)
		}
		if c.Excluded(f.Posn.File) {
			return false
		}
		return f.ID == "" || c.Enabled(f.Posn.File)[f.ID]
	}
	r.Keep(keep)
	out := r.DirectiveFiles[:0]
	for _, f := range r.DirectiveFiles {
		if f.Posn.File == "" || !c.Excluded(f.Posn.File) {
			out = append(out, f)
		}
	}
	clear(r.DirectiveFiles[len(out):])
	r.DirectiveFiles = out
	return errors.Join(errs...)
}

// file returns the winlint.conf of dir (nil if there is none), reading it
// once.
func (c *Config) file(dir string) (*File, error) {
	c.mu.Lock()
	f, ok := c.files[dir]
	err := c.errs[dir]
	c.mu.Unlock()
	if ok || err != nil {
		return f, err
	}
	name := filepath.Join(dir, FileName)
	data, rerr := os.ReadFile(name)
	switch {
	case rerr == nil:
		f, err = Parse(name, data, c.families)
	case errors.Is(rerr, fs.ErrNotExist):
	default:
		err = &ParseError{File: name, Msg: rerr.Error()}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		c.errs[dir] = err
	} else {
		c.files[dir] = f
	}
	return f, err
}

// resolve merges the files from the module root of dir down to dir.
func (c *Config) resolve(dir string) *dirCfg {
	c.mu.Lock()
	dc := c.dirs[dir]
	c.mu.Unlock()
	if dc != nil {
		return dc
	}
	var parent *dirCfg
	if isModuleRoot(dir) || filepath.Dir(dir) == dir {
		parent = &dirCfg{enabled: c.base}
	} else {
		parent = c.resolve(filepath.Dir(dir))
	}
	dc = parent
	f, err := c.file(dir)
	switch {
	case err != nil:
		dc = &dirCfg{enabled: parent.enabled, excludes: parent.excludes, err: err}
	case f != nil:
		dc = &dirCfg{enabled: parent.enabled, excludes: parent.excludes, err: parent.err}
		if f.Checks != nil {
			dc.enabled = c.apply(parent.enabled, f.Checks)
		}
		for _, p := range f.Exclude {
			pat := strings.Split(p, "/")
			if !strings.Contains(p, "/") {
				pat = []string{"**", p}
			}
			dc.excludes = append(slices.Clip(dc.excludes), exclude{dir: dir, pattern: pat})
		}
	}
	c.mu.Lock()
	c.dirs[dir] = dc
	c.mu.Unlock()
	return dc
}

// apply applies terms (checked by Parse) to a parent's selection.
func (c *Config) apply(parent map[string]bool, terms []string) map[string]bool {
	out := make(map[string]bool)
	if len(terms) > 0 && (strings.EqualFold(terms[0], Inherit) || strings.HasPrefix(terms[0], "-")) {
		maps.Copy(out, parent)
	}
	for _, t := range terms {
		if !strings.EqualFold(t, Inherit) {
			catalog.Apply(c.families, out, t)
		}
	}
	return out
}

// matchPrefix reports whether the glob segments pat match comps or a
// leading part of them (a directory holding the rest); "**" matches any
// number of segments.
func matchPrefix(pat, comps []string) bool {
	if len(pat) == 0 {
		return true
	}
	if pat[0] == "**" {
		for i := 0; i <= len(comps); i++ {
			if matchPrefix(pat[1:], comps[i:]) {
				return true
			}
		}
		return false
	}
	if len(comps) == 0 {
		return false
	}
	ok, _ := path.Match(pat[0], comps[0])
	return ok && matchPrefix(pat[1:], comps[1:])
}

// moduleRoot returns the nearest directory at or above dir holding go.mod,
// or "".
func moduleRoot(dir string) string {
	for {
		if isModuleRoot(dir) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func isModuleRoot(dir string) bool {
	st, err := os.Stat(filepath.Join(dir, "go.mod"))
	return err == nil && !st.IsDir()
}
