// Package crashtest fuzzes every analyzer of winlint.Families for panics.
//
// FuzzAnalyzers takes a fixture file from testdata/src, replaces it with a
// mutated version (the fuzzer's bytes, then optionally string and integer
// literals swapped for values the checks care about), type-checks the
// fixture package as the GOOS=windows build and, when it type-checks, runs
// every analyzer on it in-process through x/tools' checker. Any panic or
// analyzer error fails. Without -fuzz, `go test` runs the seed corpus (every
// fixture file, unmutated) as a plain test.
//
// Run it by hand for longer:
//
//	go test ./internal/crashtest -run '^$' -fuzz FuzzAnalyzers -fuzztime 30m -fuzzminimizetime 0
//
// -fuzzminimizetime 0 turns minimization off: a minimization that overruns
// its time limit kills the worker, and every new worker loads the fixtures
// again (seconds), which on a loaded machine left the fuzzer mostly idle.
// Crashers are still recorded under testdata/fuzz, unminimized.
//
// Imports are resolved offline: the fixtures are loaded once with
// go/packages (GOPATH mode over testdata, as the analysistest harness does),
// dependencies from export data; a mutated file can import only what its
// package's fixtures import.
package crashtest
