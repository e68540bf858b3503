package main

import (
	"os/exec"
	"testing"
)

// Negative: a test's build.
func TestInstall(t *testing.T) {
	exec.Command("go", "build", "-buildvcs=false", "-o", t.TempDir()+"/app", ".").Run()
}
