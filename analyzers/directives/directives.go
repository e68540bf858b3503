package directives

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/directive"
)

// Analyzer reports malformed //winlint: directives: WL0001.
var Analyzer = &analysis.Analyzer{
	Name:             "directives",
	Doc:              doc,
	URL:              "https://github.com/winlint/winlint/blob/main/docs/checks/",
	Run:              run,
	RunDespiteErrors: true,
}

func run(pass *analysis.Pass) (any, error) {
	for _, f := range pass.Files {
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if !strings.HasPrefix(c.Text, directive.Prefix) {
					continue
				}
				if d := directive.ParseComment(c.Text); d.Problem != "" {
					verb, _, _ := strings.Cut(c.Text, " ")
					WL0001.Report(pass, c, "%s %s", directive.Escape(verb), d.Problem)
				}
			}
		}
	}
	return nil, nil
}
