package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/winlint/winlint"
	"github.com/winlint/winlint/internal/catalog"
)

// TestDocsUpToDate fails when docs/checks or the README table do not match
// the catalogue; run `go generate ./...` from the module root to fix it.
func TestDocsUpToDate(t *testing.T) {
	files, err := Generate("../../..")
	if err != nil {
		t.Fatal(err)
	}
	stale, err := Stale("../../..", files)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range stale {
		t.Errorf("%s is stale: run `go generate ./...` from the module root", name)
	}
	orphans, err := Orphans("../../..", files)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range orphans {
		t.Errorf("%s documents no check: run `go generate ./...` from the module root", name)
	}
}

// TestDocsStandAlone fails when a check's page (docs/checks/*.md, the text
// of winlint -explain), the README or CONTRIBUTING.md cites a document users
// do not have: the design notes kept outside the repository ("FACTS A1",
// ../shared/). Pages cite public sources: Microsoft documentation, Go
// source files, golang/go issues.
func TestDocsStandAlone(t *testing.T) {
	private := regexp.MustCompile(`\bFACTS\b|\.\./shared/|DESIGN\.md`)
	for _, c := range winlint.Checks() {
		if m := private.FindString(catalog.Page(c)); m != "" {
			t.Errorf("%s: its page (and -explain) cites %q, which users do not have", c.ID, m)
		}
	}
	pages, err := filepath.Glob(filepath.Join("../../..", ChecksDir, "*.md"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages under %s: %v", ChecksDir, err)
	}
	for _, name := range append(pages, "../../../README.md", "../../../CONTRIBUTING.md") {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			if m := private.FindString(line); m != "" {
				t.Errorf("%s:%d cites %q, which users do not have", filepath.Base(name), i+1, m)
			}
		}
	}
}
