package output

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/winlint/winlint/internal/driver"
)

// validateXML validates doc against the XML schema xsd with xmllint
// (Debian package libxml2-utils). It skips the test when xmllint is
// missing, unless CI is set.
func validateXML(t *testing.T, xsd string, doc []byte) error {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is missing (apt-get install libxml2-utils; .ci/run installs it)")
		}
		t.Skip("xmllint is missing (apt-get install libxml2-utils)")
	}
	cmd := exec.Command(xmllint, "--noout", "--schema", xsd, "-")
	cmd.Stdin = bytes.NewReader(doc)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%v: %s", err, out)
	}
	return nil
}

var (
	checkstyleXSD = filepath.Join("testdata", "checkstyle.xsd")
	junitXSD      = filepath.Join("testdata", "junit.xsd")
)

func render(t *testing.T, format Format, r *Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := format(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// emptyReport is a run without findings or errors.
func emptyReport() *Report {
	return &Report{Dir: "/work/mod", Result: &driver.Result{GOOS: []string{"windows"}}}
}

func TestCheckstyle(t *testing.T) {
	r := report("windows", "linux")
	doc := render(t, Checkstyle, r)
	if err := validateXML(t, checkstyleXSD, doc); err != nil {
		t.Fatalf("invalid checkstyle report: %v\n%s", err, doc)
	}
	if err := validateXML(t, checkstyleXSD, render(t, Checkstyle, emptyReport())); err != nil {
		t.Errorf("invalid empty checkstyle report: %v", err)
	}
	// The schema rejects what checkstyle consumers reject: the test can fail.
	broken := bytes.Replace(doc, []byte(`severity="error"`), []byte(`severity="fatal"`), 1)
	if err := validateXML(t, checkstyleXSD, broken); err == nil {
		t.Errorf("the schema accepts an unknown severity:\n%s", broken)
	}

	var got struct {
		Files []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	if err := xml.Unmarshal(doc, &got); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range got.Files {
		for _, e := range f.Errors {
			lines = append(lines, fmt.Sprintf("%s:%d:%d %s %s %s", f.Name, e.Line, e.Column, e.Severity, e.Source, e.Message))
		}
	}
	want := []string{
		"main.go:13:24 error winlint.WL2001 listens on IPv6 only (WL2001)",
		"/elsewhere/w.go:7:32 warning winlint.WL2002 mismatch (WL2002) [windows]",
		"bad/bad.go:8:14 error winlint example.com/bad: type error",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("checkstyle errors:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestJUnit(t *testing.T) {
	r := report("windows", "linux")
	doc := render(t, JUnit, r)
	if err := validateXML(t, junitXSD, doc); err != nil {
		t.Fatalf("invalid JUnit report: %v\n%s", err, doc)
	}
	broken := bytes.Replace(doc, []byte(`<testcase name=`), []byte(`<testcase nom=`), 1)
	if err := validateXML(t, junitXSD, broken); err == nil {
		t.Errorf("the schema accepts a test case without a name:\n%s", broken)
	}

	type result struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	type suites struct {
		Tests    int `xml:"tests,attr"`
		Failures int `xml:"failures,attr"`
		Errors   int `xml:"errors,attr"`
		Suites   []struct {
			Name     string `xml:"name,attr"`
			Tests    int    `xml:"tests,attr"`
			Failures int    `xml:"failures,attr"`
			Errors   int    `xml:"errors,attr"`
			Cases    []struct {
				Name      string  `xml:"name,attr"`
				Classname string  `xml:"classname,attr"`
				Failure   *result `xml:"failure"`
				Error     *result `xml:"error"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	var got suites
	if err := xml.Unmarshal(doc, &got); err != nil {
		t.Fatal(err)
	}
	if got.Tests != 5 || got.Failures != 2 || got.Errors != 3 || len(got.Suites) != 3 {
		t.Fatalf("counts: %+v", got)
	}
	c := got.Suites[0].Cases[0]
	if got.Suites[0].Name != "main.go" || c.Name != "WL2001 main.go:13:24" || c.Classname != "example.com/mod" ||
		c.Failure == nil || c.Failure.Type != "error" || c.Failure.Message != "listens on IPv6 only (WL2001)" ||
		!strings.Contains(c.Failure.Text, check.URL()) {
		t.Errorf("first suite %+v, case %+v", got.Suites[0], c)
	}
	if s := got.Suites[2]; s.Name != "winlint" || s.Errors != 3 || s.Cases[1].Error == nil ||
		!strings.HasPrefix(s.Cases[1].Error.Text, "bad/bad.go:8:14: example.com/bad: type error") {
		t.Errorf("errors suite %+v", s)
	}

	// No findings: one passing test, so that Jenkins does not fail on an
	// empty report.
	doc = render(t, JUnit, emptyReport())
	if err := validateXML(t, junitXSD, doc); err != nil {
		t.Fatalf("invalid empty JUnit report: %v\n%s", err, doc)
	}
	got = suites{}
	if err := xml.Unmarshal(doc, &got); err != nil {
		t.Fatal(err)
	}
	if got.Tests != 1 || got.Failures != 0 || len(got.Suites) != 1 || got.Suites[0].Cases[0].Failure != nil {
		t.Errorf("empty report: %+v", got)
	}
}

// checkCodeClimate checks a code quality report against GitLab's
// documented requirements (docs.gitlab.com/ci/testing/code_quality/,
// "Code Quality report format"): a JSON array of objects, each with a
// string description, check_name and fingerprint (unique in the report), a
// severity among info, minor, major, critical and blocker, and a location
// with a path (relative to the repository root: GitLab cannot place an
// absolute one) and lines.begin (a line number). It returns the problems
// found.
func checkCodeClimate(doc []byte, allowAbsolute func(string) bool) []string {
	var problems []string
	var issues []map[string]any
	if err := json.Unmarshal(doc, &issues); err != nil {
		return []string{fmt.Sprintf("not a JSON array of objects: %v", err)}
	}
	seen := make(map[string]bool)
	for i, is := range issues {
		bad := func(format string, args ...any) {
			problems = append(problems, fmt.Sprintf("issue %d: ", i)+fmt.Sprintf(format, args...))
		}
		for _, field := range []string{"description", "check_name", "fingerprint"} {
			if s, ok := is[field].(string); !ok || s == "" {
				bad("%s is not a non-empty string: %v", field, is[field])
			}
		}
		if fp, _ := is["fingerprint"].(string); seen[fp] {
			bad("fingerprint %q is not unique", fp)
		} else {
			seen[fp] = true
		}
		if sev, _ := is["severity"].(string); !slices.Contains([]string{"info", "minor", "major", "critical", "blocker"}, sev) {
			bad("severity %v is not one of info, minor, major, critical, blocker", is["severity"])
		}
		loc, _ := is["location"].(map[string]any)
		path, _ := loc["path"].(string)
		if path == "" || (filepath.IsAbs(path) || strings.HasPrefix(path, "/")) && !allowAbsolute(path) ||
			strings.HasPrefix(path, "./") || strings.HasPrefix(path, "../") || strings.Contains(path, `\`) {
			bad("location.path %q is not a slash-separated path relative to the repository root", path)
		}
		lines, _ := loc["lines"].(map[string]any)
		if begin, ok := lines["begin"].(float64); !ok || begin < 1 || begin != float64(int(begin)) {
			bad("location.lines.begin %v is not a line number", lines["begin"])
		}
	}
	return problems
}

func TestCodeClimate(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "sub", "a.go")
	os.MkdirAll(filepath.Dir(name), 0o755)
	// Two identical findings on identical lines get different fingerprints.
	src := "package p\n\nvar x = f(\"tcp6\")\n\nvar y = f(\"tcp6\")\n"
	os.WriteFile(name, []byte(src), 0o644)
	r := report("windows", "linux")
	r.Root = "/work"
	r.Sources = new(driver.Sources)
	for _, line := range []int{3, 5} {
		r.Findings = append(r.Findings, &driver.Finding{
			ID: "WL2001", Check: check, Message: "same", Posn: pos(name, line, 9, -1), End: pos(name, line, 15, -1),
		})
	}
	r.Dir, r.Root = dir, dir
	doc := render(t, CodeClimate, r)
	outside := func(p string) bool { return p == "/elsewhere/w.go" || strings.HasPrefix(p, "/work/mod/") }
	if problems := checkCodeClimate(doc, outside); len(problems) > 0 {
		t.Fatalf("invalid code quality report:\n%s\n%s", strings.Join(problems, "\n"), doc)
	}
	var got []struct {
		CheckName   string `json:"check_name"`
		Description string
		Severity    string
		Fingerprint string
		Location    struct {
			Path  string
			Lines struct{ Begin int }
		}
	}
	if err := json.Unmarshal(doc, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Fatalf("%d issues, want 4:\n%s", len(got), doc)
	}
	if g := got[0]; g.CheckName != "WL2001" || g.Severity != "critical" || g.Description != "listens on IPv6 only (WL2001)" {
		t.Errorf("first issue %+v", g)
	}
	if g := got[1]; g.Severity != "major" || g.Description != "mismatch (WL2002) [windows]" {
		t.Errorf("second issue %+v", g)
	}
	if g := got[2]; g.Location.Path != "sub/a.go" || g.Location.Lines.Begin != 3 {
		t.Errorf("third issue %+v", g)
	}

	// The checker rejects what GitLab rejects: the test can fail.
	for _, broken := range []string{
		`{"description":"x"}`,
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"warning","location":{"path":"a.go","lines":{"begin":1}}}]`,
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"major","location":{"path":"/abs/a.go","lines":{"begin":1}}}]`,
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"major","location":{"path":"a.go","lines":{}}}]`,
		`[{"description":"d","check_name":"c","fingerprint":"f","severity":"major","location":{"path":"a.go","lines":{"begin":1}}},` +
			`{"description":"d","check_name":"c","fingerprint":"f","severity":"major","location":{"path":"a.go","lines":{"begin":2}}}]`,
	} {
		if problems := checkCodeClimate([]byte(broken), func(string) bool { return false }); len(problems) == 0 {
			t.Errorf("accepted %s", broken)
		}
	}

	// No findings: an empty array, not null.
	if doc := strings.TrimSpace(string(render(t, CodeClimate, emptyReport()))); doc != "[]" {
		t.Errorf("empty report: %s", doc)
	}
}
