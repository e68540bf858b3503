package driver

import "strings"

// SkipTests is the filter of -tests=false: it drops the findings in test
// files (*_test.go) and forgets the directives they hold, so that none of
// them is reported as unused.
//
// go vet always analyses a package together with its tests (it has no
// flag to leave them out), so test files are still type-checked; only
// what is reported in them is dropped. A finding in a non-test file is
// kept even when only the package's test variant produced it.
var SkipTests Filter = FilterFunc{FilterName: "-tests=false", Func: skipTests}

func skipTests(r *Result, _ *Sources) error {
	r.Keep(func(f *Finding) bool { return !IsTestFile(f.Posn.File) })
	out := r.DirectiveFiles[:0]
	for _, f := range r.DirectiveFiles {
		if !IsTestFile(f.Posn.File) {
			out = append(out, f)
		}
	}
	clear(r.DirectiveFiles[len(out):])
	r.DirectiveFiles = out
	return nil
}

// IsTestFile reports whether file is a Go test file.
func IsTestFile(file string) bool {
	return strings.HasSuffix(file, "_test.go")
}
