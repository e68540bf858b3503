// Package fixes applies suggested fixes to source files, or shows them as a
// unified diff.
//
// A fix is a set of edits that must be applied together or not at all.
// Fixes are considered in the order given: a fix is accepted unless one of
// its edits overlaps an edit of a fix accepted before it (identical edits
// are not a conflict), it edits a file it may not change, or its offsets do
// not fit the file. Files that were gofmt-formatted before are formatted
// again after the edits.
package fixes

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"os"
	"slices"

	"github.com/rogpeppe/go-internal/diff"
)

// An Edit replaces the bytes [Start, End) of File with New.
type Edit struct {
	File       string
	Start, End int
	New        string
}

func (e Edit) isInsert() bool { return e.Start == e.End }

// overlaps reports whether two edits of one file cannot both be applied:
// their ranges intersect, or both insert at the same offset (their order
// would be arbitrary).
func (e Edit) overlaps(f Edit) bool {
	if e == f {
		return false
	}
	return e.Start < f.End && f.Start < e.End ||
		e.isInsert() && f.isInsert() && e.Start == f.Start
}

// A Fix is a set of edits applied together or not at all.
type Fix struct {
	Edits []Edit
}

// A Skip says why a fix was not applied.
type Skip struct {
	Fix      int    // index of the fix in the list given to Apply
	Conflict int    // index of the accepted fix it overlaps, or -1
	Reason   string // e.g. "it overlaps an earlier fix"
}

// A File is a file the accepted fixes change.
type File struct {
	Name     string
	Old, New []byte
}

// A Plan is the outcome of Apply: which fixes were accepted and what the
// changed files look like. Nothing is written until Write is called.
type Plan struct {
	Applied []int  // indices of the accepted fixes, in order
	Skipped []Skip // the fixes not applied, in order
	Files   []File // the changed files, sorted by name
}

// Options control Apply.
type Options struct {
	// Read returns a file's contents; os.ReadFile if nil.
	Read func(file string) ([]byte, error)
	// Allow reports whether a fix may change file; every file if nil.
	Allow func(file string) bool
}

// Apply decides which fixes to apply, in order, and computes the new
// contents of the files they change.
func Apply(fixes []Fix, opt Options) *Plan {
	read := opt.Read
	if read == nil {
		read = os.ReadFile
	}
	var (
		plan     = new(Plan)
		contents = make(map[string][]byte)
		accepted = make(map[string][]Edit) // per file
		owner    = make(map[Edit]int)      // accepted edit -> fix index
	)
	for i, fix := range fixes {
		skip := func(conflict int, format string, args ...any) {
			plan.Skipped = append(plan.Skipped, Skip{Fix: i, Conflict: conflict, Reason: fmt.Sprintf(format, args...)})
		}
		edits := dedup(fix.Edits)
		if len(edits) == 0 {
			skip(-1, "it has no edits")
			continue
		}
		if reason := check(edits, contents, read, opt.Allow); reason != "" {
			skip(-1, "%s", reason)
			continue
		}
		conflict := -1
		for _, e := range edits {
			for _, a := range accepted[e.File] {
				if a.overlaps(e) {
					conflict = owner[a]
					break
				}
			}
			if conflict >= 0 {
				break
			}
		}
		if conflict >= 0 {
			skip(conflict, "it overlaps an earlier fix")
			continue
		}
		for _, e := range edits {
			if _, dup := owner[e]; dup {
				continue // the same edit from an earlier fix
			}
			owner[e] = i
			accepted[e.File] = append(accepted[e.File], e)
		}
		plan.Applied = append(plan.Applied, i)
	}

	for name, edits := range accepted {
		old := contents[name]
		plan.Files = append(plan.Files, File{Name: name, Old: old, New: apply(old, edits)})
	}
	slices.SortFunc(plan.Files, func(a, b File) int { return cmp.Compare(a.Name, b.Name) })
	return plan
}

// check validates a fix's edits against the files; it returns why the fix
// cannot be applied, or "".
func check(edits []Edit, contents map[string][]byte, read func(string) ([]byte, error), allow func(string) bool) string {
	for i, e := range edits {
		if allow != nil && !allow(e.File) {
			return fmt.Sprintf("it edits %s, which is not in the main module", e.File)
		}
		data, ok := contents[e.File]
		if !ok {
			var err error
			data, err = read(e.File)
			if err != nil {
				return fmt.Sprintf("cannot read %s: %v", e.File, err)
			}
			contents[e.File] = data
		}
		if e.Start < 0 || e.End < e.Start || e.End > len(data) {
			return fmt.Sprintf("its edit %d:%d is outside %s (%d bytes)", e.Start, e.End, e.File, len(data))
		}
		for _, f := range edits[:i] {
			if f.File == e.File && f.overlaps(e) {
				return "its own edits overlap"
			}
		}
	}
	return ""
}

// dedup drops repeated identical edits of one fix.
func dedup(edits []Edit) []Edit {
	var out []Edit
	for _, e := range edits {
		if !slices.Contains(out, e) {
			out = append(out, e)
		}
	}
	return out
}

// apply applies non-overlapping edits to src, and formats the result if src
// was gofmt-formatted.
func apply(src []byte, edits []Edit) []byte {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b Edit) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		out.Write(src[last:e.Start])
		out.WriteString(e.New)
		last = e.End
	}
	out.Write(src[last:])
	result := out.Bytes()
	if formatted, err := format.Source(src); err == nil && bytes.Equal(formatted, src) {
		if f, err := format.Source(result); err == nil {
			result = f
		}
	}
	return result
}

// Write writes the changed files, keeping their permissions.
func (p *Plan) Write() error {
	for _, f := range p.Files {
		mode := os.FileMode(0o644)
		if fi, err := os.Stat(f.Name); err == nil {
			mode = fi.Mode().Perm()
		}
		if err := os.WriteFile(f.Name, f.New, mode); err != nil {
			return err
		}
	}
	return nil
}

// Diff returns the changes as a unified diff, one file after another, with
// "a/<name>" and "b/<name>" labels, where name(file) gives the name to show
// (typically relative to the current directory, so that "patch -p1" or
// "git apply" can apply it).
func (p *Plan) Diff(name func(file string) string) []byte {
	var out bytes.Buffer
	for _, f := range p.Files {
		n := f.Name
		if name != nil {
			n = name(f.Name)
		}
		out.Write(diff.Diff("a/"+n, f.Old, "b/"+n, f.New))
	}
	return out.Bytes()
}
