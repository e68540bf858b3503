package main

import (
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/driver"
	"github.com/winlint/winlint/internal/fixes"
	"github.com/winlint/winlint/internal/output"
)

// fix applies the first suggested fix of each reported finding, in report
// order, or with diff set computes them only and returns the unified diff.
// Findings whose fix was applied are removed from the report; fixes that
// overlap an earlier one, edit files outside the main module, files that
// changed since they were analysed or files the analysis did not read
// (named by //line), or would leave a file that does not parse are skipped
// with a warning, and their findings stay. Files are written atomically
// (see fixes.Plan.Write); a file that cannot be written is reported as an
// error, and the findings of its fixes stay.
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
	plan := fixes.Apply(list, fixes.Options{Read: cfg.Sources.Read, Allow: roots.Allows, Analysed: r.Analysed})

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
	applied := plan.Applied
	if diff {
		patch = plan.Diff(r.Path)
	} else {
		// Every file is written whole or not at all; a fix is applied
		// if every file it edits was written.
		failed := plan.Write()
		notWritten := make(map[int]bool)
		for _, wf := range failed {
			n := 0
			for _, f := range plan.Files {
				if f.Name == wf.File {
					for _, i := range f.Fixes {
						notWritten[i] = true
					}
					n = len(f.Fixes)
				}
			}
			r.Errors = append(r.Errors, &driver.Error{Message: fmt.Sprintf("not applying %d %s to %s: %v",
				n, plural(n, "fix", "fixes"), r.Path(wf.File), wf.Err), GOOS: r.GOOS})
		}
		applied = slices.DeleteFunc(slices.Clone(applied), func(i int) bool { return notWritten[i] })
		if len(applied) > 0 {
			files := len(plan.Files) - len(failed)
			fmt.Fprintf(stderr, "winlint: applied %d %s to %d %s\n",
				len(applied), plural(len(applied), "fix", "fixes"),
				files, plural(files, "file", "files"))
		}
	}

	fixed := make(map[*driver.Finding]bool)
	for _, i := range applied {
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
