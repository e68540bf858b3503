package nogo_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/winlint/winlint"
	"github.com/winlint/winlint/nogo/buildflags"
	"github.com/winlint/winlint/nogo/console"
	"github.com/winlint/winlint/nogo/directives"
	"github.com/winlint/winlint/nogo/filehandle"
	"github.com/winlint/winlint/nogo/netfamily"
	"github.com/winlint/winlint/nogo/nulpath"
	"github.com/winlint/winlint/nogo/paths"
	"github.com/winlint/winlint/nogo/process"
	"github.com/winlint/winlint/nogo/rawfd"
	"github.com/winlint/winlint/nogo/svcstop"
)

// TestEveryFamily checks that every family of winlint.Families has its
// nogo package (nogo/<name>), exporting an analyzer of the same name (the
// key of nogo's configuration) with the "checks" flag. (internal/hosts's
// TestNogo runs them under rules_go's nogo.)
func TestEveryFamily(t *testing.T) {
	byName := map[string]*analysis.Analyzer{}
	for _, a := range []*analysis.Analyzer{
		buildflags.Analyzer, directives.Analyzer, filehandle.Analyzer, netfamily.Analyzer,
		nulpath.Analyzer, rawfd.Analyzer, svcstop.Analyzer, process.Analyzer, console.Analyzer,
		paths.Analyzer,
	} {
		byName[a.Name] = a
	}
	for _, f := range winlint.Families {
		a := byName[f.Analyzer.Name]
		if a == nil {
			t.Errorf("family %s has no package nogo/%s", f.Analyzer.Name, f.Analyzer.Name)
			continue
		}
		delete(byName, f.Analyzer.Name)
		if a == f.Analyzer {
			t.Errorf("nogo/%s exports the family's analyzer itself, not catalog.Standalone's", f.Analyzer.Name)
		}
		fl := a.Flags.Lookup("checks")
		if fl == nil || fl.DefValue != "default" {
			t.Errorf("nogo/%s: analyzer has no -checks flag defaulting to \"default\"", f.Analyzer.Name)
		}
		if len(a.FactTypes) != len(f.Analyzer.FactTypes) || len(a.Requires) != len(f.Analyzer.Requires) {
			t.Errorf("nogo/%s: fact types or requirements differ from the family's analyzer", f.Analyzer.Name)
		}
	}
	for name := range byName {
		t.Errorf("nogo/%s: no such family in winlint.Families", name)
	}
}
