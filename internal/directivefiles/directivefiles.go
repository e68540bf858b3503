package directivefiles

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint/internal/directive"
)

// Name is the analyzer's name, under which go vet -json reports its
// diagnostics.
const Name = "directivefiles"

// Message is the message of its diagnostics.
const Message = "file holds winlint directives"

// Analyzer reports each file of the package that holds a line comment
// starting with //winlint:, at the first such comment.
var Analyzer = &analysis.Analyzer{
	Name:             Name,
	Doc:              "report the files that hold //winlint: directives (for the winlint driver)",
	URL:              "https://github.com/winlint/winlint/blob/main/internal/directivefiles",
	Run:              run,
	RunDespiteErrors: true,
}

func run(pass *analysis.Pass) (any, error) {
	for _, f := range pass.Files {
	comments:
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if strings.HasPrefix(c.Text, directive.Prefix) {
					pass.Report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Message: Message})
					break comments
				}
			}
		}
	}
	return nil, nil
}
