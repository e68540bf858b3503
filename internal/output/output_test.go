package output

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/driver"
)

var check = catalog.NewFamily(&analysis.Analyzer{Name: "netfamily", Doc: "test"},
	&catalog.Check{ID: "WL2001", Title: "the title", Default: true, Severity: catalog.Error, Doc: "d", Bad: "b", Good: "g"},
).Checks[0]

func pos(file string, line, col, off int) driver.Position {
	return driver.Position{File: file, Line: line, Column: col, Offset: off}
}

func report(goos ...string) *Report {
	dir := filepath.FromSlash("/work/mod")
	abs := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	return &Report{
		Dir: dir,
		Result: &driver.Result{
			GOOS: goos,
			Findings: []*driver.Finding{
				{
					ID: "WL2001", Check: check, Analyzer: "netfamily", Package: "example.com/mod",
					Message: "listens on IPv6 only",
					Posn:    pos(abs("main.go"), 13, 24, 237), End: pos(abs("main.go"), 13, 30, 243),
					Related: []driver.Related{{Posn: pos(abs("sub/x.go"), 2, 1, 10), End: pos(abs("sub/x.go"), 2, 5, 14), Message: "opened here"}},
					Fixes:   []driver.Fix{{Message: "use tcp", Edits: []driver.Edit{{File: abs("main.go"), Start: 237, End: 243, New: `"tcp"`}}}},
					GOOS:    []string{"linux", "windows"},
				},
				{
					ID: "WL2002", Analyzer: "netfamily", Package: "example.com/mod",
					Message: "mismatch",
					Posn:    pos("/elsewhere/w.go", 7, 32, -1), End: pos("/elsewhere/w.go", 7, 32, -1),
					GOOS: []string{"windows"},
				},
			},
			Errors: []*driver.Error{
				{Message: `go: warning: "./x/..." matched no packages`, GOOS: []string{"linux"}},
				{Package: "example.com/bad", Posn: pos(abs("bad/bad.go"), 8, 14, -1), Message: "type error", GOOS: []string{"linux", "windows"}},
				{Package: "example.com/bad", Analyzer: "netfamily", Message: "panicked\nstack", GOOS: []string{"windows"}},
			},
		},
	}
}

func TestText(t *testing.T) {
	var buf bytes.Buffer
	if err := Text(&buf, report("windows", "linux")); err != nil {
		t.Fatal(err)
	}
	want := filepath.FromSlash("main.go:13:24: listens on IPv6 only (WL2001)\n" +
		"\tsub/x.go:2:1: opened here\n" +
		"/elsewhere/w.go:7:32: mismatch (WL2002) [windows]\n")
	if buf.String() != want {
		t.Errorf("Text:\n%s\nwant:\n%s", buf.String(), want)
	}

	// With one GOOS, no GOOS annotations.
	buf.Reset()
	Text(&buf, report("windows"))
	if strings.Contains(buf.String(), "[") {
		t.Errorf("single-GOOS text names GOOS:\n%s", buf.String())
	}
}

func TestWriteErrors(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteErrors(&buf, report("windows", "linux")); err != nil {
		t.Fatal(err)
	}
	want := filepath.FromSlash(`go: warning: "./x/..." matched no packages [linux]
# example.com/bad
bad/bad.go:8:14: type error
# example.com/bad [windows]
netfamily: panicked
stack
`)
	if buf.String() != want {
		t.Errorf("WriteErrors:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestJSON(t *testing.T) {
	var buf bytes.Buffer
	if err := JSON(&buf, report("windows", "linux")); err != nil {
		t.Fatal(err)
	}
	var got JSONReport
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, buf.String())
	}
	f := got.Findings[0]
	want := JSONFinding{
		ID: "WL2001", Severity: "error", Title: "the title", Message: "listens on IPv6 only",
		URL:      catalog.DocsURL + "WL2001.md",
		Analyzer: "netfamily", Package: "example.com/mod",
		Posn:    JSONPosition{File: "main.go", Line: 13, Column: 24, Offset: 237},
		End:     JSONPosition{File: "main.go", Line: 13, Column: 30, Offset: 243},
		Related: []JSONRelated{{Posn: JSONPosition{File: filepath.FromSlash("sub/x.go"), Line: 2, Column: 1, Offset: 10}, End: JSONPosition{File: filepath.FromSlash("sub/x.go"), Line: 2, Column: 5, Offset: 14}, Message: "opened here"}},
		Fixes:   []JSONFix{{Message: "use tcp", Edits: []JSONEdit{{File: "main.go", Start: 237, End: 243, New: `"tcp"`}}}},
		GOOS:    []string{"linux", "windows"},
	}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("finding:\ngot  %+v\nwant %+v", f, want)
	}
	if g := got.Findings[1]; g.Severity != "warning" || g.Posn.File != "/elsewhere/w.go" || g.Title != "" {
		t.Errorf("finding without a catalogue entry: %+v", g)
	}
	if len(got.Errors) != 3 || got.Errors[0].Posn != nil || got.Errors[1].Posn == nil || got.Errors[1].Posn.File != filepath.FromSlash("bad/bad.go") {
		t.Errorf("errors: %+v", got.Errors)
	}

	// Lists are [] rather than null, in an empty report and in findings
	// without related information or fixes.
	buf.Reset()
	JSON(&buf, &Report{Result: &driver.Result{Findings: []*driver.Finding{{ID: "WL2001"}}}})
	for _, key := range []string{`"goos": []`, `"errors": []`, `"related": []`, `"fixes": []`} {
		if !strings.Contains(buf.String(), key) {
			t.Errorf("JSON lacks %s:\n%s", key, buf.String())
		}
	}
	if strings.Contains(buf.String(), "null") {
		t.Errorf("JSON has null:\n%s", buf.String())
	}
}

func TestLookup(t *testing.T) {
	for _, name := range []string{"text", "json", "sarif", "rdjson", "github", "checkstyle", "junit", "codeclimate"} {
		if _, err := Lookup(name); err != nil {
			t.Errorf("Lookup(%q): %v", name, err)
		}
	}
	if _, err := Lookup("xml"); err == nil || !strings.Contains(err.Error(), "checkstyle, codeclimate, github, json, junit, rdjson, sarif, text") {
		t.Errorf("Lookup(xml) error = %v", err)
	}
}

func TestRelPath(t *testing.T) {
	dir := filepath.FromSlash("/a/b")
	for in, want := range map[string]string{
		"/a/b/c.go":   "c.go",
		"/a/b/d/e.go": filepath.FromSlash("d/e.go"),
		"/a/bc/x.go":  "/a/bc/x.go",
		"/a/x.go":     "/a/x.go",
		"rel.go":      "rel.go",
	} {
		if got := RelPath(dir, filepath.FromSlash(in)); got != filepath.FromSlash(want) {
			t.Errorf("RelPath(%s) = %s, want %s", in, got, want)
		}
	}
}
