package main

import (
	"os/exec"
	"testing"
)

// Negative: tests build Windows binaries to run them, not to ship them.
func TestBuild(t *testing.T) {
	if err := exec.Command("go", "build", "-o", t.TempDir()+"/app.exe", "./cmd/app").Run(); err != nil {
		t.Fatal(err)
	}
}
