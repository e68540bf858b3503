package catalog

import (
	"fmt"
	"path"
	"strings"
)

// DefaultSelection is the -checks value that enables the default checks.
const DefaultSelection = "default"

// Select resolves a staticcheck-style check list against the catalogue and
// returns the set of enabled check IDs.
//
// The list is comma-separated and read left to right: "all" enables every
// check, "default" the checks on by default, an ID or glob ("WL2005",
// "WL2*") enables the matching checks, and a leading "-" disables them
// instead. A list that starts with a negation starts from the default set,
// so "-WL2005" means "the defaults but WL2005".
func Select(families []*Family, spec string) (map[string]bool, error) {
	all := All(families)
	enabled := make(map[string]bool)
	terms := strings.Split(spec, ",")
	for i, term := range terms {
		term = strings.TrimSpace(term)
		if term == "" {
			continue
		}
		if i == 0 && strings.HasPrefix(term, "-") {
			for _, c := range all {
				if c.Default {
					enabled[c.ID] = true
				}
			}
		}
		if err := Apply(families, enabled, term); err != nil {
			return nil, fmt.Errorf("-checks: %w", err)
		}
	}
	return enabled, nil
}

func matchTerm(term string, c *Check) bool {
	switch strings.ToLower(term) {
	case "all", "*":
		return true
	case DefaultSelection:
		return c.Default
	}
	if strings.EqualFold(term, c.Family) {
		return true
	}
	ok, err := path.Match(strings.ToUpper(term), c.ID)
	return err == nil && ok
}
