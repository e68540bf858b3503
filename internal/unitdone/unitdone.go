// Package unitdone lets the winlint driver follow a run: when the winlint
// command runs go vet (with the vet tool's -driver flag), the vet tool adds
// an analyzer that runs after all the others and reports one diagnostic
// per analysed package, naming when the analysis ended and how long the
// tool took. go vet -json passes it on (and replays it from its cache for
// an unchanged package), so the driver sees each package finish, with its
// time, however the go command schedules them: see driver.Event. It also
// names the files the build left out because they use cgo and cgo is
// disabled (CGO_ENABLED=0, the winlint command's default), so that the
// command can warn that they were not analysed.
package unitdone

import (
	"encoding/json"
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
)

// Name is the analyzer's name, under which go vet -json reports its
// diagnostic.
const Name = "winlintunitdone"

// New returns the analyzer for a vet tool process that started at start:
// it requires after (the analyzers of the run), so that it runs last. It
// also reports each file of skippedCgo (see SkippedCgo), in a diagnostic
// of its own.
func New(start time.Time, after []*analysis.Analyzer, skippedCgo []string) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     Name,
		Doc:      "report when the package's analysis ended (for the winlint driver's progress)",
		URL:      "https://github.com/winlint/winlint/blob/main/internal/unitdone",
		Requires: after,
		Run: func(pass *analysis.Pass) (any, error) {
			if len(pass.Files) == 0 {
				return nil, nil
			}
			for _, file := range skippedCgo {
				pass.Report(analysis.Diagnostic{Pos: pass.Files[0].Package, Message: cgoPrefix + file})
			}
			end := time.Now()
			pass.Report(analysis.Diagnostic{
				Pos:     pass.Files[0].Package,
				Message: Format(end, end.Sub(start)),
			})
			return nil, nil
		},
		RunDespiteErrors: true,
	}
}

// Format writes the message of the diagnostic.
func Format(end time.Time, elapsed time.Duration) string {
	return fmt.Sprintf("done %d %d", end.UnixNano(), elapsed.Nanoseconds())
}

// Parse reads the message of the diagnostic.
func Parse(msg string) (end time.Time, elapsed time.Duration, ok bool) {
	var e, d int64
	if n, err := fmt.Sscanf(msg, "done %d %d", &e, &d); err != nil || n != 2 {
		return time.Time{}, 0, false
	}
	return time.Unix(0, e), time.Duration(d), true
}

// cgoPrefix starts the message that names a cgo file left out.
const cgoPrefix = "skipped cgo file "

// ParseSkippedCgo returns the file a "skipped cgo file" message names.
func ParseSkippedCgo(msg string) (string, bool) {
	return strings.CutPrefix(msg, cgoPrefix)
}

// A Config is what the analyzer needs of the vet configuration file the
// go command hands the vet tool.
type Config struct {
	VetxOnly     bool     // facts only (a dependency): nothing is printed
	IgnoredFiles []string // files the build leaves out, absolute
}

// ReadConfig reads the vet configuration file. (unitchecker reads it too,
// later: the vet tool must know before it chooses its analyzers.)
func ReadConfig(cfgFile string) (*Config, error) {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return nil, err
	}
	cfg := new(Config)
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, err
	}
	return cfg, nil
}

// SkippedCgo returns the files of ignored that the build leaves out only
// because cgo is disabled (CGO_ENABLED=0 in the environment): Go files
// that import "C" and match the build context (GOOS, GOARCH from the
// environment) once cgo is enabled. With cgo enabled it returns nothing.
// (Build tags given with -tags are not known here: a file that needs one
// is not reported.)
func SkippedCgo(ignored []string) []string {
	if os.Getenv("CGO_ENABLED") != "0" {
		return nil
	}
	return CgoFiles(build.Default.GOOS, nil, ignored)
}

// CgoFiles returns the Go files of files that import "C" and belong to the
// build for goos (GOARCH from the environment) with cgo enabled and the
// given build tags.
func CgoFiles(goos string, tags []string, files []string) []string {
	ctx := build.Default
	ctx.GOOS = goos
	ctx.CgoEnabled = true
	ctx.BuildTags = tags
	var out []string
	for _, file := range files {
		if !strings.HasSuffix(file, ".go") {
			continue
		}
		if ok, err := ctx.MatchFile(filepath.Dir(file), filepath.Base(file)); err != nil || !ok {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
		if err != nil {
			continue
		}
		for _, imp := range f.Imports {
			if imp.Path.Value == `"C"` {
				out = append(out, file)
				break
			}
		}
	}
	return out
}
