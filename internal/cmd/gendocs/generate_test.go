package main

import (
	"testing"
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
