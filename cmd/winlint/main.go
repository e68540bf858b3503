// Command winlint reports Go code that misbehaves on Windows.
//
// Usage:
//
//	winlint [flags] [packages]
//
// winlint analyses the named packages (default ".") as built for Windows
// (GOOS=windows, CGO_ENABLED=0), whatever the host, and prints one line per
// finding:
//
//	path/file.go:12:3: message (WL2001)
//
// It drives the go command: each run is "go vet -vettool=<winlint> -json" for
// one GOOS, so the go command loads the packages, hands each one to this
// same executable in its vet-tool role, and caches the results per package;
// re-running on unchanged code is fast.
//
// The same binary is a vet tool and a fix tool:
//
//	go vet -vettool=$(command -v winlint) [-checks=…] ./...
//	go fix -fixtool=$(command -v winlint) ./...
//
// It acts as one when invoked with -V=full or -flags, or with a final
// argument ending in ".cfg", as the go command invokes vet tools.
//
// Flags:
//
//	-checks list  checks to run: comma-separated IDs, globs ("WL2*"), family
//	              names, "all" or "default"; "-ID" disables (default "default")
//	-list         print the checks: ID, on/off by default, severity, title
//	-explain ID   print the documentation of a check
//	-goos list    GOOS values to analyse, comma-separated; findings of several
//	              are merged (default: $GOOS if set, else windows)
//	-tags list    build tags, as for go build
//	-f format     output format: text, json, sarif (GitHub code scanning),
//	              rdjson (reviewdog), github (workflow annotations),
//	              checkstyle, junit or codeclimate (GitLab code quality)
//	-json         same as -f json
//	-fix          apply the first suggested fix of each finding (to files of
//	              the main module only); fixed findings are not reported.
//	              Each file is written whole (a temporary file renamed over
//	              it); a file changed since it was analysed is left alone
//	-diff         print the fixes as a unified diff on standard output instead
//	              of applying them; unfixed findings go to standard error
//	-new-from-rev rev
//	              report only findings on lines added or modified since the
//	              git revision (in CI: the merge base with the target branch)
//	-new-from-patch file
//	              report only findings on lines the unified diff adds or
//	              modifies ("-" for standard input)
//	-generated    also report findings in generated files
//	-tests=false  report no finding in test files (*_test.go)
//	-v            print each package as go vet finishes it, with its time,
//	              and a summary, on standard error
//	-V, -version  print the version
//
// go vet always analyses a package together with its tests, and so does
// winlint; with -tests=false the findings in test files are not reported.
//
// On a terminal, standard error shows a progress line (packages analysed
// of the total, the last package); it prints nothing when it is not a
// terminal.
//
// A winlint.conf file configures the checks of its directory and below and
// paths to exclude; see package internal/config and the README. -checks
// overrides its checks. An error in it is a usage error (exit 2).
//
// Findings are suppressed with "//winlint:ignore WL2001 reason" on the line
// or the line above, and "//winlint:file-ignore WL2001 reason" anywhere in
// the file; malformed directives are reported as WL0001 and directives that
// suppress nothing as WL0002.
//
// Exit status:
//
//	0  no findings
//	1  an error occurred: a package failed to load or type-check, go vet
//	   failed, an analyzer failed, or a pattern matched no packages (the
//	   other packages are still analysed and their findings printed)
//	2  usage error: a bad flag, an unknown -checks term, format or -explain ID,
//	   an error in a winlint.conf file
//	3  findings were reported (and no error occurred)
//
// With -fix, findings whose fix was applied do not count; with -diff, a
// non-empty diff counts as findings. Every output format uses the same exit
// status.
package main

import (
	"context"
	"os"
	"os/signal"
)

// Exit statuses.
const (
	exitOK       = 0 // no findings
	exitError    = 1 // some analysis failed
	exitUsage    = 2 // bad command line
	exitFindings = 3 // findings reported
)

func main() {
	args := os.Args[1:]
	if isVetToolInvocation(args) {
		vetTool(args) // does not return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, args, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
