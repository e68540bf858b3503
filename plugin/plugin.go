// Package plugin registers winlint as a golangci-lint v2 module plugin.
//
// It registers two kinds of linters; enable one kind, not both, or every
// finding is reported twice:
//
//   - "winlint": the whole suite as one linter. Its setting checks
//     selects checks exactly like the CLI's -checks flag ("default",
//     "all,-WL2005", "WL2*", family names); non-windows is described
//     below. Findings carry the rule name "winlint" and end with the check
//     ID: "… (WL2001)". Suppress them with //nolint:winlint.
//   - "wl2001", "wl2002", …: one linter per check (lower case, since
//     golangci-lint lower-cases the names in //nolint directives). Each is
//     its own rule in golangci-lint's output (text, SARIF, checkstyle) and is
//     enabled, disabled, excluded and given a severity with golangci-lint's
//     own configuration. They take no settings. However many are enabled,
//     each analyzer family runs once per package.
//
// golangci-lint analyzes the packages of the GOOS it runs with: run it with
// GOOS=windows to analyze the Windows build, as the winlint CLI does by
// default. Run for another GOOS, the plugin warns once on standard error;
// the winlint linter's non-windows setting makes that an error ("error")
// or silences it ("ignore"). The plugin does not read winlint.conf. See
// the README's golangci-lint section and the .golangci.yml and
// .custom-gcl.yml examples at the repository root.
package plugin

import (
	"fmt"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint"
	"github.com/winlint/winlint/internal/catalog"
)

// Name is the name of the linter that runs the whole suite.
const Name = "winlint"

// Settings are the settings of the "winlint" linter in .golangci.yml
// (linters.settings.custom.winlint.settings). Unknown fields are an error.
type Settings struct {
	// Checks selects the checks to run, as the CLI's -checks flag does.
	// Empty means "default".
	Checks string `json:"checks"`
	// NonWindows says what to do when golangci-lint runs for a GOOS other
	// than windows, where Windows-only files are not analysed: "warn"
	// (the default: one warning on standard error), "error" (the linter
	// fails to start) or "ignore".
	NonWindows string `json:"non-windows"`
}

// CheckLinterName is the name under which a check is registered as its own
// linter: its ID in lower case.
func CheckLinterName(c *catalog.Check) string { return strings.ToLower(c.ID) }

func init() {
	register.Plugin(Name, newSuite)
	for _, f := range winlint.Families {
		for _, c := range f.Checks {
			if c.Driver {
				continue // only the winlint command reports it
			}
			register.Plugin(CheckLinterName(c), newCheck(f, c))
		}
	}
}

// suite is the "winlint" linter.
type suite struct{ enabled map[string]bool }

func newSuite(conf any) (register.LinterPlugin, error) {
	s, err := register.DecodeSettings[Settings](conf)
	if err != nil {
		return nil, fmt.Errorf("winlint settings: %w", err)
	}
	spec := s.Checks
	if strings.TrimSpace(spec) == "" {
		spec = catalog.DefaultSelection
	}
	enabled, err := catalog.Select(winlint.Families, spec)
	if err != nil {
		return nil, fmt.Errorf("winlint settings: checks: %w", err)
	}
	if err := checkGOOS(s.NonWindows); err != nil {
		return nil, err
	}
	return &suite{enabled: enabled}, nil
}

// currentGOOS returns the GOOS golangci-lint loads packages for: $GOOS,
// else the go command's (go env -w GOOS=…), else the host's; computed once
// for all of winlint's linters. A variable, for tests.
var currentGOOS = sync.OnceValue(func() string {
	if g := os.Getenv("GOOS"); g != "" {
		return g
	}
	if out, err := exec.Command("go", "env", "GOOS").Output(); err == nil {
		if g := strings.TrimSpace(string(out)); g != "" {
			return g
		}
	}
	return runtime.GOOS
})

// warnOnce prints the non-windows warning once per golangci-lint run,
// however many of winlint's linters are enabled.
var warnOnce sync.Once

// warnings is where the warning goes. A variable, for tests.
var warnings io.Writer = os.Stderr

// checkGOOS applies the non-windows setting: golangci-lint running for
// another GOOS analyses that GOOS's build, without the Windows-only files,
// so a clean run says little about Windows.
func checkGOOS(mode string) error {
	switch mode {
	case "", "warn", "error", "ignore":
	default:
		return fmt.Errorf(`winlint settings: non-windows: %q is not "warn", "error" or "ignore"`, mode)
	}
	goos := currentGOOS()
	if goos == "windows" || mode == "ignore" {
		return nil
	}
	msg := fmt.Sprintf("golangci-lint runs with GOOS=%s: winlint analyses the %s build, without the Windows-only files "+
		"(*_windows.go, //go:build windows); run GOOS=windows golangci-lint run", goos, goos)
	if mode == "error" {
		return fmt.Errorf("winlint: %s (non-windows: error)", msg)
	}
	warnOnce.Do(func() {
		fmt.Fprintf(warnings, "winlint: warning: %s (or set non-windows: ignore in winlint's settings)\n", msg)
	})
	return nil
}

func (s *suite) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	as := catalog.Configure(winlint.Families, s.enabled)
	for i, a := range as {
		as[i] = withoutRelated(a)
	}
	return as, nil
}

// withoutRelated wraps a so that its diagnostics carry no related
// information: golangci-lint makes each related position an issue of its
// own ("winlint(related information): f is still open here"), which a
// //nolint on the finding's line does not suppress and which counts as one
// more issue. foldRelated moves them into the message instead.
func withoutRelated(a *analysis.Analyzer) *analysis.Analyzer {
	w := *a
	run := a.Run
	w.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		p := *pass
		p.Report = func(d analysis.Diagnostic) { report(foldRelated(pass.Fset, d)) }
		return run(&p)
	}
	return &w
}

// foldRelated returns d with its related information written into its
// message, before the check ID, grouped by message:
// "… ; f is still open here at lines 12, 30 (WL1001)". A position in
// another file is named by the file's base name.
func foldRelated(fset *token.FileSet, d analysis.Diagnostic) analysis.Diagnostic {
	if len(d.Related) == 0 {
		return d
	}
	main := fset.Position(d.Pos)
	var order []string
	where := make(map[string][]string)
	for _, r := range d.Related {
		pos := fset.Position(r.Pos)
		at := fmt.Sprint(pos.Line)
		if pos.Filename != main.Filename {
			at = fmt.Sprintf("%s:%d", filepath.Base(pos.Filename), pos.Line)
		}
		if _, ok := where[r.Message]; !ok {
			order = append(order, r.Message)
		}
		where[r.Message] = append(where[r.Message], at)
	}
	msg := catalog.WithoutID(d.Message, d.Category)
	for _, m := range order {
		lines := "line "
		if len(where[m]) > 1 {
			lines = "lines "
		}
		msg += "; " + m + " at " + lines + strings.Join(where[m], ", ")
	}
	d.Message = catalog.WithID(msg, d.Category)
	d.Related = nil
	return d
}

func (*suite) GetLoadMode() string { return register.LoadModeTypesInfo }

// check is the linter of one check.
type check struct {
	family *catalog.Family
	check  *catalog.Check
}

// NoSettings is what a per-check linter accepts as settings: nothing.
type NoSettings struct{}

func newCheck(f *catalog.Family, c *catalog.Check) register.NewPlugin {
	return func(conf any) (register.LinterPlugin, error) {
		if _, err := register.DecodeSettings[NoSettings](conf); err != nil {
			return nil, fmt.Errorf("%s takes no settings (select checks by enabling their linters): %w", CheckLinterName(c), err)
		}
		checkGOOS("warn")
		return &check{family: f, check: c}, nil
	}
}

func (c *check) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	collect := collector(c.family)
	id := c.check.ID
	a := &analysis.Analyzer{
		Name:     CheckLinterName(c.check),
		Doc:      c.check.ID + ": " + c.check.Title,
		URL:      c.check.URL(),
		Requires: []*analysis.Analyzer{collect},
		Run: func(pass *analysis.Pass) (any, error) {
			for _, d := range pass.ResultOf[collect].([]analysis.Diagnostic) {
				if d.Category == id {
					pass.Report(d)
				}
			}
			return nil, nil
		},
	}
	return []*analysis.Analyzer{a}, nil
}

func (*check) GetLoadMode() string { return register.LoadModeTypesInfo }

// collectors holds one collecting analyzer per family, so that the
// per-check linters of a family share one run of its analyzer. (Plugins
// are built once, sequentially, when golangci-lint starts.)
var collectors = map[*catalog.Family]*analysis.Analyzer{}

// collector returns an analyzer that runs f's analyzer with every check of
// f enabled and returns its diagnostics as its result instead of reporting
// them.
func collector(f *catalog.Family) *analysis.Analyzer {
	if a, ok := collectors[f]; ok {
		return a
	}
	all := make(map[string]bool)
	for _, c := range f.Checks {
		all[c.ID] = true
	}
	inner := catalog.Configure([]*catalog.Family{f}, all)[0]
	a := *inner
	a.Name = f.Analyzer.Name + "_all"
	a.Doc = "runs " + f.Analyzer.Name + " and collects its diagnostics for the per-check linters"
	a.ResultType = reflect.TypeFor[[]analysis.Diagnostic]()
	a.Run = func(pass *analysis.Pass) (any, error) {
		diags := []analysis.Diagnostic{}
		p := *pass
		p.Report = func(d analysis.Diagnostic) { diags = append(diags, foldRelated(pass.Fset, d)) }
		if _, err := inner.Run(&p); err != nil {
			return nil, err
		}
		return diags, nil
	}
	collectors[f] = &a
	return &a
}
