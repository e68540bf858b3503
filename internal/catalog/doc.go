package catalog

import (
	"fmt"
	"strings"
)

// Page renders the documentation page of a check as Markdown: the text of
// docs/checks/<ID>.md and of winlint -explain.
func Page(c *Check) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: %s\n\n", c.ID, c.Title)
	fmt.Fprintf(&b, "| Family | On by default | Severity |\n|---|---|---|\n| %s | %s | %s |\n\n",
		c.Family, yesNo(c.Default), c.Severity)
	if c.Driver {
		b.WriteString("Reported by the `winlint` command only (not by `go vet -vettool` or golangci-lint).\n\n")
	}
	b.WriteString(strings.TrimSpace(c.Doc))
	b.WriteString("\n\n## Bad\n\n```go\n")
	b.WriteString(strings.TrimSpace(c.Bad))
	b.WriteString("\n```\n\n## Good\n\n```go\n")
	b.WriteString(strings.TrimSpace(c.Good))
	b.WriteString("\n```\n")
	return b.String()
}

// Table renders the catalogue as a Markdown table whose IDs link to the
// pages under docsDir (relative to the file that embeds the table).
func Table(checks []*Check, docsDir string) string {
	var b strings.Builder
	b.WriteString("| ID | Family | On by default | Severity | Title |\n|---|---|---|---|---|\n")
	for _, c := range checks {
		fmt.Fprintf(&b, "| [%s](%s/%s.md) | %s | %s | %s | %s |\n",
			c.ID, docsDir, c.ID, c.Family, yesNo(c.Default), c.Severity, c.Title)
	}
	return b.String()
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
