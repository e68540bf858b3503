package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"text/tabwriter"

	"github.com/winlint/winlint"
	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/driver"
	"github.com/winlint/winlint/internal/output"
)

// filters are the stages between analysis and output, in order (see
// driver.Filter). Ignore directives, generated-file skipping and
// -new-from-rev belong here.
func filters(*options) []driver.Filter { return nil }

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

	cfg := &driver.Config{
		Tool:     tool,
		Dir:      cwd,
		Checks:   o.checks,
		Tags:     o.tags,
		GOOS:     o.goos,
		Patterns: o.patterns,
		Families: winlint.Families,
		Sources:  new(driver.Sources),
	}
	res := driver.Run(ctx, cfg)
	driver.ApplyFilters(res, cfg.Sources, filters(o)...)
	report := &output.Report{Result: res, Dir: cwd}

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
