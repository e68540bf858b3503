package plugin

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

// Run for a GOOS other than windows, the plugin warns once (however many
// linters are built), fails with non-windows: error, and is silent with
// non-windows: ignore or under GOOS=windows.
func TestNonWindows(t *testing.T) {
	oldGOOS, oldW := currentGOOS, warnings
	t.Cleanup(func() { currentGOOS, warnings, warnOnce = oldGOOS, oldW, sync.Once{} })
	var buf bytes.Buffer
	warnings = &buf
	goos := "linux"
	currentGOOS = func() string { return goos }

	reset := func() { buf.Reset(); warnOnce = sync.Once{} }
	reset()
	if _, err := newSuite(nil); err != nil {
		t.Fatal(err)
	}
	if _, err := newSuite(map[string]any{"non-windows": "warn"}); err != nil {
		t.Fatal(err)
	}
	if _, err := newCheck(nil, nil)(nil); err != nil {
		t.Fatal(err)
	}
	if got := buf.String(); strings.Count(got, "winlint: warning: golangci-lint runs with GOOS=linux") != 1 ||
		!strings.Contains(got, "run GOOS=windows golangci-lint run") || !strings.Contains(got, "non-windows: ignore") {
		t.Errorf("want one warning, got %q", got)
	}

	reset()
	_, err := newSuite(map[string]any{"non-windows": "error"})
	if err == nil || !strings.Contains(err.Error(), "GOOS=linux") || buf.Len() != 0 {
		t.Errorf("non-windows: error: %v, warning %q", err, buf.String())
	}
	if _, err := newSuite(map[string]any{"non-windows": "ignore"}); err != nil || buf.Len() != 0 {
		t.Errorf("non-windows: ignore: %v, warning %q", err, buf.String())
	}
	if _, err := newSuite(map[string]any{"non-windows": "maybe"}); err == nil {
		t.Error("non-windows: maybe accepted")
	}

	goos = "windows"
	for _, mode := range []string{"", "warn", "error"} {
		if _, err := newSuite(map[string]any{"non-windows": mode}); err != nil || buf.Len() != 0 {
			t.Errorf("GOOS=windows, non-windows %q: %v, warning %q", mode, err, buf.String())
		}
	}
}
