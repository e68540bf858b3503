package plugin_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"

	"github.com/winlint/winlint"
	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/plugin"
)

// TestRegistered checks the plugin names: "winlint" and one lower-case name
// per check, and that settings are decoded strictly.
func TestRegistered(t *testing.T) {
	newSuite, err := register.GetPlugin(plugin.Name)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range winlint.Checks() {
		if _, err := register.GetPlugin(strings.ToLower(c.ID)); (err == nil) == c.Driver {
			t.Errorf("check %s (reported by the driver: %v): registered: %v", c.ID, c.Driver, err)
		}
	}

	p, err := newSuite(map[string]any{"checks": "default,-WL2005"})
	if err != nil {
		t.Fatal(err)
	}
	if p.GetLoadMode() != register.LoadModeTypesInfo {
		t.Errorf("load mode %q", p.GetLoadMode())
	}
	as, err := p.BuildAnalyzers()
	if err != nil || len(as) == 0 {
		t.Fatalf("BuildAnalyzers = %v, %v", as, err)
	}
	if _, err := newSuite(nil); err != nil {
		t.Errorf("no settings: %v", err)
	}
	for _, bad := range []map[string]any{{"chekcs": "all"}, {"checks": "WL9999"}, {"checks": 3}} {
		if _, err := newSuite(bad); err == nil {
			t.Errorf("settings %v accepted", bad)
		}
	}

	var checks []*catalog.Check
	for _, c := range winlint.Checks() {
		if !c.Driver && c.Family == "netfamily" {
			checks = append(checks, c)
		}
	}
	first := checks[0]
	newCheck, _ := register.GetPlugin(strings.ToLower(first.ID))
	if _, err := newCheck(map[string]any{"checks": "all"}); err == nil {
		t.Errorf("%s accepted settings", first.ID)
	}
	p, err = newCheck(nil)
	if err != nil {
		t.Fatal(err)
	}
	as, err = p.BuildAnalyzers()
	if err != nil || len(as) != 1 || as[0].Name != strings.ToLower(first.ID) {
		t.Fatalf("BuildAnalyzers of %s = %v, %v", first.ID, as, err)
	}
	// The per-check linters of one family share one collecting analyzer.
	second := checks[1]
	newCheck2, _ := register.GetPlugin(strings.ToLower(second.ID))
	p2, _ := newCheck2(nil)
	as2, _ := p2.BuildAnalyzers()
	if first.Family == second.Family && !slices.Equal(as[0].Requires, as2[0].Requires) {
		t.Errorf("%s and %s do not share their family's analyzer", first.ID, second.ID)
	}
}
