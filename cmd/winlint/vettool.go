package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/winlint/winlint"
	"github.com/winlint/winlint/internal/analysedfiles"
	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/directivefiles"
	"github.com/winlint/winlint/internal/fixes"
	"github.com/winlint/winlint/internal/unitdone"
)

// isVetToolInvocation reports whether the go command is running winlint as
// a vet or fix tool: to learn its version (-V=full) or flags (-flags), or to
// analyse one package unit (a final *.cfg argument).
func isVetToolInvocation(args []string) bool {
	for _, a := range args {
		switch {
		case a == "-flags", a == "--flags",
			strings.HasPrefix(a, "-V="), strings.HasPrefix(a, "--V="):
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

// vetTool runs winlint as a unitchecker-based vet tool. It registers the
// -checks flag (so that "-flags" lists it and go vet forwards it), resolves
// it and hands the configured analyzers to unitchecker.Main.
func vetTool(args []string) {
	start := time.Now()
	flag.String("checks", catalog.DefaultSelection, "comma-separated checks to run (see winlint -list)")
	flag.Bool("driver", false, "the winlint command is the caller: also report the files that hold //winlint: directives")
	spec, set := scanFlag(args, "checks")
	if !set {
		spec = catalog.DefaultSelection
	}
	enabled, err := catalog.Select(winlint.Families, spec)
	if err != nil {
		fmt.Fprintf(os.Stderr, "winlint: %v\n", err)
		os.Exit(exitUsage)
	}
	analyzers := catalog.Configure(winlint.Families, enabled)
	driver := false
	if v, set := scanFlag(args, "driver"); set && (v == "" || v == "true" || v == "1") {
		driver = true
		analyzers = append(analyzers, directivefiles.Analyzer, analysedfiles.Analyzer)
	}
	analyzers = recoverPanics(analyzers)
	if driver && len(args) > 0 {
		// Tell the driver when this package is done (its progress) and
		// which of its files cgo being disabled left out. Not for a
		// dependency analysed for its facts only: nothing is printed,
		// and the analyzer would make every analyzer run.
		if cfg, err := unitdone.ReadConfig(args[len(args)-1]); err == nil && !cfg.VetxOnly {
			analyzers = append(analyzers, unitdone.New(start, analyzers, unitdone.SkippedCgo(cfg.IgnoredFiles)))
		}
	}
	unitchecker.Main(analyzers...)
	os.Exit(exitError) // not reached: unitchecker.Main exits
}

// scanFlag returns the value of the last -name flag in args ("" for a
// boolean flag without "=value") and whether there is one. It knows the
// value flags of the vet tool's command line: -checks, which takes a value
// with or without "=". (unitchecker.Main parses the flags itself, too late
// to choose the analyzers.)
func scanFlag(args []string, name string) (value string, set bool) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		if !strings.HasPrefix(a, "-") {
			continue
		}
		n, v, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		if !hasValue && n == "checks" && i+1 < len(args) {
			v = args[i+1]
			i++
		}
		if n == name {
			value, set = v, true
		}
	}
	return value, set
}

// recoverPanics wraps each analyzer so that a panic becomes an error of
// that analyzer on that package (reported in the JSON output and by go vet)
// instead of a crash that loses the other analyzers' results.
func recoverPanics(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(analyzers))
	for i, a := range analyzers {
		w := *a
		run := a.Run
		name := a.Name
		w.Run = func(pass *analysis.Pass) (result any, err error) {
			defer func() {
				if r := recover(); r != nil {
					pkg := "?"
					if pass.Pkg != nil {
						pkg = pass.Pkg.Path()
					}
					err = fmt.Errorf("internal error: analyzer %s panicked on package %s: %v\n%s", name, pkg, r, panicStack())
				}
			}()
			p := *pass
			p.Report = func(d analysis.Diagnostic) {
				d.SuggestedFixes = fixes.Unrenamed(pass.Fset, d.SuggestedFixes)
				pass.Report(d)
			}
			return run(&p)
		}
		out[i] = &w
	}
	return out
}

// panicStack returns the stack of the panicking goroutine from the frame
// that panicked on, without the frames of the recovery itself.
func panicStack() string {
	s := string(debug.Stack())
	header, rest, ok := strings.Cut(s, "\n")
	if !ok {
		return s
	}
	if i := strings.Index(rest, "\npanic("); i >= 0 {
		rest = rest[i+1:]
		for range 2 { // the panic(...) line and its file:line
			if _, after, ok := strings.Cut(rest, "\n"); ok {
				rest = after
			}
		}
		return header + "\n" + rest
	}
	return s
}
