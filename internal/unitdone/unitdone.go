// Package unitdone lets the winlint driver follow a run: when the winlint
// command runs go vet (with the vet tool's -driver flag), the vet tool adds
// an analyzer that runs after all the others and reports one diagnostic
// per analysed package, naming when the analysis ended and how long the
// tool took. go vet -json passes it on (and replays it from its cache for
// an unchanged package), so the driver sees each package finish, with its
// time, however the go command schedules them: see driver.Event.
package unitdone

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"golang.org/x/tools/go/analysis"
)

// Name is the analyzer's name, under which go vet -json reports its
// diagnostic.
const Name = "winlintunitdone"

// New returns the analyzer for a vet tool process that started at start:
// it requires after (the analyzers of the run), so that it runs last.
func New(start time.Time, after []*analysis.Analyzer) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     Name,
		Doc:      "report when the package's analysis ended (for the winlint driver's progress)",
		URL:      "https://github.com/winlint/winlint/blob/main/internal/unitdone",
		Requires: after,
		Run: func(pass *analysis.Pass) (any, error) {
			if len(pass.Files) == 0 {
				return nil, nil
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

// VetxOnly reports whether the vet configuration file asks for facts only
// (a dependency of the packages named), where nothing is printed and the
// analyzer must not run (it would make the tool run every analyzer).
func VetxOnly(cfgFile string) bool {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return false
	}
	var cfg struct{ VetxOnly bool }
	return json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly
}
