package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/driver"
)

// The formats of other CI systems: checkstyle XML (Jenkins warnings-ng,
// Azure DevOps, GitLab via converters), JUnit XML (GitLab's and Jenkins'
// test reports, Azure DevOps' PublishTestResults) and Code Climate JSON
// (GitLab code quality). All three name files relative to the repository
// root, as those consumers resolve them against the checkout.

// Checkstyle writes the findings in checkstyle's XML format, as checkstyle
// and golangci-lint write it: one <file> per file, one <error> per
// finding, with the check ID in source ("winlint.WL2001"). Severities map
// error→error, warning→warning, note→info. Errors with a position (a type
// error) are <error severity="error" source="winlint">; errors without one
// have no file to belong to and are on standard error only.
func Checkstyle(w io.Writer, r *Report) error {
	type csError struct {
		Line     int    `xml:"line,attr"`
		Column   int    `xml:"column,attr,omitempty"`
		Severity string `xml:"severity,attr"`
		Message  string `xml:"message,attr"`
		Source   string `xml:"source,attr"`
	}
	type csFile struct {
		Name   string    `xml:"name,attr"`
		Errors []csError `xml:"error"`
	}
	doc := struct {
		XMLName xml.Name  `xml:"checkstyle"`
		Version string    `xml:"version,attr"`
		Files   []*csFile `xml:"file"`
	}{Version: "4.3"}
	files := make(map[string]*csFile)
	add := func(file string, e csError) {
		name := r.RootPath(file)
		f := files[name]
		if f == nil {
			f = &csFile{Name: name}
			files[name] = f
			doc.Files = append(doc.Files, f)
		}
		f.Errors = append(f.Errors, e)
	}
	for _, f := range r.Findings {
		sev := severity(f)
		add(f.Posn.File, csError{
			Line:     max(f.Posn.Line, 1),
			Column:   f.Posn.Column,
			Severity: map[catalog.Severity]string{catalog.Error: "error", catalog.Warning: "warning", catalog.Note: "info"}[sev],
			Message:  r.message(f),
			Source:   "winlint." + f.ID,
		})
	}
	for _, e := range r.Errors {
		if e.Posn.IsValid() {
			add(e.Posn.File, csError{Line: e.Posn.Line, Column: e.Posn.Column, Severity: "error", Message: errorMessage(e), Source: "winlint"})
		}
	}
	return writeXML(w, doc)
}

// JUnit writes the findings as a JUnit XML test report, the format of Ant's
// junit task that Jenkins, GitLab and Azure DevOps read: a <testsuite> per
// file with findings, holding a failed <testcase> per finding (named by
// check and position, its class the Go package), and a "winlint" suite
// with an <error> test case per error. A run without findings or errors
// writes one passing test case, so that the report is never empty (Jenkins
// fails on a report without tests).
func JUnit(w io.Writer, r *Report) error {
	type juResult struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	type juCase struct {
		Name      string    `xml:"name,attr"`
		Classname string    `xml:"classname,attr"`
		Time      string    `xml:"time,attr"`
		Failure   *juResult `xml:"failure,omitempty"`
		Error     *juResult `xml:"error,omitempty"`
	}
	type juSuite struct {
		Name     string   `xml:"name,attr"`
		Tests    int      `xml:"tests,attr"`
		Failures int      `xml:"failures,attr"`
		Errors   int      `xml:"errors,attr"`
		Time     string   `xml:"time,attr"`
		Cases    []juCase `xml:"testcase"`
	}
	doc := struct {
		XMLName  xml.Name   `xml:"testsuites"`
		Name     string     `xml:"name,attr"`
		Tests    int        `xml:"tests,attr"`
		Failures int        `xml:"failures,attr"`
		Errors   int        `xml:"errors,attr"`
		Suites   []*juSuite `xml:"testsuite"`
	}{Name: "winlint"}
	suites := make(map[string]*juSuite)
	for _, f := range r.Findings {
		name := r.RootPath(f.Posn.File)
		s := suites[name]
		if s == nil {
			s = &juSuite{Name: name, Time: "0"}
			suites[name] = s
			doc.Suites = append(doc.Suites, s)
		}
		text := fmt.Sprintf("%s:%d:%d: %s", name, f.Posn.Line, f.Posn.Column, r.message(f))
		if c := f.Check; c != nil {
			text += "\n" + c.ID + ": " + c.Title + "\n" + c.URL()
		}
		s.Cases = append(s.Cases, juCase{
			Name:      fmt.Sprintf("%s %s:%d:%d", f.ID, name, f.Posn.Line, f.Posn.Column),
			Classname: f.Package,
			Time:      "0",
			Failure:   &juResult{Message: r.message(f), Type: string(severity(f)), Text: text},
		})
		s.Tests++
		s.Failures++
	}
	if len(r.Errors) > 0 {
		s := &juSuite{Name: "winlint", Time: "0"}
		for _, e := range r.Errors {
			name := "winlint"
			if e.Package != "" {
				name = e.Package
			}
			text := errorMessage(e)
			if e.Posn.IsValid() {
				text = fmt.Sprintf("%s:%d:%d: %s", r.RootPath(e.Posn.File), e.Posn.Line, e.Posn.Column, text)
			}
			s.Cases = append(s.Cases, juCase{
				Name:      name,
				Classname: "winlint",
				Time:      "0",
				Error:     &juResult{Message: "winlint could not analyze a package", Type: "error", Text: text},
			})
			s.Tests++
			s.Errors++
		}
		doc.Suites = append(doc.Suites, s)
	}
	if len(doc.Suites) == 0 {
		doc.Suites = append(doc.Suites, &juSuite{Name: "winlint", Tests: 1, Time: "0",
			Cases: []juCase{{Name: "no findings", Classname: "winlint", Time: "0"}}})
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
	}
	return writeXML(w, doc)
}

// CodeClimate writes the findings as a Code Climate issue array, the
// format of GitLab's code quality report
// (https://docs.gitlab.com/ci/testing/code_quality/): each issue has a
// description, a check_name (the check ID), a fingerprint, a severity
// (error→critical, warning→major, note→info) and a location with the path
// relative to the repository root and the first line. The fingerprint
// hashes the check, the path, the message and the text of the line (not
// its number), so that GitLab follows a finding across commits that move
// it; identical findings on identical lines are told apart by their order.
// Errors are not issues: they are on standard error (and exit 1).
func CodeClimate(w io.Writer, r *Report) error {
	type ccLines struct {
		Begin int `json:"begin"`
		End   int `json:"end,omitempty"`
	}
	type ccLocation struct {
		Path  string  `json:"path"`
		Lines ccLines `json:"lines"`
	}
	type ccIssue struct {
		Type        string `json:"type"`
		CheckName   string `json:"check_name"`
		Description string `json:"description"`
		Content     *struct {
			Body string `json:"body"`
		} `json:"content,omitempty"`
		Categories  []string   `json:"categories"`
		Severity    string     `json:"severity"`
		Fingerprint string     `json:"fingerprint"`
		Location    ccLocation `json:"location"`
	}
	issues := []ccIssue{}
	seen := make(map[string]int)
	for _, f := range r.Findings {
		path := r.RootPath(f.Posn.File)
		h := sha256.New()
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00", f.ID, path, f.Message)
		if text, ok := r.lineText(f.Posn.File, f.Posn.Line); ok {
			h.Write([]byte(strings.Join(strings.Fields(string(text)), "")))
		} else {
			fmt.Fprintf(h, "%d", f.Posn.Line)
		}
		fp := hex.EncodeToString(h.Sum(nil))[:32]
		if n := seen[fp]; n > 0 {
			seen[fp]++
			fp = fmt.Sprintf("%s-%d", fp, n)
		} else {
			seen[fp] = 1
		}
		issue := ccIssue{
			Type:        "issue",
			CheckName:   f.ID,
			Description: r.message(f),
			Categories:  []string{"Bug Risk"},
			Severity:    map[catalog.Severity]string{catalog.Error: "critical", catalog.Warning: "major", catalog.Note: "info"}[severity(f)],
			Fingerprint: fp,
			Location:    ccLocation{Path: path, Lines: ccLines{Begin: max(f.Posn.Line, 1)}},
		}
		if f.End.File == f.Posn.File && f.End.Line > f.Posn.Line {
			issue.Location.Lines.End = f.End.Line
		}
		if c := f.Check; c != nil {
			issue.Content = &struct {
				Body string `json:"body"`
			}{Body: c.Title + "\n\n" + c.URL()}
		}
		issues = append(issues, issue)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "\t")
	return enc.Encode(issues)
}

// severity returns the catalogue severity of a finding (warning for an
// unknown check).
func severity(f *driver.Finding) catalog.Severity {
	if f.Check != nil {
		return f.Check.Severity
	}
	return catalog.Warning
}

// message is a finding's message as the text format ends it: with the check
// ID and, when only some GOOS values reported it, those values.
func (r *Report) message(f *driver.Finding) string {
	msg := catalog.WithID(f.Message, f.ID)
	if goos := r.PartialGOOS(f.GOOS); goos != nil {
		msg += " [" + strings.Join(goos, ",") + "]"
	}
	return msg
}

func errorMessage(e *driver.Error) string {
	msg := e.Message
	if e.Analyzer != "" {
		msg = e.Analyzer + ": " + msg
	}
	if e.Package != "" {
		msg = e.Package + ": " + msg
	}
	return msg
}

func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
