package crashtest

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/winlint/winlint"
	"github.com/winlint/winlint/internal/catalog"
)

// A unit is one fixture package (or test variant): its files and the types
// of everything it imports.
type unit struct {
	pkg     *packages.Package
	files   []string // absolute paths, in load order
	imports map[string]*types.Package
}

// A seed is one file of one unit.
type seed struct {
	unit *unit
	file int
}

var (
	setupOnce sync.Once
	setupErr  error
	seeds     []seed
	analyzers []*analysis.Analyzer
)

func setup() {
	// target.IsWindows falls back to the process's build context when the
	// runtime package is not visible in the import graph (export data).
	build.Default.GOOS = "windows"
	build.Default.GOARCH = "amd64"
	build.Default.CgoEnabled = false

	enabled, err := catalog.Select(winlint.Families, "all")
	if err != nil {
		setupErr = err
		return
	}
	analyzers = catalog.Configure(winlint.Families, enabled)

	testdata, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		setupErr = err
		return
	}
	src := filepath.Join(testdata, "src")
	var patterns []string
	filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(src, filepath.Dir(path))
		patterns = append(patterns, filepath.ToSlash(rel))
		return nil
	})
	patterns = dedupe(patterns)
	if len(patterns) == 0 {
		setupErr = fmt.Errorf("no fixtures under %s", src)
		return
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles |
			packages.NeedImports | packages.NeedDeps | packages.NeedTypes | packages.NeedTypesSizes,
		Dir:   src,
		Tests: true,
		Env: append(os.Environ(), "GOPATH="+testdata, "GO111MODULE=off", "GOPROXY=off",
			"GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS="),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		setupErr = err
		return
	}
	seen := make(map[string]bool)
	for _, p := range pkgs {
		if strings.HasSuffix(p.PkgPath, ".test") || len(p.CompiledGoFiles) == 0 {
			continue // the generated test main
		}
		key := strings.Join(p.CompiledGoFiles, "\x00")
		if seen[key] {
			continue
		}
		seen[key] = true
		u := &unit{pkg: p, files: p.CompiledGoFiles, imports: make(map[string]*types.Package)}
		for path, imp := range p.Imports {
			if imp.Types != nil {
				u.imports[path] = imp.Types
			}
		}
		for i := range u.files {
			seeds = append(seeds, seed{u, i})
		}
	}
	sort.SliceStable(seeds, func(i, j int) bool { return seeds[i].unit.files[seeds[i].file] < seeds[j].unit.files[seeds[j].file] })
	if len(seeds) == 0 {
		setupErr = fmt.Errorf("no fixture package loaded from %s", src)
	}
}

func dedupe(s []string) []string {
	sort.Strings(s)
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

// literals are values the checks look at: network names, addresses, ports,
// paths with NUL bytes, service states.
var literals = []string{
	`"tcp"`, `"tcp4"`, `"tcp6"`, `"udp"`, `"udp4"`, `"udp6"`, `"ip"`, `"ip4:icmp"`, `"unix"`, `"unixgram"`, `"TCP"`, `""`,
	`":8080"`, `"[::]:80"`, `"0.0.0.0:53"`, `"localhost:80"`, `"[::1]:0"`, `"127.0.0.1:1"`, `"::1"`, `"[fe80::1%eth0]:1"`,
	`"a\x00b"`, `"C:\\x\x00"`, `"\\\\?\\C:\\"`, `"NUL"`, `"%s:%d"`, `"%v"`,
	`0`, `1`, `4`, `16`, `-1`, `65536`,
}

// mutate replaces literals of file f, driven by ops: each pair of bytes
// picks a literal (by index) and a replacement.
func mutate(f *ast.File, ops []byte) {
	var lits []*ast.BasicLit
	ast.Inspect(f, func(n ast.Node) bool {
		if _, ok := n.(*ast.ImportSpec); ok {
			return false
		}
		if l, ok := n.(*ast.BasicLit); ok && (l.Kind == token.STRING || l.Kind == token.INT) {
			lits = append(lits, l)
		}
		return true
	})
	if len(lits) == 0 {
		return
	}
	for i := 0; i+1 < len(ops); i += 2 {
		l := lits[int(ops[i])%len(lits)]
		v := literals[int(ops[i+1])%len(literals)]
		l.Value = v
		if _, err := strconv.Unquote(v); err == nil {
			l.Kind = token.STRING
		} else {
			l.Kind = token.INT
		}
	}
}

// check type-checks seed s with its file replaced by src (mutated by ops)
// and runs every analyzer on it. It returns the number of diagnostics, or
// -1 if the program does not parse or type-check.
func check(t *testing.T, s seed, src []byte, ops []byte) int {
	u := s.unit
	fset := token.NewFileSet()
	var files []*ast.File
	for i, name := range u.files {
		var f *ast.File
		var err error
		if i == s.file {
			f, err = parser.ParseFile(fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
			if err == nil && len(ops) > 0 {
				mutate(f, ops)
			}
		} else {
			f, err = parser.ParseFile(fset, name, nil, parser.ParseComments|parser.SkipObjectResolution)
		}
		if err != nil {
			return -1
		}
		files = append(files, f)
	}
	pkg, info, err := typeCheck(u, fset, files, nil)
	if err != nil {
		return -1
	}
	p := &packages.Package{
		ID:              u.pkg.ID,
		Name:            pkg.Name(),
		PkgPath:         u.pkg.PkgPath,
		GoFiles:         u.files,
		CompiledGoFiles: u.files,
		Fset:            fset,
		Syntax:          files,
		Types:           pkg,
		TypesInfo:       info,
		TypesSizes:      sizes,
		Imports:         map[string]*packages.Package{}, // facts of dependencies are not computed
	}
	g, err := checker.Analyze(analyzers, []*packages.Package{p}, &checker.Options{Sequential: true})
	if err != nil {
		t.Fatalf("checker: %v", err)
	}
	diags := 0
	for act := range g.All() {
		if act.Err != nil {
			t.Errorf("%s on %s (file %s replaced): %v", act.Analyzer.Name, u.pkg.ID, u.files[s.file], act.Err)
		}
		diags += len(act.Diagnostics)
	}
	return diags
}

// sizes are the type sizes fixtures are checked with (windows/amd64).
var sizes = types.SizesFor("gc", "amd64")

// typeCheck type-checks files as fixture unit u's package, importing the
// unit's own imports and, failing those, extra (which may be nil). It
// returns the package with a complete types.Info, or the first type error.
func typeCheck(u *unit, fset *token.FileSet, files []*ast.File, extra map[string]*types.Package) (*types.Package, *types.Info, error) {
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Instances:    make(map[*ast.Ident]types.Instance),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		FileVersions: make(map[*ast.File]string),
	}
	var typeErr error
	conf := types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if p, ok := u.imports[path]; ok {
				return p, nil
			}
			if p, ok := extra[path]; ok {
				return p, nil
			}
			return nil, fmt.Errorf("%s is not imported by the fixture", path)
		}),
		Sizes: sizes,
		Error: func(err error) {
			if typeErr == nil {
				typeErr = err
			}
		},
	}
	pkg, _ := conf.Check(u.pkg.PkgPath, fset, files, info)
	return pkg, info, typeErr
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func FuzzAnalyzers(f *testing.F) {
	setupOnce.Do(setup)
	if setupErr != nil {
		f.Fatal(setupErr)
	}
	for i, s := range seeds {
		src, err := os.ReadFile(s.unit.files[s.file])
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint16(i), src, []byte(nil))
		f.Add(uint16(i), src, []byte{0, 2, 1, 12, 2, 20, 3, 26})
	}
	f.Fuzz(func(t *testing.T, n uint16, src []byte, ops []byte) {
		s := seeds[int(n)%len(seeds)]
		check(t, s, src, ops)
	})
}

// TestSeedsTypeCheck guards the fuzz target itself: every unmutated fixture
// file must type-check through the offline importer, or the fuzzer would
// only ever exercise the parser.
func TestSeedsTypeCheck(t *testing.T) {
	setupOnce.Do(setup)
	if setupErr != nil {
		t.Fatal(setupErr)
	}
	bad, diags := 0, 0
	for _, s := range seeds {
		src, err := os.ReadFile(s.unit.files[s.file])
		if err != nil {
			t.Fatal(err)
		}
		n := check(t, s, src, nil)
		if n < 0 {
			t.Errorf("fixture %s (%s) does not type-check offline", s.unit.files[s.file], s.unit.pkg.ID)
			bad++
			continue
		}
		diags += n
	}
	// The analyzers must really run as for Windows: the fixtures have
	// findings.
	if diags == 0 {
		t.Errorf("no diagnostics on any fixture: are the analyzers running as GOOS=windows?")
	}
	t.Logf("%d fixture files in %d packages type-checked and analyzed: %d diagnostics", len(seeds)-bad, countUnits(), diags)
}

func countUnits() int {
	m := make(map[*unit]bool)
	for _, s := range seeds {
		m[s.unit] = true
	}
	return len(m)
}
