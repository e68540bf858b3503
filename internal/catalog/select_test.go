package catalog

import (
	"reflect"
	"sort"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func testFamilies() []*Family {
	mk := func(id string, def bool) *Check {
		return &Check{ID: id, Title: "t", Doc: "d", Bad: "b", Good: "g", Default: def, Severity: Warning}
	}
	return []*Family{
		NewFamily(&analysis.Analyzer{Name: "alpha"}, mk("WL1001", true), mk("WL1002", false)),
		NewFamily(&analysis.Analyzer{Name: "beta"}, mk("WL2001", true), mk("WL2005", true)),
	}
}

func TestSelect(t *testing.T) {
	for _, tc := range []struct {
		spec string
		want []string
	}{
		{"default", []string{"WL1001", "WL2001", "WL2005"}},
		{"all", []string{"WL1001", "WL1002", "WL2001", "WL2005"}},
		{"all,-WL2005", []string{"WL1001", "WL1002", "WL2001"}},
		{"-WL2005", []string{"WL1001", "WL2001"}},
		{"WL2*", []string{"WL2001", "WL2005"}},
		{"wl100?", []string{"WL1001", "WL1002"}},
		{"beta", []string{"WL2001", "WL2005"}},
		{"default,WL1002,-beta", []string{"WL1001", "WL1002"}},
	} {
		got, err := Select(testFamilies(), tc.spec)
		if err != nil {
			t.Errorf("Select(%q): %v", tc.spec, err)
			continue
		}
		var ids []string
		for id := range got {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		if !reflect.DeepEqual(ids, tc.want) {
			t.Errorf("Select(%q) = %v, want %v", tc.spec, ids, tc.want)
		}
	}
	if _, err := Select(testFamilies(), "WL9*"); err == nil {
		t.Error("Select(WL9*) matched nothing but returned no error")
	}
}

func TestConfigureDropsDisabledAndNamesID(t *testing.T) {
	fams := testFamilies()
	var got []analysis.Diagnostic
	fams[1].Analyzer.Run = func(pass *analysis.Pass) (any, error) {
		pass.Report(analysis.Diagnostic{Category: "WL2001", Message: "one"})
		pass.Report(analysis.Diagnostic{Category: "WL2005", Message: "five"})
		return nil, nil
	}
	as := Configure(fams, map[string]bool{"WL2001": true})
	if len(as) != 1 || as[0].Name != "beta" {
		t.Fatalf("Configure kept %v, want only beta", as)
	}
	pass := &analysis.Pass{Report: func(d analysis.Diagnostic) { got = append(got, d) }}
	if _, err := as[0].Run(pass); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Message != "one (WL2001)" {
		t.Errorf("reported %v, want only %q", got, "one (WL2001)")
	}
	if WithoutID(got[0].Message, "WL2001") != "one" {
		t.Errorf("WithoutID did not strip the suffix")
	}
}

func TestStandalone(t *testing.T) {
	fams := testFamilies()
	fams[0].Analyzer.Run = func(pass *analysis.Pass) (any, error) {
		pass.Report(analysis.Diagnostic{Category: "WL1001", Message: "one"})
		pass.Report(analysis.Diagnostic{Category: "WL1002", Message: "two"})
		return nil, nil
	}
	for _, tc := range []struct {
		checks string // "" leaves the flag at its default
		want   []string
	}{
		{"", []string{"one (WL1001)"}}, // WL1002 is off by default
		{"all", []string{"one (WL1001)", "two (WL1002)"}},
		{"WL1002", []string{"two (WL1002)"}},
		{"-WL1001", nil},
	} {
		a := Standalone(fams[0])
		if a.Name != "alpha" {
			t.Fatalf("Standalone renamed the analyzer to %q", a.Name)
		}
		if tc.checks != "" {
			if err := a.Flags.Set("checks", tc.checks); err != nil {
				t.Fatal(err)
			}
		}
		var got []string
		pass := &analysis.Pass{Report: func(d analysis.Diagnostic) { got = append(got, d.Message) }}
		if _, err := a.Run(pass); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("checks=%q: reported %q, want %q", tc.checks, got, tc.want)
		}
	}
	a := Standalone(fams[0])
	a.Flags.Set("checks", "WL2001") // another family's check
	if _, err := a.Run(&analysis.Pass{}); err == nil {
		t.Errorf("checks=WL2001 on family alpha: no error")
	}
}

func TestApply(t *testing.T) {
	set := map[string]bool{"WL1001": true}
	for _, term := range []string{"beta", "-WL2005", " WL1002"} {
		if err := Apply(testFamilies(), set, term); err != nil {
			t.Fatal(err)
		}
	}
	if want := map[string]bool{"WL1001": true, "WL1002": true, "WL2001": true}; !reflect.DeepEqual(set, want) {
		t.Errorf("set %v, want %v", set, want)
	}
	if err := Apply(testFamilies(), set, "-WL9*"); err == nil || err.Error() != `"WL9*" matches no check (see winlint -list)` {
		t.Errorf("error %v", err)
	}
}
