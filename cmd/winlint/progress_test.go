package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/winlint/winlint/internal/driver"
)

func TestProgressQuietWhenNotATerminal(t *testing.T) {
	if p := newProgress(new(bytes.Buffer), false, false, []string{"windows"}); p != nil {
		t.Fatalf("a renderer for a non-terminal without -v: %+v", p)
	}
	var p *progress
	if p.callback() != nil {
		t.Error("a nil renderer has a callback")
	}
	p.finish() // no panic
	if isTerminal(new(bytes.Buffer)) {
		t.Error("a buffer is a terminal")
	}
}

func TestProgressTerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, true, false, []string{"windows"})
	cb := p.callback()
	cb(driver.Event{GOOS: "windows", Package: "example.com/a", Done: 1, Total: 0, Elapsed: time.Second})
	cb(driver.Event{GOOS: "windows", Package: "example.com/b [example.com/b.test]", Done: 2, Total: 3})
	p.last = time.Time{} // not throttled
	cb(driver.Event{GOOS: "windows", Package: "example.com/" + strings.Repeat("x", 100), Done: 3, Total: 3})
	p.finish()
	got := buf.String()
	long := "\rwinlint: 3/3 packages  example.com/" + strings.Repeat("x", 79-len("winlint: 3/3 packages  example.com/")-1) + "…"
	for _, want := range []string{
		"\rwinlint: 1/? packages  example.com/a",
		long + "\r" + strings.Repeat(" ", 79) + "\r",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%q", want, got)
		}
	}
	if !strings.HasSuffix(got, "\r"+strings.Repeat(" ", 79)+"\r") {
		t.Errorf("the line is not erased at the end:\n%q", got)
	}
	// A shorter line covers the rest of the longer one before it.
	buf.Reset()
	p = newProgress(&buf, true, false, []string{"windows"})
	p.event(driver.Event{Package: "example.com/long/name", Done: 1, Total: 2})
	p.last = time.Time{}
	p.event(driver.Event{Package: "example.com/s", Done: 2, Total: 2})
	if want := "\rwinlint: 2/2 packages  example.com/s" + strings.Repeat(" ", len("long/name")-1); !strings.Contains(buf.String(), want) {
		t.Errorf("output lacks %q:\n%q", want, buf.String())
	}
	if strings.Contains(got, "\n") {
		t.Errorf("the progress line scrolls:\n%q", got)
	}
}

func TestProgressVerbose(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, false, true, []string{"windows", "linux"})
	p.callback()(driver.Event{GOOS: "windows", Package: "example.com/b [example.com/b.test]", Done: 1, Total: 2, Elapsed: 1234 * time.Microsecond})
	p.callback()(driver.Event{GOOS: "linux", Package: "example.com/a", Done: 1, Total: 2, Cached: true})
	p.finish()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 3 ||
		lines[0] != "winlint:      1ms  [windows] example.com/b (tests)" ||
		lines[1] != "winlint:   cached  [linux] example.com/a" ||
		!strings.HasPrefix(lines[2], "winlint: analysed 2 packages (1 cached) in ") {
		t.Errorf("-v output:\n%s", buf.String())
	}
	if strings.Contains(buf.String(), "\r") {
		t.Errorf("progress line drawn on a non-terminal:\n%q", buf.String())
	}
}
