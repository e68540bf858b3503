package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"text/tabwriter"

	"github.com/winlint/winlint"
	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/config"
	"github.com/winlint/winlint/internal/diffscope"
	"github.com/winlint/winlint/internal/driver"
	"github.com/winlint/winlint/internal/output"
	"github.com/winlint/winlint/internal/suppress"
)

// filters are the stages between analysis and output, in order (see
// driver.Filter): winlint.conf and -checks (the checks selected for each
// directory, excluded paths: the vet tool reports every check, see
// vetChecks), test files with -tests=false, ignore directives and generated
// files, then -new-from-rev or -new-from-patch, so that a directive that
// suppresses nothing is reported only on changed lines too.
func filters(ctx context.Context, o *options, cfg *driver.Config, conf *config.Config) ([]driver.Filter, error) {
	out := []driver.Filter{conf}
	if !o.tests {
		out = append(out, driver.SkipTests)
	}
	out = append(out, &suppress.Filter{Families: cfg.Families, EnabledFor: conf.Enabled, Generated: o.generated})
	switch {
	case o.newFromRev != "":
		lines, err := diffscope.FromRev(ctx, cfg.Dir, o.newFromRev)
		if err != nil {
			return nil, err
		}
		out = append(out, &diffscope.Filter{Lines: lines, What: "-new-from-rev"})
	case o.newFromPatch != "":
		lines, err := diffscope.FromPatchFile(ctx, cfg.Dir, o.newFromPatch)
		if err != nil {
			return nil, usageError{fmt.Errorf("-new-from-patch: %v", err)}
		}
		out = append(out, &diffscope.Filter{Lines: lines, What: "-new-from-patch"})
	}
	return out, nil
}

// usageError is a bad flag value found after parseFlags (a -new-from-patch
// file that is not a diff): exit status 2.
type usageError struct{ error }

// vetChecks is the -checks value the driver hands the vet tool, whatever
// the user's selection and winlint.conf files: every check. go vet keys its
// per-package result cache on the tool's flags, so a fixed value makes a
// run with another selection a cache hit; the driver's first filter stage
// (the winlint.conf filter, which applies -checks where no file overrides
// it) keeps the selected checks' findings.
const vetChecks = "all"

// enabledChecks returns the checks of a selection, in catalogue order.
func enabledChecks(enabled map[string]bool) []*catalog.Check {
	var out []*catalog.Check
	for _, c := range winlint.Checks() {
		if enabled[c.ID] {
			out = append(out, c)
		}
	}
	return out
}

// run is the driver: parse flags, run go vet per GOOS, filter, fix, print.
// It returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case err != nil:
		return exitUsage
	}

	switch {
	case o.version:
		fmt.Fprintln(stdout, version())
		return exitOK
	case o.list:
		list(stdout)
		return exitOK
	case o.explain != "":
		fmt.Fprint(stdout, catalog.Page(catalog.Lookup(winlint.Families, o.explain)))
		return exitOK
	}

	fail := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "winlint: "+format+"\n", args...)
		return exitError
	}
	tool, err := os.Executable()
	if err != nil {
		return fail("cannot find the winlint executable: %v", err)
	}
	cwd, err := os.Getwd()
	if err != nil {
		return fail("%v", err)
	}

	// winlint.conf files: read them all before the run, so that an error
	// in one is a usage error; the report lists every check some directory
	// enables.
	base, _ := catalog.Select(winlint.Families, o.checks) // checked by parseFlags
	conf := config.New(winlint.Families, base, o.checksSet)
	if errs := conf.Scan(cwd); len(errs) > 0 {
		for _, err := range errs {
			if pe, ok := err.(*config.ParseError); ok {
				pe.File = output.RelPath(cwd, pe.File)
			}
			fmt.Fprintf(stderr, "winlint: %v\n", err)
		}
		return exitUsage
	}
	enabled := base
	if conf.Found() && !o.checksSet {
		enabled = conf.Union()
	}

	cfg := &driver.Config{
		Tool:     tool,
		Dir:      cwd,
		Checks:   vetChecks,
		Tags:     o.tags,
		GOOS:     o.goos,
		Patterns: o.patterns,
		Families: winlint.Families,
		Sources:  new(driver.Sources),

		DirectiveFiles: true, // for the directive filter
		MatchedOnly:    true, // not the replayed findings of dependencies
	}
	stages, err := filters(ctx, o, cfg, conf)
	var uerr usageError
	switch {
	case errors.As(err, &uerr):
		fmt.Fprintf(stderr, "winlint: %v\nRun 'winlint -help' for usage.\n", err)
		return exitUsage
	case err != nil:
		return fail("%v", err)
	}
	prog := newProgress(stderr, isTerminal(stderr), o.verbose, o.goos)
	cfg.Progress = prog.callback()
	res := driver.Run(ctx, cfg)
	prog.finish()
	warnSkippedCgo(stderr, cwd, res)
	driver.ApplyFilters(res, cfg.Sources, stages...)
	report := &output.Report{
		Result:  res,
		Dir:     cwd,
		Root:    cwd,
		Checks:  enabledChecks(enabled),
		Sources: cfg.Sources,
		Version: moduleVersion(),
	}
	if root, err := diffscope.GitRoot(ctx, cwd); err == nil {
		report.Root = rootVia(cwd, root)
	}

	var patch []byte
	if o.fix || o.diff {
		patch = fix(ctx, cfg, report, o.diff, stderr)
	}

	output.WriteErrors(stderr, report)
	if o.diff {
		// Standard output carries the patch; the findings no fix
		// covers go to standard error.
		stdout.Write(patch)
		output.Text(stderr, report)
	} else {
		format, _ := output.Lookup(o.format) // checked by parseFlags
		if err := format(stdout, report); err != nil {
			return fail("writing output: %v", err)
		}
	}

	switch {
	case res.Failed():
		return exitError
	case len(res.Findings) > 0 || len(patch) > 0:
		return exitFindings
	}
	return exitOK
}

// list prints the catalogue, one check per line.
func list(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, c := range winlint.Checks() {
		state := "off"
		if c.Default {
			state = "on"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.ID, state, c.Severity, c.Title)
	}
	tw.Flush()
}

// rootVia expresses the repository root (a real path, as git prints it)
// through dir, the directory findings' paths start with, which may reach it
// through a symbolic link.
func rootVia(dir, root string) string {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return root
	}
	rel, err := filepath.Rel(root, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return root
	}
	r := dir
	if rel != "." {
		for range strings.Split(rel, string(filepath.Separator)) {
			r = filepath.Dir(r)
		}
	}
	return r
}

// moduleVersion is the version of the winlint module this binary was built
// from ("(devel)" for a local build).
func moduleVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}

// version describes the build: module version and Go version.
func version() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && v == "(devel)" {
				v += " " + s.Value
			}
		}
	}
	return fmt.Sprintf("winlint %s %s %s/%s", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// warnSkippedCgo says, once, that files using cgo were not analysed
// because the run disabled cgo (see driver.Result.SkippedCgo), so that a
// clean run is not taken for a clean Windows build.
func warnSkippedCgo(w io.Writer, cwd string, res *driver.Result) {
	n := len(res.SkippedCgo)
	if n == 0 {
		return
	}
	goos := strings.Join(res.GOOS, ",")
	fmt.Fprintf(w, "winlint: warning: %d %s cgo not analysed (%s): CGO_ENABLED=0 leaves %s out of the %s build;\n"+
		"  to analyse %s, set CGO_ENABLED=1 and CC to a C compiler for %s (e.g. x86_64-w64-mingw32-gcc);\n"+
		"  set CGO_ENABLED=0 yourself to silence this warning\n",
		n, plural(n, "file using", "files using"), output.RelPath(cwd, res.SkippedCgo[0])+plural(n, "", ", …"),
		plural(n, "it", "them"), goos, plural(n, "it", "them"), goos)
}
