package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"slices"
	"strings"

	"github.com/winlint/winlint"
	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/output"
)

// options are the parsed command line of the driver.
type options struct {
	checks    string
	checksSet bool // -checks was given: it overrides winlint.conf's checks
	list      bool
	explain   string
	goos      []string
	tags      string
	format    string
	fix       bool
	diff      bool
	version   bool
	patterns  []string

	generated    bool   // report findings in generated files
	tests        bool   // report findings in test files (-tests, default true)
	verbose      bool   // -v: each package with its time
	newFromRev   string // report only findings on lines changed since this git revision
	newFromPatch string // report only findings on lines this patch adds or modifies
}

const usageHeader = `usage: winlint [flags] [packages]

winlint reports Go code that misbehaves on Windows. It analyses the packages
(default ".") and their tests as built for Windows, whatever the host, by
running "go vet -vettool=<winlint> -json" once per GOOS.

The same binary serves as "go vet -vettool=$(command -v winlint)" and
"go fix -fixtool=$(command -v winlint)".

Flags:
`

const usageFooter = `
Exit status:
  0  no findings
  1  an error occurred: a package failed to load or type-check, go vet failed,
     an analyzer failed, or a pattern matched no packages (the other packages
     are still analysed and their findings printed)
  2  usage error: a bad flag, an unknown -checks term, format or -explain ID,
     an error in a winlint.conf file
  3  findings were reported (and no error occurred)
With -fix, findings whose fix was applied do not count; with -diff, a
non-empty diff counts as findings. Every output format uses the same status.
`

var goosPattern = regexp.MustCompile(`^[a-z0-9]+$`)

// errUsage marks a command line error already reported to the user.
var errUsage = errors.New("usage")

// parseFlags parses the driver's command line. It returns errUsage for a
// bad command line (after printing why) and flag.ErrHelp for -help.
func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := new(options)
	fs := flag.NewFlagSet("winlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		goos       string
		jsonOutput bool
		version    bool
	)
	fs.StringVar(&o.checks, "checks", catalog.DefaultSelection,
		"checks to run: comma-separated IDs, globs (\"WL2*\"), family names, \"all\" or\n\"default\"; a leading \"-\" disables (\"all,-WL2005\"); overrides the checks\nof winlint.conf files")
	fs.BoolVar(&o.list, "list", false, "print the checks: ID, on/off by default, severity, title")
	fs.StringVar(&o.explain, "explain", "", "print the documentation of the check `ID`")
	fs.StringVar(&goos, "goos", "",
		"comma-separated GOOS `values` to analyse; findings of several are merged\n(default: $GOOS if set, else windows)")
	fs.StringVar(&o.tags, "tags", "", "comma-separated build `tags`, as for go build")
	fs.StringVar(&o.format, "f", "text", "output `format`: "+strings.Join(output.Names(), ", "))
	fs.BoolVar(&jsonOutput, "json", false, "same as -f json")
	fs.BoolVar(&o.fix, "fix", false,
		"apply the first suggested fix of each finding to the files of the main module;\nfixed findings are not reported")
	fs.BoolVar(&o.diff, "diff", false,
		"print the fixes as a unified diff on standard output instead of applying them;\nthe findings no fix covers go to standard error")
	fs.BoolVar(&o.generated, "generated", false,
		"also report findings in generated files (\"// Code generated ... DO NOT EDIT.\")")
	fs.BoolVar(&o.tests, "tests", true,
		"report findings in test files (*_test.go); -tests=false leaves them out")
	fs.StringVar(&o.newFromRev, "new-from-rev", "",
		"report only findings on lines added or modified since the git `revision`\n(in CI: $(git merge-base origin/main HEAD))")
	fs.StringVar(&o.newFromPatch, "new-from-patch", "",
		"report only findings on lines the unified diff in `file` adds or modifies\n(\"-\": standard input)")
	fs.BoolVar(&o.verbose, "v", false,
		"print each package as go vet finishes it, with the time the analysis took, and a summary\n(on standard error; a terminal shows a progress line without -v)")
	fs.BoolVar(&o.version, "V", false, "print the version")
	fs.BoolVar(&version, "version", false, "print the version")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), usageHeader)
		fs.PrintDefaults()
		fmt.Fprint(fs.Output(), usageFooter)
	}

	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, errUsage // the flag package printed the error and usage
	}
	o.version = o.version || version
	o.checksSet = isSet(fs, "checks")
	o.patterns = fs.Args()

	usage := func(format string, args ...any) (*options, error) {
		fmt.Fprintf(stderr, "winlint: "+format+"\n", args...)
		fmt.Fprintf(stderr, "Run 'winlint -help' for usage.\n")
		return nil, errUsage
	}

	if jsonOutput {
		if isSet(fs, "f") && o.format != "json" {
			return usage("-json conflicts with -f %s", o.format)
		}
		o.format = "json"
	}
	if _, err := output.Lookup(o.format); err != nil {
		return usage("-f: %v", err)
	}
	if o.diff && o.format != "text" {
		return usage("-diff prints a patch and cannot be combined with -f %s", o.format)
	}
	if o.newFromRev != "" && o.newFromPatch != "" {
		return usage("-new-from-rev and -new-from-patch cannot be combined")
	}
	if enabled, err := catalog.Select(winlint.Families, o.checks); err != nil {
		return usage("%v", err)
	} else if !slices.ContainsFunc(winlint.Checks(), func(c *catalog.Check) bool { return enabled[c.ID] }) {
		return usage("-checks %q selects no check (see winlint -list)", o.checks)
	}
	if o.explain != "" && catalog.Lookup(winlint.Families, o.explain) == nil {
		return usage("-explain: unknown check %q (see winlint -list)", o.explain)
	}

	if goos == "" {
		goos = os.Getenv("GOOS")
	}
	if goos == "" {
		goos = "windows"
	}
	for _, g := range strings.Split(goos, ",") {
		g = strings.TrimSpace(g)
		if g == "" {
			continue
		}
		if msg := checkGOOS(g); msg != "" {
			return usage("-goos: %s", msg)
		}
		if !slices.Contains(o.goos, g) {
			o.goos = append(o.goos, g)
		}
	}
	if len(o.goos) == 0 {
		return usage("-goos: no GOOS given")
	}
	return o, nil
}

// checkGOOS says what is wrong with analysing goos, or returns "": goos
// must be a GOOS that go tool dist list names, with a port for the GOARCH
// of the run ($GOARCH, or the host's).
func checkGOOS(goos string) string {
	goarch := os.Getenv("GOARCH")
	if goarch == "" {
		goarch = runtime.GOARCH
	}
	if goos == "windows" && (goarch == "amd64" || goarch == "arm64" || goarch == "386") {
		return "" // the default: no need to ask the go command
	}
	ports := distList()
	var known []string
	for _, p := range ports {
		g, _, _ := strings.Cut(p, "/")
		if !slices.Contains(known, g) {
			known = append(known, g)
		}
	}
	switch {
	case !goosPattern.MatchString(goos) && slices.Contains(known, strings.ToLower(goos)):
		return fmt.Sprintf("invalid GOOS %q: GOOS values are lower case (%s)", goos, strings.ToLower(goos))
	case !goosPattern.MatchString(goos):
		return fmt.Sprintf("invalid GOOS %q; go tool dist list knows %s", goos, strings.Join(known, ", "))
	case !slices.Contains(known, goos):
		return fmt.Sprintf("unknown GOOS %q; go tool dist list knows %s", goos, strings.Join(known, ", "))
	case !slices.Contains(ports, goos+"/"+goarch):
		return fmt.Sprintf("GOOS %q has no port for GOARCH %q (see go tool dist list); set GOARCH", goos, goarch)
	}
	return ""
}

// distList returns the GOOS/GOARCH pairs "go tool dist list" prints, or,
// if that fails, the ports of Go 1.26.
func distList() []string {
	cmd := exec.Command("go", "tool", "dist", "list")
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local")
	if out, err := cmd.Output(); err == nil {
		if ports := strings.Fields(string(out)); len(ports) > 0 {
			return ports
		}
	}
	return strings.Fields(knownPorts)
}

// knownPorts is the output of go tool dist list of Go 1.26.
const knownPorts = `aix/ppc64 android/386 android/amd64 android/arm android/arm64 darwin/amd64 darwin/arm64
dragonfly/amd64 freebsd/386 freebsd/amd64 freebsd/arm freebsd/arm64 illumos/amd64
ios/amd64 ios/arm64 js/wasm linux/386 linux/amd64 linux/arm linux/arm64 linux/loong64 linux/mips
linux/mips64 linux/mips64le linux/mipsle linux/ppc64 linux/ppc64le linux/riscv64 linux/s390x
netbsd/386 netbsd/amd64 netbsd/arm netbsd/arm64 openbsd/386 openbsd/amd64 openbsd/arm openbsd/arm64
openbsd/ppc64 openbsd/riscv64 plan9/386 plan9/amd64 plan9/arm solaris/amd64 wasip1/wasm
windows/386 windows/amd64 windows/arm64`

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}
