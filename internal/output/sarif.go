package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/driver"
)

// SARIF 2.1.0, as GitHub code scanning accepts it (FACTS G7): the rules
// carry descriptions, help and a help URI; locations are relative to the
// repository root (%SRCROOT%); columns count UTF-16 code units; each result
// has a primaryLocationLineHash fingerprint; automationDetails.id names
// the GOOS configuration, so that uploads for different GOOS values are
// separate categories.

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	sarifRoot    = "%SRCROOT%"
	// InformationURI is winlint's home page.
	InformationURI = "https://github.com/winlint/winlint"
)

type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                   `json:"tool"`
		AutomationDetails  sarifAutomation             `json:"automationDetails"`
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
		ColumnKind         string                      `json:"columnKind"`
		Results            []sarifResult               `json:"results"`
		Invocations        []sarifInvocation           `json:"invocations"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name            string      `json:"name"`
		InformationURI  string      `json:"informationUri"`
		SemanticVersion string      `json:"semanticVersion,omitempty"`
		Version         string      `json:"version,omitempty"`
		Rules           []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string            `json:"id"`
		Name                 string            `json:"name"`
		ShortDescription     sarifText         `json:"shortDescription"`
		FullDescription      sarifText         `json:"fullDescription"`
		Help                 sarifMarkdown     `json:"help"`
		HelpURI              string            `json:"helpUri"`
		DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
		Properties           sarifRuleProperty `json:"properties"`
	}
	sarifRuleConfig struct {
		Level string `json:"level"`
	}
	sarifRuleProperty struct {
		Tags     []string `json:"tags"`
		Severity string   `json:"problem.severity"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifMarkdown struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	sarifAutomation struct {
		ID string `json:"id"`
	}
	sarifResult struct {
		RuleID              string             `json:"ruleId"`
		RuleIndex           int                `json:"ruleIndex"`
		Level               string             `json:"level"`
		Message             sarifText          `json:"message"`
		Locations           []sarifLocation    `json:"locations"`
		RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
		PartialFingerprints map[string]string  `json:"partialFingerprints"`
		Fixes               []sarifFix         `json:"fixes,omitempty"`
		Properties          *sarifResultProper `json:"properties,omitempty"`
	}
	sarifResultProper struct {
		GOOS []string `json:"goos"`
	}
	sarifLocation struct {
		ID               *int             `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLoc `json:"physicalLocation"`
		Message          *sarifText       `json:"message,omitempty"`
	}
	sarifPhysicalLoc struct {
		ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
		Region           *sarifRegion     `json:"region,omitempty"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int  `json:"startLine,omitempty"`
		StartColumn int  `json:"startColumn,omitempty"`
		EndLine     int  `json:"endLine,omitempty"`
		EndColumn   int  `json:"endColumn,omitempty"`
		ByteOffset  *int `json:"byteOffset,omitempty"`
		ByteLength  *int `json:"byteLength,omitempty"`
	}
	sarifFix struct {
		Description     sarifText             `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion `json:"deletedRegion"`
		InsertedContent *sarifText  `json:"insertedContent,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
)

// SARIF writes the report as a SARIF 2.1.0 log with one run.
func SARIF(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r.SARIF())
}

// Category is the GitHub code scanning category of a run over the given
// GOOS values ("winlint/windows", "winlint/linux+windows"): uploads of
// different configurations must not replace each other's alerts.
func Category(goos []string) string {
	if len(goos) == 0 {
		return "winlint"
	}
	return "winlint/" + strings.Join(goos, "+")
}

// SARIF converts the report to a SARIF log.
func (r *Report) SARIF() any {
	root := r.root()
	d := sarifDriver{
		Name:           "winlint",
		InformationURI: InformationURI,
		Rules:          []sarifRule{},
	}
	if v := semver(r.Version); v != "" {
		d.SemanticVersion = v
	} else {
		// A development build: SARIF wants a version starting with a number.
		d.Version = "0.0.0-devel"
	}
	index := make(map[string]int)
	addRule := func(c *catalog.Check) int {
		if i, ok := index[c.ID]; ok {
			return i
		}
		index[c.ID] = len(d.Rules)
		d.Rules = append(d.Rules, sarifRule{
			ID:                   c.ID,
			Name:                 ruleName(c),
			ShortDescription:     sarifText{Text: sentence(c.Title)},
			FullDescription:      sarifText{Text: firstParagraph(c.Doc)},
			Help:                 sarifMarkdown{Text: catalog.Page(c), Markdown: catalog.Page(c)},
			HelpURI:              c.URL(),
			DefaultConfiguration: sarifRuleConfig{Level: level(c.Severity)},
			Properties:           sarifRuleProperty{Tags: []string{"windows", c.Family}, Severity: string(c.Severity)},
		})
		return index[c.ID]
	}
	for _, c := range r.Checks {
		addRule(c)
	}

	run := sarifRun{
		AutomationDetails: sarifAutomation{ID: Category(r.GOOS) + "/"},
		ColumnKind:        "utf16CodeUnits",
		Results:           []sarifResult{},
	}
	if root != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLoc{sarifRoot: {URI: strings.TrimSuffix(fileURI(root), "/") + "/"}}
	}
	seen := make(map[string]int) // fingerprint occurrences per file
	for _, f := range r.Findings {
		c := f.Check
		if c == nil {
			c = &catalog.Check{ID: f.ID, Title: f.ID, Doc: f.ID, Severity: catalog.Warning}
		}
		res := sarifResult{
			RuleID:    c.ID,
			RuleIndex: addRule(c),
			Level:     level(c.Severity),
			Message:   sarifText{Text: sentence(f.Message)},
			Locations: []sarifLocation{{PhysicalLocation: r.sarifPhysical(f.Posn, f.End)}},
		}
		hash := r.lineHash(f)
		key := f.Posn.File + "\x00" + hash
		seen[key]++
		res.PartialFingerprints = map[string]string{"primaryLocationLineHash": fmt.Sprintf("%s:%d", hash, seen[key])}
		for i, rel := range f.Related {
			id := i + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
				ID:               &id,
				PhysicalLocation: r.sarifPhysical(rel.Posn, rel.End),
				Message:          &sarifText{Text: sentence(rel.Message)},
			})
		}
		for _, fix := range f.Fixes {
			res.Fixes = append(res.Fixes, r.sarifFix(fix))
		}
		if goos := r.PartialGOOS(f.GOOS); goos != nil {
			res.Properties = &sarifResultProper{GOOS: goos}
		}
		run.Results = append(run.Results, res)
	}
	run.Tool = sarifTool{Driver: d}

	inv := sarifInvocation{ExecutionSuccessful: !r.Failed()}
	for _, e := range r.Errors {
		msg := e.Message
		if e.Package != "" {
			msg = e.Package + ": " + msg
		}
		if e.Analyzer != "" {
			msg = e.Analyzer + ": " + msg
		}
		n := sarifNotification{Level: "error", Message: sarifText{Text: sentence(msg)}}
		if e.Posn.IsValid() {
			n.Locations = []sarifLocation{{PhysicalLocation: r.sarifPhysical(e.Posn, e.Posn)}}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	run.Invocations = []sarifInvocation{inv}

	return &sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

// root is the directory SARIF and GitHub paths are relative to.
func (r *Report) root() string {
	if r.Root != "" {
		return r.Root
	}
	return r.Dir
}

// RootPath returns file relative to the repository root, with forward
// slashes, or file unchanged (slashed) when it lies outside the root.
func (r *Report) RootPath(file string) string {
	return filepath.ToSlash(RelPath(r.root(), file))
}

func (r *Report) artifact(file string) sarifArtifactLoc {
	rel := r.RootPath(file)
	if filepath.IsAbs(filepath.FromSlash(rel)) {
		return sarifArtifactLoc{URI: fileURI(file)}
	}
	return sarifArtifactLoc{URI: (&url.URL{Path: rel}).EscapedPath(), URIBaseID: sarifRoot}
}

func (r *Report) sarifPhysical(start, end driver.Position) sarifPhysicalLoc {
	loc := sarifPhysicalLoc{ArtifactLocation: r.artifact(start.File)}
	if start.Line > 0 {
		reg := &sarifRegion{StartLine: start.Line}
		if start.Column > 0 {
			reg.StartColumn = r.utf16Column(start)
		}
		if end.File == start.File && end.Line >= start.Line && end.Column > 0 {
			reg.EndLine = end.Line
			reg.EndColumn = r.utf16Column(end)
			if reg.EndLine == reg.StartLine && reg.EndColumn < reg.StartColumn {
				reg.EndColumn = reg.StartColumn
			}
		}
		loc.Region = reg
	}
	return loc
}

func (r *Report) sarifFix(fix driver.Fix) sarifFix {
	out := sarifFix{Description: sarifText{Text: sentence(fix.Message)}}
	byFile := make(map[string]int)
	for _, e := range fix.Edits {
		i, ok := byFile[e.File]
		if !ok {
			i = len(out.ArtifactChanges)
			byFile[e.File] = i
			out.ArtifactChanges = append(out.ArtifactChanges, sarifArtifactChange{ArtifactLocation: r.artifact(e.File)})
		}
		off, length := e.Start, e.End-e.Start
		rep := sarifReplacement{DeletedRegion: sarifRegion{ByteOffset: &off, ByteLength: &length}}
		if e.New != "" {
			rep.InsertedContent = &sarifText{Text: e.New}
		}
		out.ArtifactChanges[i].Replacements = append(out.ArtifactChanges[i].Replacements, rep)
	}
	return out
}

// lineHash hashes what identifies a finding independently of its line
// number: the check, the message and the text of its line with spaces
// removed. GitHub uses it to follow an alert across commits that move it.
func (r *Report) lineHash(f *driver.Finding) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", f.ID, f.Message)
	if text, ok := r.lineText(f.Posn.File, f.Posn.Line); ok {
		h.Write(bytes.Join(bytes.Fields(text), nil))
	} else {
		fmt.Fprintf(h, "%d", f.Posn.Line)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func level(s catalog.Severity) string {
	switch s {
	case catalog.Error:
		return "error"
	case catalog.Note:
		return "note"
	}
	return "warning"
}

// ruleName is a PascalCase name made of the check's family and ID
// ("NetfamilyWL2001"), as SARIF rule names must not contain the ID alone.
func ruleName(c *catalog.Check) string {
	fam := c.Family
	if fam != "" {
		fam = strings.ToUpper(fam[:1]) + fam[1:]
	}
	return fam + c.ID
}

// sentence makes s a sentence: first letter kept, final period added
// (SARIF's message rules want complete sentences).
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!") {
		return s
	}
	return s + "."
}

// firstParagraph returns the first paragraph of a check's Markdown doc
// (with the next one when it ends with a colon), as plain text.
func firstParagraph(doc string) string {
	paras := strings.Split(strings.TrimSpace(doc), "\n\n")
	p := paras[0]
	if strings.HasSuffix(p, ":") && len(paras) > 1 {
		p += " " + paras[1]
	}
	return sentence(strings.Join(strings.Fields(p), " "))
}

// fileURI returns the file: URI of an absolute path.
func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// semver returns v as a SARIF semanticVersion (no "v" prefix, no build
// metadata the schema rejects), or "" if v is not a semantic version.
func semver(v string) string {
	v = strings.TrimPrefix(strings.Fields(v + " ")[0], "v")
	parts := strings.SplitN(strings.SplitN(strings.SplitN(v, "+", 2)[0], "-", 2)[0], ".", 3)
	if len(parts) != 3 {
		return ""
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return ""
		}
	}
	return v
}
