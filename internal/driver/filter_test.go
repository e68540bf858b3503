package driver

import (
	"slices"
	"testing"
)

func TestSelection(t *testing.T) {
	r := &Result{Findings: []*Finding{
		{ID: "WL2001", Message: "a"},
		{ID: "WL2005", Message: "b"},
		{ID: "WL0002", Message: "c"},
		{ID: "WL2001", Message: "d"},
	}}
	ApplyFilters(r, nil, &Selection{Enabled: map[string]bool{"WL2001": true, "WL0002": true}})
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.ID+" "+f.Message)
	}
	slices.Sort(got)
	if want := []string{"WL0002 c", "WL2001 a", "WL2001 d"}; !slices.Equal(got, want) {
		t.Errorf("Selection kept %q, want %q", got, want)
	}
}
