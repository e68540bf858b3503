package crashtest

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/winlint/winlint/internal/fixes"
)

// FuzzFixes applies the suggested fixes of every analyzer, through the
// fix code of the winlint command (internal/fixes, with the checks the
// driver makes), to the fixture files that have fixes (those with a
// .golden file, and the rest of their packages) and to mutated variants
// of them: imports renamed, parameters renamed to shadow an imported
// package, composite literals and calls spread over lines with a trailing
// comma, comments inside expressions, //line directives, CRLF line
// endings, and the literal swaps of FuzzAnalyzers. For each fixed file it
// checks that
//
//   - it parses and, if the file was gofmt-formatted, the lines the fixes
//     changed are gofmt-formatted (and CRLF files keep CRLF);
//   - no line outside the fixes' edits changed (import declarations aside:
//     a fix may add an import, or drop one it left unused);
//   - the package still type-checks as GOOS=windows;
//   - the findings whose fixes were applied are gone;
//   - a second round of fixes changes nothing (unless some fix was
//     skipped for overlapping another, which a second round may apply).
//
// Run it for longer by hand:
//
//	go test ./internal/crashtest -run '^$' -fuzz FuzzFixes -fuzztime 30m -fuzzminimizetime 0
func FuzzFixes(f *testing.F) {
	setupOnce.Do(setup)
	if setupErr != nil {
		f.Fatal(setupErr)
	}
	fs := fixSeeds()
	if len(fs) == 0 {
		f.Fatal("no fixture with suggested fixes")
	}
	for i, s := range fs {
		src, err := os.ReadFile(s.unit.files[s.file])
		if err != nil {
			f.Fatal(err)
		}
		for _, kinds := range []byte{0, mRename, mShadow, mTrailingComma, mComment, mLine, mCRLF, mRename | mShadow | mTrailingComma | mComment | mCRLF} {
			f.Add(uint16(i), src, kinds, []byte{1, 2, 3})
		}
	}
	f.Fuzz(func(t *testing.T, n uint16, src []byte, kinds byte, sel []byte) {
		s := fs[int(n)%len(fs)]
		checkFixes(t, s, src, kinds, sel)
	})
}

// TestFixSeeds runs the fix checks on every fixture file with fixes and
// each single mutation, as go test does without -fuzz, and guards the
// fuzz target: some fixes must really be applied.
func TestFixSeeds(t *testing.T) {
	setupOnce.Do(setup)
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	applied := 0
	for _, s := range fixSeeds() {
		src, err := os.ReadFile(s.unit.files[s.file])
		if err != nil {
			t.Fatal(err)
		}
		for _, kinds := range []byte{0, mRename, mShadow, mTrailingComma, mComment, mLine, mCRLF} {
			for _, sel := range [][]byte{{0}, {1, 2, 3}, {7, 7, 7, 7}} {
				t.Run(fmt.Sprintf("%s/%#x/%v", filepath.Base(s.unit.files[s.file]), kinds, sel), func(t *testing.T) {
					applied += checkFixes(t, s, src, kinds, sel)
				})
			}
		}
	}
	if applied == 0 {
		t.Error("no fix applied to any fixture")
	}
	t.Logf("%d fixes applied and checked", applied)
}

// Mutations, as bits of FuzzFixes' kinds argument; sel picks where.
const (
	mRename        = 1 << iota // give an import a new name, and its uses
	mShadow                    // rename a parameter to an imported package's name
	mTrailingComma             // spread a literal or call over lines, with a trailing comma
	mComment                   // a /* comment */ before an expression
	mLine                      // a //line directive before a statement
	mCRLF                      // CRLF line endings
	mLiterals                  // FuzzAnalyzers' literal swaps
)

var (
	fixSeedsOnce sync.Once
	fixSeedList  []seed
	extraOnce    sync.Once
	extraPkgs    map[string]*types.Package // standard packages a fix may import
)

// fixSeeds returns the files of the fixture packages that have golden
// files (the suggested fix fixtures).
func fixSeeds() []seed {
	fixSeedsOnce.Do(func() {
		dirs := make(map[string]bool)
		for _, s := range seeds {
			name := s.unit.files[s.file]
			if _, err := os.Stat(name + ".golden"); err == nil {
				dirs[filepath.Dir(name)] = true
			}
		}
		for _, s := range seeds {
			if dirs[filepath.Dir(s.unit.files[s.file])] {
				fixSeedList = append(fixSeedList, s)
			}
		}
	})
	return fixSeedList
}

// extra loads, once, the standard packages fixes may add imports of.
func extra() map[string]*types.Package {
	extraOnce.Do(func() {
		extraPkgs = make(map[string]*types.Package)
		cfg := &packages.Config{
			Mode: packages.NeedName | packages.NeedTypes | packages.NeedImports | packages.NeedDeps,
			Env:  append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=", "GOWORK=off"),
		}
		pkgs, err := packages.Load(cfg, "net", "strconv", "os", "syscall", "errors", "fmt", "strings", "path/filepath", "unicode/utf16")
		if err != nil {
			return
		}
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			if p.Types != nil {
				extraPkgs[p.PkgPath] = p.Types
			}
		})
	})
	return extraPkgs
}

// analysed is one analysis of a unit with some files replaced.
type analysed struct {
	fset  *token.FileSet
	files map[string][]byte // every file of the unit, by name
	diags []diag
}

type diag struct {
	key  string // analyzer, category and message
	fix  *fixes.Fix
	posn token.Position
}

// analyse writes the files of the unit (names, in order, with the given
// contents: the analyzers read them back through Pass.ReadFile),
// type-checks them and runs every analyzer; err is not nil if they do not
// type-check.
func analyse(t *testing.T, u *unit, names []string, contents map[string][]byte) (a *analysed, typeErr error) {
	fset := token.NewFileSet()
	a = &analysed{fset: fset, files: make(map[string][]byte)}
	var files []*ast.File
	for _, name := range names {
		src := contents[name]
		if err := os.WriteFile(name, src, 0o644); err != nil {
			t.Fatal(err)
		}
		a.files[name] = src
		f, err := parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	pkg, info, typeErr := typeCheck(u, fset, files, extra())
	if typeErr != nil {
		return nil, typeErr
	}
	p := &packages.Package{
		ID: u.pkg.ID, Name: pkg.Name(), PkgPath: u.pkg.PkgPath,
		GoFiles: names, CompiledGoFiles: names,
		Fset: fset, Syntax: files, Types: pkg, TypesInfo: info, TypesSizes: sizes,
		Imports: map[string]*packages.Package{},
	}
	g, err := checker.Analyze(analyzers, []*packages.Package{p}, &checker.Options{Sequential: true})
	if err != nil {
		t.Fatalf("checker: %v", err)
	}
	for act := range g.All() {
		if act.Err != nil {
			t.Errorf("%s on %s: %v", act.Analyzer.Name, u.pkg.ID, act.Err)
		}
		for _, d := range act.Diagnostics {
			dg := diag{key: act.Analyzer.Name + "|" + d.Category + "|" + d.Message, posn: fset.PositionFor(d.Pos, false)}
			// As the vet tool reports them (see cmd/winlint/vettool.go)
			// and go vet's JSON names them: by the file Position gives,
			// with unadjusted offsets.
			if fx := fixes.Unrenamed(fset, d.SuggestedFixes); len(fx) > 0 {
				var x fixes.Fix
				for _, e := range fx[0].TextEdits {
					end := e.End
					if !end.IsValid() {
						end = e.Pos
					}
					x.Edits = append(x.Edits, fixes.Edit{
						File: fset.Position(e.Pos).Filename, Start: fset.Position(e.Pos).Offset,
						End: fset.Position(end).Offset, New: string(e.NewText),
					})
				}
				dg.fix = &x
			}
			a.diags = append(a.diags, dg)
		}
	}
	sort.SliceStable(a.diags, func(i, j int) bool {
		p, q := a.diags[i].posn, a.diags[j].posn
		if p.Filename != q.Filename {
			return p.Filename < q.Filename
		}
		return p.Offset < q.Offset
	})
	return a, nil
}

// plan applies the first fix of each diagnostic, as cmd/winlint's fix
// does (files served from memory, their hashes as analysed).
func (a *analysed) plan() (*fixes.Plan, []diag) {
	var (
		list  []fixes.Fix
		owner []diag
	)
	for _, d := range a.diags {
		if d.fix != nil {
			list = append(list, *d.fix)
			owner = append(owner, d)
		}
	}
	read := func(name string) ([]byte, error) {
		if src, ok := a.files[name]; ok {
			return src, nil
		}
		return nil, os.ErrNotExist
	}
	hash := func(name string) (string, bool) {
		src, ok := a.files[name]
		if !ok {
			return "", false
		}
		return fixes.Hash(src), true
	}
	return fixes.Apply(list, fixes.Options{Read: read, Analysed: hash}), owner
}

// checkFixes mutates the seed file, applies the fixes and checks the
// result. It returns the number of fixes applied.
func checkFixes(t *testing.T, s seed, src []byte, kinds byte, sel []byte) int {
	t.Helper()
	u := s.unit
	defer func() {
		if t.Failed() {
			t.Logf("seed %s, mutations %#x at %v", u.files[s.file], kinds, sel)
		}
	}()
	src = mutateSource(u, s.file, src, kinds, sel)
	dir := t.TempDir()
	var names []string
	contents := make(map[string][]byte)
	for i, orig := range u.files {
		name := filepath.Join(dir, filepath.Base(orig))
		names = append(names, name)
		if i == s.file {
			contents[name] = src
			continue
		}
		data, err := os.ReadFile(orig)
		if err != nil {
			t.Fatal(err)
		}
		contents[name] = data
	}
	a, err := analyse(t, u, names, contents)
	if err != nil {
		return 0 // the mutation does not type-check: nothing to fix
	}
	plan, owner := a.plan()
	if len(plan.Applied) == 0 {
		return 0
	}
	conflicts := slices.ContainsFunc(plan.Skipped, func(s fixes.Skip) bool { return s.Conflict >= 0 })
	over := maps.Clone(contents)
	for _, f := range plan.Files {
		if _, ok := a.files[f.Name]; !ok {
			t.Fatalf("fix edits %s, which is not a file of the package", f.Name)
		}
		over[f.Name] = f.New
		var edits []fixes.Edit
		for _, i := range f.Fixes {
			for _, e := range owner[i].fix.Edits {
				if e.File == f.Name {
					edits = append(edits, e)
				}
			}
		}
		checkFile(t, f.Name, f.Old, f.New, edits)
	}
	if t.Failed() {
		return 0
	}
	b, err := analyse(t, u, names, over)
	if err != nil {
		t.Fatalf("after fixes the package does not type-check as GOOS=windows: %v\n%s", err, dump(plan))
	}
	// Findings are identified by analyzer, check, message, file and line,
	// the lines of a fixed file mapped back to the lines they replace: a
	// fix may move code, and several findings may share a message.
	oldLine := make(map[string][]int) // per fixed file: new line -> old line
	for _, f := range plan.Files {
		oldLine[f.Name] = newToOld(f.Old, f.New)
	}
	id := func(d diag, mapped bool) string {
		line := d.posn.Line
		if m, ok := oldLine[d.posn.Filename]; ok && mapped && line-1 < len(m) && line >= 1 {
			line = m[line-1] + 1
		}
		return fmt.Sprintf("%s@%s:%d", d.key, filepath.Base(d.posn.Filename), line)
	}
	count := func(diags []diag, mapped bool) map[string]int {
		m := make(map[string]int)
		for _, d := range diags {
			m[id(d, mapped)]++
		}
		return m
	}
	before, after := count(a.diags, false), count(b.diags, true)
	fixed := make(map[string]int)
	for _, i := range plan.Applied {
		fixed[id(owner[i], false)]++
	}
	// The findings of the applied fixes are gone.
	for k, n := range fixed {
		if after[k] > before[k]-n {
			t.Errorf("finding still reported after its fix: %s (%d before, %d fixed, %d after)\n%s", k, before[k], n, after[k], dump(plan))
		}
	}
	// A second round changes nothing, but for findings the first round's
	// fixes caused (a fix can complete code another check then judges:
	// "TCP" becomes "tcp", and the call now listens on localhost) and
	// fixes the first round skipped for overlapping another.
	if !conflicts {
		again, owner2 := b.plan()
		repeat := slices.ContainsFunc(again.Applied, func(i int) bool { return before[id(owner2[i], true)] > 0 })
		if repeat {
			var why []string
			for _, sk := range plan.Skipped {
				why = append(why, fmt.Sprintf("first round skipped %s: %s", owner[sk.Fix].key, sk.Reason))
			}
			for _, i := range again.Applied {
				why = append(why, fmt.Sprintf("second round applies %s at %s", owner2[i].key, owner2[i].posn))
			}
			t.Errorf("a second round of fixes changes %s again:\n%s\n%s", again.Files[0].Name, strings.Join(why, "\n"), dump(again))
		}
	}
	return len(plan.Applied)
}

// newToOld maps each line of new (0-based) to the line of old it is or
// replaces.
func newToOld(old, new []byte) []int {
	lf := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")) }
	n := bytes.Count(lf(new), []byte("\n")) + 1
	m := make([]int, n)
	o, j := 0, 0 // next old line, next new line
	for _, c := range lineChanges(lf(old), lf(new)) {
		for ; j < c.newAt && j < n; j++ { // unchanged lines run in step
			m[j] = o
			o++
		}
		for k := range c.new {
			if c.newAt+k < n {
				m[c.newAt+k] = c.at + min(k, max(len(c.old)-1, 0))
			}
		}
		j = c.newAt + len(c.new)
		o = c.at + len(c.old)
	}
	for ; j < n; j++ {
		m[j] = o
		o++
	}
	return m
}

// checkFile checks one fixed file against its old content and the edits
// applied to it.
func checkFile(t *testing.T, name string, old, new []byte, edits []fixes.Edit) {
	if _, err := parser.ParseFile(token.NewFileSet(), name, new, parser.SkipObjectResolution); err != nil {
		t.Fatalf("%s does not parse after fixes: %v\n%s", name, err, new)
	}
	crlf := isCRLF(old)
	if crlf && !isCRLF(new) {
		t.Errorf("%s had CRLF line endings; the fixed file does not:\n%q", name, new)
	}
	lf := func(b []byte) []byte { return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n")) }
	oldLF, newLF := lf(old), lf(new)
	if crlf {
		lfOffset := func(off int) int {
			n := bytes.Count(old[:off], []byte("\r\n"))
			if off > 0 && off < len(old) && old[off-1] == '\r' && old[off] == '\n' {
				n++
			}
			return off - n
		}
		for i := range edits {
			edits[i].Start, edits[i].End = lfOffset(edits[i].Start), lfOffset(edits[i].End)
		}
	}

	// Lines of old the edits touch, and import declarations.
	allowed := make(map[int]bool)
	for _, e := range edits {
		for l := lineOf(oldLF, e.Start); l <= lineOf(oldLF, e.End); l++ {
			allowed[l] = true
		}
	}
	fset := token.NewFileSet()
	if f, err := parser.ParseFile(fset, name, oldLF, parser.ImportsOnly); err == nil {
		tf := fset.File(f.Pos())
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
				for l := tf.Line(gd.Pos()) - 1; l <= tf.Line(gd.End()); l++ {
					allowed[l] = true
				}
			}
		}
		allowed[tf.Line(f.Name.Pos())-1] = true // an import added after the package clause
	}
	changedNew := make(map[int]bool) // lines of new that differ from old
	for _, c := range lineChanges(oldLF, newLF) {
		ok := false
		if len(c.old) == 0 {
			ok = allowed[c.at-1] || allowed[c.at]
		}
		for l := c.at; l < c.at+len(c.old); l++ {
			ok = ok || allowed[l]
		}
		if !ok {
			t.Errorf("%s: line %d changed, but no edit touches it:\n-%s+%s", name, c.at+1, strings.Join(c.old, "-"), strings.Join(c.new, "+"))
		}
		for i := range c.new {
			changedNew[c.newAt+i] = true
		}
	}

	// The changed lines are gofmt-formatted, if the file was.
	if formatted, err := format.Source(oldLF); err == nil && bytes.Equal(formatted, oldLF) {
		formattedNew, err := format.Source(newLF)
		if err != nil {
			t.Fatalf("%s: gofmt fails after fixes: %v", name, err)
		}
		for _, c := range lineChanges(newLF, formattedNew) {
			for l := c.at; l < c.at+max(len(c.old), 1); l++ {
				if changedNew[l] {
					t.Errorf("%s: line %d the fixes changed is not gofmt-formatted:\n-%s+%s", name, l+1, strings.Join(c.old, "-"), strings.Join(c.new, "+"))
					break
				}
			}
		}
	}
}

func isCRLF(src []byte) bool {
	n := bytes.Count(src, []byte("\n"))
	return n > 0 && bytes.Count(src, []byte("\r\n")) == n
}

func lineOf(src []byte, off int) int {
	return bytes.Count(src[:min(off, len(src))], []byte("\n"))
}

// A lineChange replaces the lines old at 0-based line at of the old text
// by the lines new at line newAt of the new text.
type lineChange struct {
	at, newAt int
	old, new  []string
}

// lineChanges is a plain LCS line diff (the fixture files are small).
func lineChanges(a, b []byte) []lineChange {
	x, y := strings.SplitAfter(string(a), "\n"), strings.SplitAfter(string(b), "\n")
	n, m := len(x), len(y)
	// Common prefix and suffix first.
	p := 0
	for p < n && p < m && x[p] == y[p] {
		p++
	}
	s := 0
	for s < n-p && s < m-p && x[n-1-s] == y[m-1-s] {
		s++
	}
	xs, ys := x[p:n-s], y[p:m-s]
	lcs := make([][]int, len(xs)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(ys)+1)
	}
	for i := len(xs) - 1; i >= 0; i-- {
		for j := len(ys) - 1; j >= 0; j-- {
			if xs[i] == ys[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var (
		out []lineChange
		cur *lineChange
	)
	i, j := 0, 0
	for i < len(xs) || j < len(ys) {
		switch {
		case i < len(xs) && j < len(ys) && xs[i] == ys[j]:
			if cur != nil {
				out = append(out, *cur)
				cur = nil
			}
			i++
			j++
		case j < len(ys) && (i == len(xs) || lcs[i][j+1] >= lcs[i+1][j]):
			if cur == nil {
				cur = &lineChange{at: p + i, newAt: p + j}
			}
			cur.new = append(cur.new, ys[j])
			j++
		default:
			if cur == nil {
				cur = &lineChange{at: p + i, newAt: p + j}
			}
			cur.old = append(cur.old, xs[i])
			i++
		}
	}
	if cur != nil {
		out = append(out, *cur)
	}
	return out
}

func dump(p *fixes.Plan) string {
	var b strings.Builder
	for _, f := range p.Files {
		fmt.Fprintf(&b, "=== %s\n%s\n", f.Name, f.New)
	}
	return b.String()
}

// mutateSource applies the mutations of kinds to src, the content of
// file i of u, at places sel picks. If src does not type-check, the
// mutations that need types are skipped (the fuzzer's own byte mutations
// remain).
func mutateSource(u *unit, i int, src []byte, kinds byte, sel []byte) []byte {
	pick := func(k, n int) int {
		if n == 0 {
			return -1
		}
		if len(sel) == 0 {
			return 0
		}
		return int(sel[k%len(sel)]) % n
	}
	name := u.files[i]
	if kinds&(mRename|mShadow|mTrailingComma|mComment|mLine|mLiterals) != 0 {
		info, f, fset := typed(u, i, src)
		if info == nil {
			return src
		}
		var edits []textEdit
		off := func(p token.Pos) int { return fset.Position(p).Offset }
		if kinds&mRename != 0 {
			// Name an import (p2) and rename its uses.
			var specs []*ast.ImportSpec
			for _, is := range f.Imports {
				if is.Name == nil && info.PkgNameOf(is) != nil {
					specs = append(specs, is)
				}
			}
			if k := pick(0, len(specs)); k >= 0 {
				is := specs[k]
				pn := info.PkgNameOf(is)
				nn := pn.Name() + "2"
				edits = append(edits, textEdit{off(is.Pos()), off(is.Pos()), nn + " "})
				for id, obj := range info.Uses {
					if obj == pn {
						edits = append(edits, textEdit{off(id.Pos()), off(id.End()), nn})
					}
				}
			}
		}
		if kinds&mShadow != 0 {
			// Rename a parameter to the name of an imported package.
			var params []*types.Var
			for id, obj := range info.Defs {
				if v, ok := obj.(*types.Var); ok && !v.IsField() && id.Name != "_" && isParam(f, id) {
					params = append(params, v)
				}
			}
			sort.Slice(params, func(i, j int) bool { return params[i].Pos() < params[j].Pos() })
			names := []string{"net", "os", "strconv", "fmt", "syscall"}
			if k := pick(1, len(params)); k >= 0 {
				v := params[k]
				nn := names[pick(2, len(names))]
				for id, obj := range info.Defs {
					if obj == v {
						edits = append(edits, textEdit{off(id.Pos()), off(id.End()), nn})
					}
				}
				for id, obj := range info.Uses {
					if obj == v {
						edits = append(edits, textEdit{off(id.Pos()), off(id.End()), nn})
					}
				}
			}
		}
		if kinds&mTrailingComma != 0 {
			// Spread a composite literal or call with elements over lines.
			type group struct{ open, close token.Pos }
			var gs []group
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CompositeLit:
					if len(n.Elts) > 0 && fset.Position(n.Lbrace).Line == fset.Position(n.Rbrace).Line {
						gs = append(gs, group{n.Lbrace, n.Rbrace})
					}
				case *ast.CallExpr:
					if len(n.Args) > 0 && !n.Ellipsis.IsValid() && fset.Position(n.Lparen).Line == fset.Position(n.Rparen).Line {
						gs = append(gs, group{n.Lparen, n.Rparen})
					}
				}
				return true
			})
			if k := pick(3, len(gs)); k >= 0 {
				g := gs[k]
				edits = append(edits, textEdit{off(g.open) + 1, off(g.open) + 1, "\n"}, textEdit{off(g.close), off(g.close), ",\n"})
			}
		}
		if kinds&mComment != 0 {
			// A comment before an expression inside a function body.
			var es []ast.Expr
			ast.Inspect(f, func(n ast.Node) bool {
				if fd, ok := n.(*ast.FuncDecl); ok && fd.Body == nil {
					return false
				}
				if e, ok := n.(ast.Expr); ok && inBody(f, e.Pos()) {
					es = append(es, e)
				}
				return true
			})
			if k := pick(4, len(es)); k >= 0 {
				edits = append(edits, textEdit{off(es[k].Pos()), off(es[k].Pos()), "/* c */ "})
			}
		}
		if kinds&mLine != 0 {
			// A //line directive before a statement, at column 1.
			var ss []ast.Stmt
			ast.Inspect(f, func(n ast.Node) bool {
				if b, ok := n.(*ast.BlockStmt); ok {
					ss = append(ss, b.List...)
				}
				return true
			})
			if k := pick(5, len(ss)); k >= 0 {
				tf := fset.File(ss[k].Pos())
				ls := tf.LineStart(tf.Line(ss[k].Pos()))
				edits = append(edits, textEdit{off(ls), off(ls), "//line grammar.y:10\n"})
			}
		}
		src = applyText(src, edits)
		if kinds&mLiterals != 0 {
			f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.ParseComments|parser.SkipObjectResolution)
			if err == nil {
				mutate(f, sel)
				var buf bytes.Buffer
				if format.Node(&buf, token.NewFileSet(), f) == nil {
					src = buf.Bytes()
				}
			}
		}
	}
	if kinds&mCRLF != 0 && !bytes.Contains(src, []byte("\r")) {
		src = bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))
	}
	return src
}

type textEdit struct {
	start, end int
	text       string
}

// applyText applies edits to src; overlapping ones after the first are
// dropped.
func applyText(src []byte, edits []textEdit) []byte {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.start < last || e.end > len(src) {
			continue
		}
		out.Write(src[last:e.start])
		out.WriteString(e.text)
		last = e.end
	}
	out.Write(src[last:])
	return out.Bytes()
}

// typed type-checks the unit with file i replaced by src.
func typed(u *unit, i int, src []byte) (*types.Info, *ast.File, *token.FileSet) {
	fset := token.NewFileSet()
	var files []*ast.File
	var mine *ast.File
	for j, name := range u.files {
		var f *ast.File
		var err error
		if j == i {
			f, err = parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
			mine = f
		} else {
			f, err = parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		}
		if err != nil {
			return nil, nil, nil
		}
		files = append(files, f)
	}
	_, info, err := typeCheck(u, fset, files, nil)
	if err != nil {
		return nil, nil, nil
	}
	return info, mine, fset
}

// isParam reports whether id declares a parameter of a function in f.
func isParam(f *ast.File, id *ast.Ident) bool {
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		var ft *ast.FuncType
		switch n := n.(type) {
		case *ast.FuncDecl:
			ft = n.Type
		case *ast.FuncLit:
			ft = n.Type
		}
		if ft != nil && ft.Params != nil {
			for _, fl := range ft.Params.List {
				for _, nm := range fl.Names {
					if nm == id {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}

// inBody reports whether pos lies in the body of a function of f.
func inBody(f *ast.File, pos token.Pos) bool {
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil && fd.Body.Lbrace < pos && pos < fd.Body.Rbrace {
			return true
		}
	}
	return false
}
