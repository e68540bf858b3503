// Package analysedfiles defines an analyzer that tells the winlint driver
// which files the analysis read, and what they held.
//
// Suggested fixes are byte offsets into the files as analysed. Before the
// driver applies one it checks that the file still holds that content
// (its SHA-256), and that the file is one the analysis read: a //line
// directive renames positions (to a .y grammar, say), and go vet's JSON
// names edits by the renamed file but with the offsets of the .go file.
// It also learns which files are generated and which names their //line
// directives use, so that findings renamed that way stay skipped like the
// rest of a generated file.
//
// Like internal/directivefiles, the vet tool runs it only when the driver
// asks (-driver), and go vet caches its output with the package's
// findings. Its diagnostics are not findings: the driver sets them apart.
package analysedfiles

import (
	"encoding/json"
	"go/ast"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/fixes"
)

// Name is the analyzer's name, under which go vet -json reports its
// diagnostics.
const Name = "analysedfiles"

// A File is what the message of one diagnostic holds, as JSON.
type File struct {
	Name      string   `json:"file"`             // the file read (absolute), not renamed by //line
	SHA256    string   `json:"sha256,omitempty"` // of its content as parsed; "" if it changed while being read
	Generated bool     `json:"generated,omitempty"`
	LineNames []string `json:"line_names,omitempty"` // the other file names its //line directives use
}

// Parse decodes the message of a diagnostic of the analyzer.
func Parse(message string) (*File, bool) {
	var f File
	if err := json.Unmarshal([]byte(message), &f); err != nil || f.Name == "" {
		return nil, false
	}
	return &f, true
}

// Analyzer reports one diagnostic per file of the package, at its package
// clause, whose message is a File in JSON.
var Analyzer = &analysis.Analyzer{
	Name:             Name,
	Doc:              "report the files the analysis read and their SHA-256 (for the winlint driver)",
	URL:              "https://github.com/winlint/winlint/blob/main/internal/analysedfiles",
	Run:              run,
	RunDespiteErrors: true,
}

func run(pass *analysis.Pass) (any, error) {
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.Pos())
		if tf == nil {
			continue
		}
		info := File{Name: tf.Name(), Generated: ast.IsGenerated(f)}
		if data, err := pass.ReadFile(tf.Name()); err == nil && len(data) == tf.Size() {
			info.SHA256 = fixes.Hash(data)
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !strings.HasPrefix(c.Text, "//line ") && !strings.HasPrefix(c.Text, "/*line ") {
					continue
				}
				at := c.End()
				if strings.HasPrefix(c.Text, "//") {
					line := fixes.Line(tf, c.Pos())
					if line >= tf.LineCount() {
						continue
					}
					at = tf.LineStart(line + 1)
				}
				name := pass.Fset.PositionFor(at, true).Filename
				if name != "" && filepath.Clean(name) != filepath.Clean(tf.Name()) && !slices.Contains(info.LineNames, name) {
					info.LineNames = append(info.LineNames, name)
				}
			}
		}
		msg, err := json.Marshal(info)
		if err != nil {
			return nil, err
		}
		pass.Report(analysis.Diagnostic{Pos: f.Package, Message: string(msg)})
	}
	return nil, nil
}
