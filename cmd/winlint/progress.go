package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/winlint/winlint/internal/driver"
)

// isTerminal reports whether w is a terminal (a character device other
// than /dev/null), where progress is shown. A variable, for tests.
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	if null, err := os.Stat(os.DevNull); err == nil && os.SameFile(st, null) {
		return false
	}
	return os.Getenv("TERM") != "dumb"
}

// progress renders the driver's Events on standard error: on a terminal,
// one line rewritten in place ("winlint: 12/40 packages  example.com/p"),
// erased when the run ends; with -v, a line per package with the time the
// vet tool took on it ("cached" when go vet replayed it), and a summary.
// On anything but a terminal and without -v it prints nothing.
type progress struct {
	w        io.Writer
	tty      bool // draw the progress line
	verbose  bool // -v
	multi    bool // several GOOS values: name the GOOS
	start    time.Time
	line     int       // width of the progress line on the screen; 0 if none
	last     time.Time // when the line was last drawn
	packages int
	cached   int
}

// newProgress returns the renderer, or nil when there is nothing to show.
func newProgress(w io.Writer, tty, verbose bool, goos []string) *progress {
	if !tty && !verbose {
		return nil
	}
	return &progress{w: w, tty: tty, verbose: verbose, multi: len(goos) > 1, start: time.Now()}
}

// maxLine bounds the progress line, so that it fits a terminal line and
// "\r" rewrites it (the width of the terminal is not known).
const maxLine = 79

// event shows one package done.
func (p *progress) event(e driver.Event) {
	p.packages++
	if e.Cached {
		p.cached++
	}
	pkg := trimTest(e.Package)
	if p.multi {
		pkg = "[" + e.GOOS + "] " + pkg
	}
	if p.verbose {
		p.clear()
		took := "cached"
		if !e.Cached {
			took = e.Elapsed.Round(time.Millisecond).String()
		}
		fmt.Fprintf(p.w, "winlint: %8s  %s\n", took, pkg)
	}
	if !p.tty {
		return
	}
	now := time.Now()
	if p.line > 0 && now.Sub(p.last) < 50*time.Millisecond && (e.Total == 0 || e.Done < e.Total) {
		return // throttle redraws; always draw the last package
	}
	p.last = now
	total := "?"
	if e.Total > 0 {
		total = fmt.Sprint(e.Total)
	}
	s := []rune(fmt.Sprintf("winlint: %d/%s packages  %s", e.Done, total, pkg))
	if len(s) > maxLine {
		s = append(s[:maxLine-1], '…')
	}
	// "\r" and spaces over the rest of the previous line rather than an
	// escape sequence: every terminal, the Windows console included,
	// does what they say.
	fmt.Fprintf(p.w, "\r%s%s", string(s), strings.Repeat(" ", max(0, p.line-len(s))))
	p.line = len(s)
}

// clear erases the progress line.
func (p *progress) clear() {
	if p.line > 0 {
		fmt.Fprintf(p.w, "\r%s\r", strings.Repeat(" ", p.line))
		p.line = 0
	}
}

// finish erases the progress line and, with -v, prints a summary.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.clear()
	if p.verbose {
		fmt.Fprintf(p.w, "winlint: analysed %d %s (%d cached) in %s\n",
			p.packages, plural(p.packages, "package", "packages"), p.cached,
			time.Since(p.start).Round(time.Millisecond))
	}
}

// callback returns the driver's Progress function, nil for no progress.
func (p *progress) callback() func(driver.Event) {
	if p == nil {
		return nil
	}
	return p.event
}

// trimTest shortens go vet's name of a test variant for display:
// "p [p.test]" is shown as "p (tests)".
func trimTest(pkg string) string {
	if name, _, ok := strings.Cut(pkg, " ["); ok {
		return name + " (tests)"
	}
	return pkg
}
