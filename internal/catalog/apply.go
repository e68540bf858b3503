package catalog

import (
	"fmt"
	"strings"
)

// Apply applies one term of a check list ("all", "default", an ID, a glob,
// a family name; with a leading "-" to disable) to the set enabled, in
// place, as Select does for each of its terms. It reports a term that
// matches no check.
func Apply(families []*Family, enabled map[string]bool, term string) error {
	term = strings.TrimSpace(term)
	on := !strings.HasPrefix(term, "-")
	name := strings.TrimPrefix(term, "-")
	matched := false
	for _, c := range All(families) {
		if matchTerm(name, c) {
			matched = true
			if on {
				enabled[c.ID] = true
			} else {
				delete(enabled, c.ID)
			}
		}
	}
	if !matched {
		return fmt.Errorf("%q matches no check (see winlint -list)", name)
	}
	return nil
}
