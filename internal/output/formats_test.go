package output

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/winlint/winlint/internal/driver"
)

// annotation is a GitHub workflow command as the runner parses it.
type annotation struct {
	Command    string
	Properties map[string]string
	Message    string
}

// parseWorkflowCommand parses "::cmd k=v,k=v::message" the way GitHub's
// runner does (actions/runner ActionCommand.TryParseV2): the properties
// end at the first "::", are split on ',' and then on the first '=', and
// values and message are unescaped.
func parseWorkflowCommand(line string) (*annotation, error) {
	if !strings.HasPrefix(line, "::") {
		return nil, fmt.Errorf("not a command: %q", line)
	}
	rest := line[2:]
	end := strings.Index(rest, "::")
	if end < 0 {
		return nil, fmt.Errorf("no message separator: %q", line)
	}
	head, msg := rest[:end], rest[end+2:]
	a := &annotation{Properties: map[string]string{}, Message: unescapeData(msg)}
	cmd, props, _ := strings.Cut(head, " ")
	a.Command = cmd
	if props != "" {
		for _, p := range strings.Split(props, ",") {
			k, v, ok := strings.Cut(p, "=")
			if !ok {
				return nil, fmt.Errorf("bad property %q in %q", p, line)
			}
			a.Properties[k] = unescapeProperty(v)
		}
	}
	return a, nil
}

func unescapeData(s string) string {
	return strings.NewReplacer("%0D", "\r", "%0A", "\n", "%25", "%").Replace(s)
}

func unescapeProperty(s string) string {
	return strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%").Replace(s)
}

// TestGitHubEscaping writes annotations whose file names, titles and
// messages hold every character workflow commands escape, and parses them
// back as the runner does.
func TestGitHubEscaping(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "we,ird:na%me.go")
	src := "package p\n\nvar s = \"é😀\"; var x = 1\n"
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	c := *check
	c.Title = "title with: colon, comma and 100% percent"
	byteCol := strings.Index(src, "var x") - strings.Index(src, "var s") + 1
	r := &Report{
		Dir: dir, Root: dir, Sources: new(driver.Sources),
		Result: &driver.Result{GOOS: []string{"windows"}, Findings: []*driver.Finding{{
			ID: "WL2001", Check: &c,
			Message: "line one: 50% of\nline two, and\r\nthree ::warning::injected",
			Posn:    pos(name, 3, byteCol, -1), End: pos(name, 3, byteCol+9, -1),
		}}},
	}
	var buf bytes.Buffer
	if err := GitHub(&buf, r); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 1 {
		t.Fatalf("want one line, got %q", buf.String())
	}
	a, err := parseWorkflowCommand(lines[0])
	if err != nil {
		t.Fatal(err)
	}
	wantCol := byteCol - 3 // é: 2 bytes, 1 UTF-16 unit; 😀: 4 bytes, 2 units
	want := map[string]string{
		"file": "we,ird:na%me.go", "line": "3", "col": strconv.Itoa(wantCol),
		"endLine": "3", "endColumn": strconv.Itoa(wantCol + 9),
		"title": "WL2001: title with: colon, comma and 100% percent",
	}
	if a.Command != "error" {
		t.Errorf("command %q, want error (the check's severity)", a.Command)
	}
	for k, v := range want {
		if a.Properties[k] != v {
			t.Errorf("property %s = %q, want %q (line %q)", k, a.Properties[k], v, lines[0])
		}
	}
	if wantMsg := r.Findings[0].Message + " (WL2001)"; a.Message != wantMsg {
		t.Errorf("message %q, want %q", a.Message, wantMsg)
	}
	// "::" inside the message is harmless: the runner splits at the first
	// one, and escaped line breaks keep the message on one line.
}

// TestGitHubLevels checks the severities and the errors' annotations.
func TestGitHubLevels(t *testing.T) {
	var buf bytes.Buffer
	r := report("windows")
	if err := GitHub(&buf, r); err != nil {
		t.Fatal(err)
	}
	var cmds []string
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		a, err := parseWorkflowCommand(sc.Text())
		if err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, a.Command+" "+a.Properties["file"])
	}
	want := []string{"error main.go", "warning /elsewhere/w.go", "error ", "error bad/bad.go", "error "}
	if strings.Join(cmds, "|") != strings.Join(want, "|") {
		t.Errorf("commands %q, want %q", cmds, want)
	}
}

// TestRDJSON checks reviewdog's requirements: upper-case severities, byte
// columns, the check as code, the first fix as suggestions.
func TestRDJSON(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "main.go")
	src := "package main\n\nimport \"net\"\n\nfunc f() { net.Listen(\"tcp6\", \":80\") }\n"
	if err := os.WriteFile(name, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	start := strings.Index(src, `"tcp6"`)
	r := &Report{
		Dir: dir, Sources: new(driver.Sources),
		Result: &driver.Result{Findings: []*driver.Finding{{
			ID: "WL2001", Check: check, Message: "listens on IPv6 only",
			Posn:  pos(name, 5, 23, start),
			End:   pos(name, 5, 29, start+6),
			Fixes: []driver.Fix{{Message: "use tcp", Edits: []driver.Edit{{File: name, Start: start, End: start + 6, New: `"tcp"`}}}},
		}}},
	}
	var buf bytes.Buffer
	if err := RDJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Source      struct{ Name string }
		Diagnostics []struct {
			Message  string
			Severity string
			Location struct {
				Path  string
				Range struct{ Start, End struct{ Line, Column int } }
			}
			Code        struct{ Value, URL string }
			Suggestions []struct {
				Range struct{ Start, End struct{ Line, Column int } }
				Text  string
			}
		}
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	d := got.Diagnostics[0]
	if got.Source.Name != "winlint" || d.Severity != "ERROR" || d.Code.Value != "WL2001" || d.Code.URL != check.URL() ||
		d.Location.Path != "main.go" || d.Location.Range.Start.Line != 5 || d.Location.Range.Start.Column != 23 {
		t.Errorf("diagnostic %+v", d)
	}
	if len(d.Suggestions) != 1 {
		t.Fatalf("suggestions %+v", d.Suggestions)
	}
	s := d.Suggestions[0]
	if s.Text != `"tcp"` || s.Range.Start.Line != 5 || s.Range.Start.Column != 23 || s.Range.End.Line != 5 || s.Range.End.Column != 29 {
		t.Errorf("suggestion %+v", s)
	}
	for sev, want := range map[string]string{"error": "ERROR", "warning": "WARNING", "note": "INFO"} {
		if got := rdSeverity(catalogSeverity(sev)); got != want {
			t.Errorf("rdSeverity(%s) = %s", sev, got)
		}
	}
}
