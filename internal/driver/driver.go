// Package driver runs winlint's analyzers over packages through the go
// command and collects what they report.
//
// For each build configuration (GOOS) it runs
//
//	go vet -vettool=<winlint> -json [-driver] -checks=<Config.Checks> [-tags=…] -- <patterns>
//
// with GOOS set (and CGO_ENABLED=0 unless the environment sets it). The go
// command hands each package to the winlint executable in its vet-tool
// role, passes the tool's JSON through to its standard output and caches it
// per package, so an unchanged package is not analysed again. (The go
// command's cache key includes the tool's flags: winlint's CLI always hands
// it -checks=all and applies the user's selection in its first filter, see
// internal/config, so that any selection replays the cached results.) (-driver
// has the tool also report the files holding //winlint: directives, for
// the directive filter: see internal/directivefiles.) The driver
// decodes that stream into Findings, turns what go vet wrote to its standard
// error (build and type errors, patterns that matched nothing, analyzer
// crashes) into Errors, and merges the runs of several GOOS values.
//
// The rest of the pipeline (filters, fixes, output formats) works on the
// Result: see Filter, and the packages fixes and output.
package driver

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"

	"github.com/winlint/winlint/internal/analysedfiles"
	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/directivefiles"
	"github.com/winlint/winlint/internal/unitdone"
)

// Config says what to analyse and how.
type Config struct {
	Tool     string            // the vet tool: absolute path of the winlint executable
	Go       string            // the go command; "go" from $PATH if empty
	Dir      string            // working directory; the current one if empty
	Env      []string          // environment; os.Environ() if nil
	Checks   string            // the -checks value handed to the vet tool (winlint's CLI: always "all")
	Tags     string            // the -tags build flag, if not empty
	GOOS     []string          // one go vet run per value, in order
	Patterns []string          // package patterns; "." if empty
	Families []*catalog.Family // the catalogue, to resolve check IDs
	Sources  *Sources          // file cache for offsets; a new one if nil
	// MatchedOnly keeps only the findings of the packages the patterns
	// match and their test variants (go vet also prints the cached
	// findings of dependencies analysed as roots before): the driver
	// runs "go list" alongside go vet to learn them.
	MatchedOnly bool
	// DirectiveFiles has the vet tool (winlint's, which knows the -driver
	// flag) also report the files holding directives, in
	// Result.DirectiveFiles.
	DirectiveFiles bool
	// Progress, if set, is called as go vet finishes each package (from
	// the goroutine that called Run). It needs DirectiveFiles (winlint's
	// vet tool with -driver).
	Progress func(Event)
}

// Run analyses the packages once per GOOS and returns the merged result.
// Failures (a package that does not type-check, go vet failing, a pattern
// matching nothing) are reported in Result.Errors; the findings of the
// packages that could be analysed are reported all the same.
func Run(ctx context.Context, cfg *Config) *Result {
	if cfg.Sources == nil {
		cfg.Sources = new(Sources)
	}
	var (
		results []*Result
		matched = make(chan map[string]bool, len(cfg.GOOS))
	)
	for _, goos := range cfg.GOOS {
		if cfg.MatchedOnly {
			go func() { matched <- cfg.matched(ctx, goos) }()
		}
		results = append(results, cfg.vet(ctx, goos))
	}
	res := Merge(results...)
	if cfg.MatchedOnly {
		all := make(map[string]bool)
		for range cfg.GOOS {
			m := <-matched
			if m == nil {
				all = nil // go list failed: keep everything
			}
			if all != nil {
				for p := range m {
					all[p] = true
				}
			}
		}
		if all != nil {
			in := func(f *Finding) bool { return Matches(all, f.Package) }
			res.Keep(in)
			res.DirectiveFiles = slices.DeleteFunc(res.DirectiveFiles, func(f *Finding) bool { return !in(f) })
		}
	}
	cfg.explain(ctx, res)
	return res
}

// matched returns the import paths of the packages the patterns match for
// goos, or nil if go list fails. -find: only the named packages are
// needed, not their dependencies (a third of the cost on the corpus).
func (cfg *Config) matched(ctx context.Context, goos string) map[string]bool {
	cmd := cfg.Command(ctx, goos, "list", "-e", "-find", "-f", "{{.ImportPath}}")
	out, err := cmd.Output()
	if err != nil {
		return nil
	}
	m := make(map[string]bool)
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			m[l] = true
		}
	}
	return m
}

// Matches reports whether the package go vet names id ("p", "p [p.test]",
// "p_test [p.test]") is one of the packages matched (import paths) or a
// test variant of one.
func Matches(matched map[string]bool, id string) bool {
	base, _, _ := strings.Cut(id, " [")
	if matched[base] {
		return true
	}
	if p, ok := strings.CutSuffix(base, "_test"); ok && matched[p] {
		return true
	}
	if p, ok := strings.CutSuffix(base, ".test"); ok && matched[p] {
		return true
	}
	return false
}

// requiresGo matches the go command's refusal to run a module that asks
// for a newer Go when GOTOOLCHAIN=local.
var requiresGo = regexp.MustCompile(`^go: (\S+) requires go >= (\S+) \(running go (\S+); GOTOOLCHAIN=local\)`)

// explain replaces the errors of two situations the go command reports
// obscurely with one line that says what to do: a module that asks for a
// newer Go than the go command (which the driver does not let it
// download), and a go command of another Go release than the one winlint
// was built with (every package then fails with "exit status 1" and "no
// package vetx file").
func (cfg *Config) explain(ctx context.Context, res *Result) {
	for _, e := range res.Errors {
		if m := requiresGo.FindStringSubmatch(e.Message); m != nil {
			res.Errors = []*Error{{GOOS: res.GOOS, Message: fmt.Sprintf(
				"%s asks for go >= %s, but the go command is go %s; winlint does not download toolchains: "+
					"install Go %s, or set GOTOOLCHAIN (e.g. GOTOOLCHAIN=auto) to let the go command fetch it",
				m[1], m[2], m[3], m[2])}}
			return
		}
	}
	if len(res.Errors) == 0 {
		return
	}
	skew := false
	for _, e := range res.Errors {
		if strings.Contains(e.Message, "no package vetx file") || strings.HasSuffix(e.Message, ": exit status 1") {
			skew = true
		}
	}
	if !skew {
		return
	}
	cmd := exec.CommandContext(ctx, cfg.goCmd(), "env", "GOVERSION")
	cmd.Dir = cfg.Dir
	cmd.Env = ToolchainEnv(cfg.environ())
	out, err := cmd.Output()
	if err != nil {
		return
	}
	goVersion := strings.TrimSpace(string(out))
	if release(goVersion) == "" || release(goVersion) == release(runtime.Version()) {
		return
	}
	res.Errors = []*Error{{GOOS: res.GOOS, Message: fmt.Sprintf(
		"winlint was built with %s but the go command is %s, whose packages it cannot analyse: "+
			"rebuild winlint with %s (go install github.com/winlint/winlint/cmd/winlint@latest)",
		runtime.Version(), goVersion, goVersion)}}
}

// release returns the release of a Go version: "go1.27" for "go1.27.3";
// "" if v is not a release version.
func release(v string) string {
	v, _, _ = strings.Cut(v, " ")
	parts := strings.SplitN(v, ".", 3)
	if len(parts) < 2 || !strings.HasPrefix(parts[0], "go") {
		return ""
	}
	minor := parts[1]
	if i := strings.IndexFunc(minor, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		minor = minor[:i]
	}
	return parts[0] + "." + minor
}

// vet runs go vet for one GOOS.
func (cfg *Config) vet(ctx context.Context, goos string) *Result {
	res := &Result{GOOS: []string{goos}}
	fail := func(format string, args ...any) *Result {
		res.Errors = append(res.Errors, &Error{Message: fmt.Sprintf(format, args...), GOOS: []string{goos}})
		return res
	}
	dir, err := cfg.dir()
	if err != nil {
		return fail("%v", err)
	}

	verb := []string{"vet", "-vettool=" + cfg.Tool, "-json"}
	if cfg.DirectiveFiles {
		verb = append(verb, "-driver")
	}
	prog := cfg.newProgress(ctx, goos) // counts the packages meanwhile
	cmd := cfg.Command(ctx, goos, append(verb, "-checks="+cfg.Checks)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fail("cannot run go vet: %v", err)
	}
	if err := cmd.Start(); err != nil {
		return fail("cannot run go vet: %v", err)
	}

	_, cgoSet := lookupEnv(cfg.environ(), "CGO_ENABLED")
	p := &Parser{Families: cfg.Families, Dir: dir, Sources: cfg.Sources,
		OnPackage: func(pkg string, fs []*Finding, _ []*Error) { prog.unit(pkg, fs) }}
	findings, errs, perr := p.ParseStream(stdout)
	if perr != nil {
		io.Copy(io.Discard, stdout) // let go vet finish
	}
	waitErr := cmd.Wait()
	prog.stop()

	for _, f := range findings {
		switch f.Analyzer {
		case unitdone.Name:
			// Progress, and the cgo files left out: worth a warning when
			// CGO_ENABLED=0 is the driver's choice, not the user's.
			if file, ok := unitdone.ParseSkippedCgo(f.Message); ok && !cgoSet && !slices.Contains(res.SkippedCgo, file) {
				res.SkippedCgo = append(res.SkippedCgo, file)
			}
		case directivefiles.Name:
			res.DirectiveFiles = append(res.DirectiveFiles, f)
		case analysedfiles.Name:
			if af, ok := analysedfiles.Parse(f.Message); ok {
				res.addFile(p.abs(af.Name), &AnalysedFile{SHA256: af.SHA256, Generated: af.Generated, LineNames: af.LineNames})
			}
		default:
			res.Findings = append(res.Findings, f)
		}
	}
	res.Errors = append(res.Errors, errs...)
	if perr != nil {
		res.Errors = append(res.Errors, &Error{Message: perr.Error()})
	}
	res.Errors = append(res.Errors, ParseStderr(stderr.String(), dir)...)
	if !cgoSet {
		// A package whose files all use cgo has no file left: go vet
		// says so, and the warning names its files.
		for _, e := range res.Errors {
			if m := excludedAll.FindStringSubmatch(e.Message); m != nil {
				files, _ := filepath.Glob(filepath.Join(m[1], "*.go"))
				for _, f := range unitdone.CgoFiles(goos, strings.Split(cfg.Tags, ","), files) {
					if !slices.Contains(res.SkippedCgo, f) {
						res.SkippedCgo = append(res.SkippedCgo, f)
					}
				}
			}
		}
	}
	if waitErr != nil && len(res.Errors) == 0 {
		var exit *exec.ExitError
		if errors.As(waitErr, &exit) {
			res.Errors = append(res.Errors, &Error{Message: fmt.Sprintf("go vet failed: %v", waitErr)})
		} else {
			res.Errors = append(res.Errors, &Error{Message: fmt.Sprintf("cannot run go vet: %v", waitErr)})
		}
	}
	for _, f := range slices.Concat(res.Findings, res.DirectiveFiles) {
		f.GOOS = []string{goos}
	}
	for _, e := range res.Errors {
		e.GOOS = []string{goos}
	}
	return res
}

// excludedAll matches the go command's error for a package without a file
// in the build.
var excludedAll = regexp.MustCompile(`build constraints exclude all Go files in (.+)$`)

// lookupEnv returns the value of name in env.
func lookupEnv(env []string, name string) (string, bool) {
	for i := len(env) - 1; i >= 0; i-- {
		if k, v, ok := strings.Cut(env[i], "="); ok && k == name {
			return v, true
		}
	}
	return "", false
}

// VetEnv returns the environment of a go vet run for goos: env with GOOS
// set, CGO_ENABLED=0 unless env sets CGO_ENABLED, and GOTOOLCHAIN=local
// unless env sets GOTOOLCHAIN.
func VetEnv(env []string, goos string) []string {
	out := make([]string, 0, len(env)+2)
	cgo := false
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "GOOS":
			continue
		case "CGO_ENABLED":
			cgo = true
		}
		out = append(out, kv)
	}
	out = append(out, "GOOS="+goos)
	if !cgo {
		out = append(out, "CGO_ENABLED=0")
	}
	return ToolchainEnv(out)
}

// ToolchainEnv returns env with GOTOOLCHAIN=local unless env sets
// GOTOOLCHAIN: analysing a module whose go.mod asks for a newer Go must
// not download and run a toolchain the user did not choose.
func ToolchainEnv(env []string) []string {
	for _, kv := range env {
		if strings.HasPrefix(kv, "GOTOOLCHAIN=") {
			return env
		}
	}
	return append(slices.Clip(env), "GOTOOLCHAIN=local")
}

// Command returns the go command "go <verb...> [-tags=…] -- <patterns>" of
// the run for one GOOS, with the run's environment (see VetEnv) and
// directory.
func (cfg *Config) Command(ctx context.Context, goos string, verb ...string) *exec.Cmd {
	args := append([]string(nil), verb...)
	if cfg.Tags != "" {
		args = append(args, "-tags="+cfg.Tags)
	}
	args = append(args, "--")
	if len(cfg.Patterns) == 0 {
		args = append(args, ".")
	}
	args = append(args, cfg.Patterns...)
	cmd := exec.CommandContext(ctx, cfg.goCmd(), args...)
	cmd.Dir = cfg.Dir
	cmd.Env = VetEnv(cfg.environ(), goos)
	return cmd
}

func (cfg *Config) goCmd() string {
	if cfg.Go != "" {
		return cfg.Go
	}
	return "go"
}

func (cfg *Config) environ() []string {
	if cfg.Env != nil {
		return cfg.Env
	}
	return os.Environ()
}

func (cfg *Config) dir() (string, error) {
	if cfg.Dir != "" {
		return cfg.Dir, nil
	}
	return os.Getwd()
}
