package driver

import (
	"bytes"
	"context"
	"strings"
	"sync/atomic"
	"time"

	"github.com/winlint/winlint/internal/unitdone"
)

// An Event reports that go vet finished analysing a package: the driver
// sees it when the vet tool's JSON for the package arrives (the tool adds
// a "unit done" diagnostic to every package it analyses when run with
// -driver; see internal/unitdone).
type Event struct {
	GOOS    string
	Package string        // the package as go vet names it ("p", "p [p.test]", "p_test [p.test]")
	Done    int           // packages done so far in this GOOS's run, this one included
	Total   int           // packages the run analyses; 0 while unknown
	Elapsed time.Duration // time the vet tool took on the package
	Cached  bool          // go vet replayed the result from its cache
}

// progress follows one go vet run and reports its Events.
type progress struct {
	cfg   *Config
	goos  string
	start time.Time
	done  int
	total atomic.Int64
	stop  context.CancelFunc // ends the count if go vet ends first
}

// newProgress starts counting the packages of the run (with go list, at the
// same time as go vet) if cfg.Progress is set.
func (cfg *Config) newProgress(ctx context.Context, goos string) *progress {
	p := &progress{cfg: cfg, goos: goos, start: time.Now(), stop: func() {}}
	if cfg.Progress != nil {
		ctx, p.stop = context.WithCancel(ctx)
		go func() { p.total.Store(int64(cfg.countPackages(ctx, goos))) }()
	}
	return p
}

// unit handles the findings of one package of go vet's output.
func (p *progress) unit(pkg string, findings []*Finding) {
	if p.cfg.Progress == nil {
		return
	}
	for _, f := range findings {
		if f.Analyzer != unitdone.Name {
			continue
		}
		end, elapsed, ok := unitdone.Parse(f.Message)
		if !ok {
			continue
		}
		p.done++
		total := int(p.total.Load())
		if total > 0 && total < p.done {
			total = p.done
		}
		p.cfg.Progress(Event{
			GOOS:    p.goos,
			Package: pkg,
			Done:    p.done,
			Total:   total,
			Elapsed: elapsed,
			Cached:  end.Before(p.start),
		})
	}
}

// listTemplate prints, per package, how many units go vet analyses for it:
// the package (with its tests), and its external test package if any.
const listTemplate = `{{if or .GoFiles .CgoFiles .TestGoFiles}}1{{end}}{{if .XTestGoFiles}} 1{{end}}`

// countPackages returns the number of packages go vet analyses for goos,
// or 0 if go list fails.
func (cfg *Config) countPackages(ctx context.Context, goos string) int {
	cmd := cfg.Command(ctx, goos, "list", "-e", "-f", listTemplate)
	if dir, err := cfg.dir(); err == nil {
		cmd.Dir = dir
	}
	out, err := cmd.Output()
	if err != nil && len(out) == 0 {
		return 0
	}
	return len(strings.Fields(string(bytes.TrimSpace(out))))
}
