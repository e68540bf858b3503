package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/winlint/winlint/internal/driver"
)

// TestRDJSONLinear renders 40,000 findings with fixes in one large file:
// converting each edit's offsets to lines scanned the file from its start
// (43 s for this many, issue 14); with the line table it takes
// milliseconds.
func TestRDJSONLinear(t *testing.T) {
	const n = 40000
	dir := t.TempDir()
	file := filepath.Join(dir, "big.go")
	var src strings.Builder
	src.WriteString("package big\n\n")
	starts := make([]int, n)
	for i := range n {
		starts[i] = src.Len() + len("var _ = ")
		fmt.Fprintf(&src, "var _ = %q // line %d of a file large enough to make rescans costly\n", "TCP", i)
	}
	if err := os.WriteFile(file, []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &Report{Dir: dir, Sources: new(driver.Sources), Result: &driver.Result{GOOS: []string{"windows"}}}
	for i, off := range starts {
		p := driver.Position{File: file, Line: i + 3, Column: 9, Offset: off}
		r.Findings = append(r.Findings, &driver.Finding{
			ID: "WL2001", Check: check, Analyzer: "netfamily", Message: "m", Posn: p, End: p,
			Fixes: []driver.Fix{{Edits: []driver.Edit{{File: file, Start: off, End: off + 5, New: `"tcp"`}}}},
		})
	}
	start := time.Now()
	var buf bytes.Buffer
	if err := RDJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("rdjson of %d findings with fixes took %v: not linear", n, d)
	}
	// The last edit's range is right.
	want := fmt.Sprintf(`"range":{"start":{"line":%d,"column":9},"end":{"line":%d,"column":14}}`, n+2, n+2)
	var compact bytes.Buffer
	if err := json.Compact(&compact, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(compact.String(), want) {
		t.Errorf("rdjson lacks %s", want)
	}
}
