// Package fixes applies suggested fixes to source files, or shows them as a
// unified diff, and helps analyzers write fixes that compile (see
// PackageName).
//
// A fix is a set of edits that must be applied together or not at all.
// Fixes are considered in the order given: a fix is accepted unless one of
// its edits overlaps an edit of a fix accepted before it (identical edits
// are applied once; several insertions at one offset are all applied, in
// fix order), it edits a file it may not change, a file whose content is
// not the one analysed, or its offsets do not fit the file. A fix after
// which a Go file that parsed no longer parses is refused too.
//
// Only the lines the edits touch are gofmt-formatted (indentation by tabs,
// alignment); the rest of the file is left byte for byte as it was. Files
// with CRLF line endings keep them.
//
// golang.org/x/tools v0.52 keeps its own fix application (edit merging,
// concurrent-modification checks, import clean-up) in internal packages
// (internal/analysis/driverutil, internal/diff), which cannot be imported;
// this package does the same for winlint's driver, which receives the
// edits as go vet's JSON rather than in-process.
//
// Nothing is written until Plan.Write, which writes every changed file to
// a temporary file beside it and renames it over the original (keeping its
// mode), after checking again that the file has not changed since it was
// read: a failed write never leaves a file cut, and a file that changed is
// left alone.
package fixes

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

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
// their ranges intersect. (Insertions at one offset can: they are applied
// in fix order. An insertion at either end of a replaced range can too.)
func (e Edit) overlaps(f Edit) bool {
	if e == f {
		return false
	}
	return e.Start < f.End && f.Start < e.End
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
	Fixes    []int // indices of the accepted fixes that edit it
}

// A Plan is the outcome of Apply: which fixes were accepted and what the
// changed files look like. Nothing is written until Write is called.
type Plan struct {
	Applied []int  // indices of the accepted fixes, in order
	Skipped []Skip // the fixes not applied, in order of their index
	Files   []File // the changed files, sorted by name
}

// Options control Apply.
type Options struct {
	// Read returns a file's contents; os.ReadFile if nil.
	Read func(file string) ([]byte, error)
	// Allow reports whether a fix may change file; every file if nil.
	Allow func(file string) bool
	// Analysed returns the SHA-256 (see Hash) of file's content as it was
	// analysed, and whether file was analysed at all. If set, a fix that
	// edits a file that was not analysed (such as the file a //line
	// directive names) or whose content has changed since is refused.
	Analysed func(file string) (sum string, ok bool)
}

// Hash returns the hex SHA-256 of content, as Options.Analysed expects it.
func Hash(content []byte) string {
	s := sha256.Sum256(content)
	return hex.EncodeToString(s[:])
}

// Apply decides which fixes to apply, in order, and computes the new
// contents of the files they change.
func Apply(fixes []Fix, opt Options) *Plan {
	read := opt.Read
	if read == nil {
		read = os.ReadFile
	}
	contents := make(map[string][]byte)
	refused := make(map[int]Skip)
	for {
		plan, bad := plan(fixes, opt, read, contents, refused)
		if len(bad) == 0 {
			return plan
		}
		for _, s := range bad {
			refused[s.Fix] = s
		}
	}
}

// plan computes a plan with the fixes of refused left out. It returns the
// fixes it finds break a file (which the caller refuses before planning
// again).
func plan(fixes []Fix, opt Options, read func(string) ([]byte, error), contents map[string][]byte, refused map[int]Skip) (*Plan, []Skip) {
	var (
		p        = new(Plan)
		accepted = make(map[string][]Edit) // per file
		owner    = make(map[Edit]int)      // accepted edit -> first fix index
		owners   = make(map[string][]int)  // per file: the fixes editing it
	)
	for i, fix := range fixes {
		skip := func(conflict int, format string, args ...any) {
			p.Skipped = append(p.Skipped, Skip{Fix: i, Conflict: conflict, Reason: fmt.Sprintf(format, args...)})
		}
		if s, ok := refused[i]; ok {
			p.Skipped = append(p.Skipped, s)
			continue
		}
		edits := dedup(fix.Edits)
		if len(edits) == 0 {
			skip(-1, "it has no edits")
			continue
		}
		if reason := check(edits, contents, read, opt); reason != "" {
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
			if !slices.Contains(owners[e.File], i) {
				owners[e.File] = append(owners[e.File], i)
			}
			if _, dup := owner[e]; dup {
				continue // the same edit from an earlier fix
			}
			owner[e] = i
			accepted[e.File] = append(accepted[e.File], e)
		}
		p.Applied = append(p.Applied, i)
	}

	var bad []Skip
	for name, edits := range accepted {
		old := contents[name]
		result := apply(name, old, edits)
		if reason := breaks(name, old, result); reason != "" {
			bad = append(bad, culprits(name, old, fixes, owners[name], reason)...)
			continue
		}
		p.Files = append(p.Files, File{Name: name, Old: old, New: result, Fixes: owners[name]})
	}
	slices.SortFunc(p.Files, func(a, b File) int { return cmp.Compare(a.Name, b.Name) })
	return p, bad
}

// breaks returns why result is not acceptable as the new content of the Go
// file name, whose content was old: it does not parse while old did.
func breaks(name string, old, result []byte) string {
	if !strings.HasSuffix(name, ".go") {
		return ""
	}
	fset := token.NewFileSet()
	if _, err := parser.ParseFile(fset, name, old, parser.SkipObjectResolution); err != nil {
		return ""
	}
	if _, err := parser.ParseFile(fset, name, result, parser.SkipObjectResolution); err != nil {
		return fmt.Sprintf("the fixed file would not parse: %v", firstLine(err.Error()))
	}
	return ""
}

// culprits finds, among the fixes (indices ids) that edit file, those
// after which it no longer parses: it applies them one by one, in order,
// leaving out each one that breaks it. At least one is returned.
func culprits(file string, old []byte, fixes []Fix, ids []int, reason string) []Skip {
	var (
		kept []Edit
		bad  []Skip
	)
	for _, i := range ids {
		var mine []Edit
		for _, e := range dedup(fixes[i].Edits) {
			if e.File == file && !slices.Contains(kept, e) {
				mine = append(mine, e)
			}
		}
		if r := breaks(file, old, apply(file, old, append(slices.Clone(kept), mine...))); r != "" {
			bad = append(bad, Skip{Fix: i, Conflict: -1, Reason: r})
			continue
		}
		kept = append(kept, mine...)
	}
	if len(bad) == 0 { // only their combination breaks it: refuse the last
		bad = append(bad, Skip{Fix: ids[len(ids)-1], Conflict: -1, Reason: reason})
	}
	return bad
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// check validates a fix's edits against the files; it returns why the fix
// cannot be applied, or "".
func check(edits []Edit, contents map[string][]byte, read func(string) ([]byte, error), opt Options) string {
	for i, e := range edits {
		if opt.Allow != nil && !opt.Allow(e.File) {
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
		if opt.Analysed != nil {
			sum, ok := opt.Analysed(e.File)
			switch {
			case !ok:
				return fmt.Sprintf("it edits %s, which is not a file the analysis read (a //line directive names it?)", e.File)
			case sum != Hash(data):
				return fmt.Sprintf("%s changed since it was analysed; run winlint again", e.File)
			}
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

// apply applies non-overlapping edits to src, in order of offset (edits at
// one offset in the order given, insertions before a replacement), and
// gofmt-formats the lines they touch.
func apply(name string, src []byte, edits []Edit) []byte {
	crlf := isCRLF(src)
	if crlf {
		src, edits = toLF(src, edits)
	}
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b Edit) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End))
	})
	var (
		out    bytes.Buffer
		ranges [][2]int // edited ranges of the result
	)
	last := 0
	for _, e := range edits {
		out.Write(src[last:e.Start])
		start := out.Len()
		out.WriteString(e.New)
		ranges = append(ranges, [2]int{start, out.Len()})
		last = e.End
	}
	out.Write(src[last:])
	result := out.Bytes()
	if strings.HasSuffix(name, ".go") {
		result = dropUnusedImports(src, FormatLines(result, ranges))
	}
	if crlf {
		result = bytes.ReplaceAll(result, []byte("\n"), []byte("\r\n"))
	}
	return result
}

// dropUnusedImports deletes from src, the fixed version of old, the
// imports that the fixes left unused (which would not compile): those
// whose name is the package of a selector (name.X) in old but of none in
// src. Without type information it errs on the side of keeping an import.
func dropUnusedImports(old, src []byte) []byte {
	fset := token.NewFileSet()
	of, err := parser.ParseFile(fset, "old.go", old, parser.SkipObjectResolution)
	if err != nil {
		return src
	}
	nf, err := parser.ParseFile(fset, "new.go", src, parser.SkipObjectResolution)
	if err != nil {
		return src
	}
	uses := func(f *ast.File) map[string]int {
		m := make(map[string]int)
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					m[id.Name]++
				}
			}
			return true
		})
		return m
	}
	before, after := uses(of), uses(nf)
	tf := fset.File(nf.Pos())
	type cut struct{ start, end int }
	var cuts []cut
	for _, d := range nf.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		for _, spec := range gd.Specs {
			is := spec.(*ast.ImportSpec)
			path, err := strconv.Unquote(is.Path.Value)
			if err != nil || path == "C" {
				continue
			}
			name := path[strings.LastIndexByte(path, '/')+1:]
			if is.Name != nil {
				name = is.Name.Name
			}
			if name == "_" || name == "." || before[name] == 0 || after[name] > 0 {
				continue
			}
			// Whole lines only: the spec's (or the declaration's, if it
			// has no parentheses), with its doc and line comments.
			var from, to ast.Node = is, is
			if !gd.Lparen.IsValid() {
				from, to = gd, gd
			}
			if is.Doc != nil {
				from = is.Doc
			}
			if is.Comment != nil && gd.Lparen.IsValid() {
				to = is.Comment
			}
			first, last := Line(tf, from.Pos()), Line(tf, to.End())
			start := tf.Offset(tf.LineStart(first))
			end := len(src)
			if last < tf.LineCount() {
				end = tf.Offset(tf.LineStart(last + 1))
			}
			if strings.TrimSpace(string(src[start:tf.Offset(from.Pos())])) != "" ||
				strings.TrimSpace(string(src[tf.Offset(to.End()):end])) != "" {
				continue // something else on its lines
			}
			cuts = append(cuts, cut{start, end})
		}
	}
	if len(cuts) == 0 {
		return src
	}
	var out bytes.Buffer
	last := 0
	for _, c := range cuts {
		out.Write(src[last:c.start])
		last = c.end
	}
	out.Write(src[last:])
	return out.Bytes()
}

// isCRLF reports whether every line of src ends in CRLF (and there is at
// least one line break).
func isCRLF(src []byte) bool {
	n := bytes.Count(src, []byte("\n"))
	return n > 0 && bytes.Count(src, []byte("\r\n")) == n
}

// toLF turns a CRLF file into an LF one and moves the edits with it.
func toLF(src []byte, edits []Edit) ([]byte, []Edit) {
	// An offset moves back by the CRs removed before it, and by the CR
	// it follows if it points between a CR and its LF.
	pos := func(off int) int {
		n := bytes.Count(src[:off], []byte("\r\n"))
		if off > 0 && off < len(src) && src[off-1] == '\r' && src[off] == '\n' {
			n++
		}
		return off - n
	}
	out := make([]Edit, len(edits))
	for i, e := range edits {
		out[i] = Edit{File: e.File, Start: pos(e.Start), End: pos(e.End), New: strings.ReplaceAll(e.New, "\r\n", "\n")}
	}
	return bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")), out
}

// FormatLines gofmt-formats the lines of the Go source src that the byte
// ranges touch, and only those: every other line is kept as it is, even if
// gofmt would change it. If src does not parse, it is returned unchanged.
func FormatLines(src []byte, ranges [][2]int) []byte {
	if len(ranges) == 0 {
		return src
	}
	formatted, err := format.Source(src)
	if err != nil || bytes.Equal(formatted, src) {
		return src
	}
	edited := make(map[int]bool) // 0-based line numbers of src
	for _, r := range ranges {
		// A newline that starts or ends the new text does not make
		// the line before or after edited.
		s, e := r[0], r[1]
		if e > s && src[s] == '\n' {
			s++
		}
		if e > s && src[e-1] == '\n' {
			e--
		}
		for l := lineOf(src, s); l <= lineOf(src, e); l++ {
			edited[l] = true
		}
	}
	// gofmt sorts imports: it moves lines within an import declaration,
	// which a line merge would lose. An edited import declaration is
	// taken from gofmt whole.
	fset := token.NewFileSet()
	if f, err := parser.ParseFile(fset, "", src, parser.ImportsOnly|parser.ParseComments); err == nil {
		tf := fset.File(f.Pos())
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.IMPORT || !gd.Lparen.IsValid() {
				continue
			}
			first, last := Line(tf, gd.Pos())-1, Line(tf, gd.End())-1
			touched := false
			for l := first; l <= last; l++ {
				touched = touched || edited[l]
			}
			for l := first; touched && l <= last; l++ {
				edited[l] = true
			}
		}
	}
	oldLines := splitLines(src)
	var out []string
	at := 0 // next line of src to copy
	for _, b := range changes(src, formatted) {
		out = append(out, oldLines[at:b.at]...)
		at = b.at + len(b.old)
		out = append(out, merge(b, edited)...)
	}
	out = append(out, oldLines[at:]...)
	merged := []byte(strings.Join(out, ""))
	if _, err := parser.ParseFile(token.NewFileSet(), "", merged, parser.SkipObjectResolution); err != nil {
		return formatted // cannot happen, but gofmt's whole file is safe
	}
	return merged
}

// pair matches the lines of old and new that are the same but for
// spaces (an LCS): m[i] is the line of new paired with old[i], or -1.
func pair(old, new []string) []int {
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	lcs := make([][]int, len(old)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(new)+1)
	}
	for i := len(old) - 1; i >= 0; i-- {
		for j := len(new) - 1; j >= 0; j-- {
			if squash(old[i]) == squash(new[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	m := make([]int, len(old))
	i, j := 0, 0
	for i < len(old) {
		switch {
		case j < len(new) && squash(old[i]) == squash(new[j]):
			m[i] = j
			i++
			j++
		case j < len(new) && lcs[i][j+1] >= lcs[i+1][j]:
			j++
		default:
			m[i] = -1
			i++
		}
	}
	return m
}

// merge returns the lines that replace the block b.old: gofmt's lines
// (b.new) where they format edited lines, the old ones elsewhere. Lines
// that are the same but for spaces are paired (see pair); a paired line
// takes gofmt's version if it was edited. Between pairs, gofmt joined,
// split, added or dropped lines: such a run takes gofmt's lines if one
// of its old lines was edited (blank lines gofmt adds next to an edit
// are left out).
func merge(b change, edited map[int]bool) []string {
	m := pair(b.old, b.new)
	var out []string
	i, j := 0, 0              // next old and new lines
	run := func(i2, j2 int) { // old[i:i2] and new[j:j2] are unpaired
		switch {
		case i2 == i:
			if touches(edited, b.at+i, 0) {
				for _, l := range b.new[j:j2] {
					if strings.TrimSpace(l) != "" {
						out = append(out, l)
					}
				}
			}
		case touches(edited, b.at+i, i2-i):
			out = append(out, b.new[j:j2]...)
		default:
			out = append(out, b.old[i:i2]...)
		}
	}
	for k := range b.old {
		if m[k] < 0 {
			continue
		}
		run(k, m[k])
		if edited[b.at+k] {
			out = append(out, b.new[m[k]])
		} else {
			out = append(out, b.old[k])
		}
		i, j = k+1, m[k]+1
	}
	run(len(b.old), len(b.new))
	return out
}

func touches(edited map[int]bool, at, n int) bool {
	if n == 0 {
		return edited[at-1] || edited[at]
	}
	for l := at; l < at+n; l++ {
		if edited[l] {
			return true
		}
	}
	return false
}

// lineOf returns the 0-based line of offset off in src.
func lineOf(src []byte, off int) int {
	return bytes.Count(src[:min(off, len(src))], []byte("\n"))
}

// splitLines splits src after each newline.
func splitLines(src []byte) []string {
	var out []string
	for len(src) > 0 {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			out = append(out, string(src))
			break
		}
		out = append(out, string(src[:i+1]))
		src = src[i+1:]
	}
	return out
}

// A change replaces the lines old, starting at 0-based line at of the
// old text, with new (lines keep their newline).
type change struct {
	at       int
	old, new []string
}

// changes returns the line changes from a to b, in order, computed from
// a unified diff of the two.
func changes(a, b []byte) []change {
	d := diff.Diff("a", a, "b", b)
	var (
		out  []change
		cur  *change
		line int // 0-based line of a
	)
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	lines := splitLines(d)
	for len(lines) > 0 && !strings.HasPrefix(lines[0], "@@") {
		lines = lines[1:] // the header: "diff a b", "--- a", "+++ b"
	}
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "@@"):
			flush()
			var a1, a2, b1, b2 int
			if n, _ := fmt.Sscanf(l, "@@ -%d,%d +%d,%d @@", &a1, &a2, &b1, &b2); n >= 2 {
				line = a1 - 1
				if a2 == 0 {
					line = a1
				}
			} else if n, _ := fmt.Sscanf(l, "@@ -%d +", &a1); n == 1 {
				line = a1 - 1
			}
			continue
		case strings.HasPrefix(l, `\`): // "\ No newline at end of file"
			fixNoNewline(cur)
			continue
		}
		if l == "" {
			continue
		}
		text := l[1:]
		switch l[0] {
		case ' ':
			flush()
			line++
		case '-':
			if cur == nil {
				cur = &change{at: line}
			}
			cur.old = append(cur.old, text)
			line++
		case '+':
			if cur == nil {
				cur = &change{at: line}
			}
			cur.new = append(cur.new, text)
		}
	}
	flush()
	return out
}

// fixNoNewline drops the newline the diff added to the last line it
// printed, which had none.
func fixNoNewline(c *change) {
	if c == nil {
		return
	}
	switch {
	case len(c.new) > 0:
		c.new[len(c.new)-1] = strings.TrimSuffix(c.new[len(c.new)-1], "\n")
	case len(c.old) > 0:
		c.old[len(c.old)-1] = strings.TrimSuffix(c.old[len(c.old)-1], "\n")
	}
}

// A WriteError is a file Write did not write, and why.
type WriteError struct {
	File string
	Err  error
}

func (e *WriteError) Error() string { return fmt.Sprintf("%s: %v", e.File, e.Err) }

// Write writes the changed files. Each one is checked again against the
// content Apply read, written to a temporary file in its directory with
// its mode, and renamed over it once every file has been prepared; a
// failure leaves the original intact. A file whose preparation fails is
// not written, nor is any file that a fix editing it also edits (so that
// no fix is half applied). Write returns the files it did not write.
func (p *Plan) Write() []*WriteError {
	type prepared struct {
		f    *File
		real string // the file to replace (symbolic links resolved)
		tmp  string
	}
	var (
		ready  []prepared
		failed []*WriteError
		bad    = make(map[int]bool) // fixes editing a failed file
	)
	for i := range p.Files {
		f := &p.Files[i]
		tmp, real, err := prepare(f)
		if err != nil {
			failed = append(failed, &WriteError{File: f.Name, Err: err})
			for _, x := range f.Fixes {
				bad[x] = true
			}
			continue
		}
		ready = append(ready, prepared{f, real, tmp})
	}
	for _, r := range ready {
		if slices.ContainsFunc(r.f.Fixes, func(x int) bool { return bad[x] }) {
			os.Remove(r.tmp)
			failed = append(failed, &WriteError{File: r.f.Name, Err: fmt.Errorf("not written: a fix that edits it could not be applied to another file")})
			continue
		}
		if err := os.Rename(r.tmp, r.real); err != nil {
			os.Remove(r.tmp)
			failed = append(failed, &WriteError{File: r.f.Name, Err: err})
		}
	}
	return failed
}

// prepare checks that f has not changed and writes its new content to a
// temporary file beside it, with its mode.
func prepare(f *File) (tmp, real string, err error) {
	real, err = filepath.EvalSymlinks(f.Name)
	if err != nil {
		return "", "", err
	}
	fi, err := os.Stat(real)
	if err != nil {
		return "", "", err
	}
	cur, err := os.ReadFile(real)
	if err != nil {
		return "", "", err
	}
	if !bytes.Equal(cur, f.Old) {
		return "", "", fmt.Errorf("changed since it was analysed; not written (run winlint again)")
	}
	t, err := os.CreateTemp(filepath.Dir(real), "."+filepath.Base(real)+".winlint-*")
	if err != nil {
		return "", "", err
	}
	_, err = t.Write(f.New)
	if err == nil {
		err = t.Sync()
	}
	if err == nil {
		err = t.Chmod(fi.Mode().Perm())
	}
	if cerr := t.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(t.Name())
		return "", "", err
	}
	return t.Name(), real, nil
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
