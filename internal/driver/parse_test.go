package driver

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/catalog"
)

var testFamilies = []*catalog.Family{catalog.NewFamily(
	&analysis.Analyzer{Name: "netfamily", Doc: "test"},
	&catalog.Check{ID: "WL2001", Title: "title one", Default: true, Severity: catalog.Warning, Doc: "d", Bad: "b", Good: "g"},
	&catalog.Check{ID: "WL2004", Title: "title four", Default: true, Severity: catalog.Error, Doc: "d", Bad: "b", Good: "g"},
)}

// A go vet -json stream: one indented object per package, as the go
// command copies them from the tool, including an empty one and an
// analyzer error.
const stream = `{
	"example.com/a": {
		"netfamily": [
			{
				"category": "WL2001",
				"posn": "/src/a/main.go:3:12",
				"end": "/src/a/main.go:3:18",
				"message": "listens on IPv6 only (WL2001)",
				"suggested_fixes": [
					{
						"message": "use tcp",
						"edits": [{"filename": "/src/a/main.go", "start": 40, "end": 46, "new": "\"tcp\""}]
					}
				],
				"related": [{"posn": "/src/a/main.go:5:2", "end": "/src/a/main.go:5:9", "message": "closed here"}]
			}
		]
	}
}
{}
{"example.com/b [example.com/b.test]": {"netfamily": {"error": "analyzer failed"}, "other": []}}
{"example.com/c": {"netfamily": [{"posn": "c.go:1:1", "end": "-", "message": "no category"}]}}
`

func TestParseStream(t *testing.T) {
	p := &Parser{Families: testFamilies, Dir: "/work"}
	findings, errs, err := p.ParseStream(strings.NewReader(stream))
	if err != nil {
		t.Fatal(err)
	}
	if len(findings) != 2 {
		t.Fatalf("got %d findings, want 2", len(findings))
	}
	f := findings[0]
	want := &Finding{
		ID:       "WL2001",
		Check:    testFamilies[0].Checks[0],
		Analyzer: "netfamily",
		Package:  "example.com/a",
		Message:  "listens on IPv6 only",
		Posn:     Position{File: "/src/a/main.go", Line: 3, Column: 12, Offset: -1},
		End:      Position{File: "/src/a/main.go", Line: 3, Column: 18, Offset: -1},
		Related: []Related{{
			Posn:    Position{File: "/src/a/main.go", Line: 5, Column: 2, Offset: -1},
			End:     Position{File: "/src/a/main.go", Line: 5, Column: 9, Offset: -1},
			Message: "closed here",
		}},
		Fixes: []Fix{{Message: "use tcp", Edits: []Edit{{File: "/src/a/main.go", Start: 40, End: 46, New: `"tcp"`}}}},
	}
	if !reflect.DeepEqual(f, want) {
		t.Errorf("finding:\ngot  %+v\nwant %+v", f, want)
	}

	g := findings[1]
	if g.ID != "" || g.Check != nil || g.Message != "no category" {
		t.Errorf("finding without category: got %+v", g)
	}
	if wantPos := (Position{File: filepath.Join("/work", "c.go"), Line: 1, Column: 1, Offset: -1}); g.Posn != wantPos || g.End != wantPos {
		t.Errorf("relative position: got %v and end %v, want %v", g.Posn, g.End, wantPos)
	}

	wantErrs := []*Error{{Package: "example.com/b [example.com/b.test]", Analyzer: "netfamily", Message: "analyzer failed"}}
	if !reflect.DeepEqual(errs, wantErrs) {
		t.Errorf("errors: got %+v, want %+v", errs, wantErrs)
	}
}

func TestParseStreamInvalid(t *testing.T) {
	p := &Parser{}
	in := `{"example.com/a": {"netfamily": [{"category": "WL2001", "posn": "a.go:1:2", "message": "m"}]}}
{"example.com/b": {"netfamily": [`
	findings, _, err := p.ParseStream(strings.NewReader(in))
	if err == nil {
		t.Fatal("no error for a truncated stream")
	}
	if len(findings) != 1 {
		t.Errorf("got %d findings decoded before the error, want 1", len(findings))
	}

	for _, bad := range []string{
		`{"p": {"a": {"error": 3}}}`,
		`{"p": {"a": [{"posn": 7}]}}`,
		`[1, 2]`,
	} {
		if _, _, err := p.ParseStream(strings.NewReader(bad)); err == nil {
			t.Errorf("no error for %s", bad)
		}
	}
}

func TestParsePosition(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Position
	}{
		{"", Position{Offset: -1}},
		{"-", Position{Offset: -1}},
		{"/a/b.go:12:3", Position{File: "/a/b.go", Line: 12, Column: 3, Offset: -1}},
		{"b.go:12", Position{File: "b.go", Line: 12, Offset: -1}},
		{"b.go", Position{File: "b.go", Offset: -1}},
		{`C:\src\b.go:4:5`, Position{File: `C:\src\b.go`, Line: 4, Column: 5, Offset: -1}},
		{"odd:name.go:x", Position{File: "odd:name.go:x", Offset: -1}},
	} {
		if got := ParsePosition(tc.in); got != tc.want {
			t.Errorf("ParsePosition(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestOffsets(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	src := "package a\n\nvar x = 1\nvar y = 2" // no final newline
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s := new(Sources)
	for _, tc := range []struct {
		line, col, want int
	}{
		{1, 1, 0},
		{1, 9, 8},
		{1, 10, 9}, // the newline
		{1, 11, -1},
		{2, 1, 10},
		{3, 5, 15},
		{4, 9, 29},
		{4, 10, 30}, // EOF
		{4, 11, -1},
		{5, 1, -1},
		{0, 1, -1},
	} {
		if got := s.Offset(file, tc.line, tc.col); got != tc.want {
			t.Errorf("Offset(%d:%d) = %d, want %d", tc.line, tc.col, got, tc.want)
		}
	}
	if got := s.Offset(filepath.Join(dir, "missing.go"), 1, 1); got != -1 {
		t.Errorf("Offset in a missing file = %d, want -1", got)
	}

	// The parser fills offsets in through Sources.
	p := &Parser{Dir: dir, Sources: s}
	pos := p.position("a.go:3:5")
	if pos.File != file || pos.Offset != 15 {
		t.Errorf("position = %+v, want offset 15 in %s", pos, file)
	}
}
