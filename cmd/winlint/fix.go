package main

import (
	"context"
	"fmt"
	"io"

	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/driver"
	"github.com/winlint/winlint/internal/fixes"
	"github.com/winlint/winlint/internal/output"
)

// fix applies the first suggested fix of each reported finding, in report
// order, or with diff set computes them only and returns the unified diff.
// Findings whose fix was accepted are removed from the report; fixes that
// overlap an earlier one or edit files outside the main module are skipped
// with a warning, and their findings stay.
func fix(ctx context.Context, cfg *driver.Config, r *output.Report, diff bool, stderr io.Writer) []byte {
	var (
		list  []fixes.Fix
		owner []*driver.Finding // finding of each fix in list
	)
	for _, f := range r.Findings {
		if len(f.Fixes) == 0 {
			continue
		}
		var fx fixes.Fix
		for _, e := range f.Fixes[0].Edits {
			fx.Edits = append(fx.Edits, fixes.Edit{File: e.File, Start: e.Start, End: e.End, New: e.New})
		}
		list = append(list, fx)
		owner = append(owner, f)
	}
	if len(list) == 0 {
		return nil
	}

	roots, err := cfg.FixRoots(ctx)
	if err != nil {
		r.Errors = append(r.Errors, &driver.Error{Message: fmt.Sprintf("cannot apply fixes: %v", err), GOOS: r.GOOS})
		return nil
	}
	plan := fixes.Apply(list, fixes.Options{Read: cfg.Sources.Read, Allow: roots.Allows})

	describe := func(f *driver.Finding) string {
		return fmt.Sprintf("%s: %s", r.Position(f.Posn), catalog.WithID(f.Message, f.ID))
	}
	for _, s := range plan.Skipped {
		msg := fmt.Sprintf("winlint: not applying the fix for %s: %s", describe(owner[s.Fix]), s.Reason)
		if s.Conflict >= 0 {
			msg += fmt.Sprintf(" (the fix for %s)", describe(owner[s.Conflict]))
		}
		fmt.Fprintln(stderr, msg)
	}

	var patch []byte
	if diff {
		patch = plan.Diff(r.Path)
	} else if err := plan.Write(); err != nil {
		r.Errors = append(r.Errors, &driver.Error{Message: fmt.Sprintf("applying fixes: %v", err), GOOS: r.GOOS})
		return nil
	} else if len(plan.Applied) > 0 {
		fmt.Fprintf(stderr, "winlint: applied %d %s to %d %s\n",
			len(plan.Applied), plural(len(plan.Applied), "fix", "fixes"),
			len(plan.Files), plural(len(plan.Files), "file", "files"))
	}

	fixed := make(map[*driver.Finding]bool)
	for _, i := range plan.Applied {
		fixed[owner[i]] = true
	}
	r.Keep(func(f *driver.Finding) bool { return !fixed[f] })
	return patch
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
