// WL6004: a command-line -ldflags replaces the -ldflags in GOFLAGS.
package main

import (
	"os"
	"os/exec"

	"github.com/magefile/mage/sh"
)

//go:generate env GOFLAGS=-ldflags=-H=windowsgui go build "-ldflags=-X main.version=1" // want `-ldflags on the command line replaces GOFLAGS' -ldflags=-H=windowsgui instead of adding to it`

func main() {}

// Positive: GOFLAGS in cmd.Env, -ldflags and its value as two words.
func gui() error {
	cmd := exec.Command("go", "build", "-ldflags", "-s -w", "./cmd/tray") // want `-ldflags on the command line replaces GOFLAGS' -ldflags=-H=windowsgui instead of adding to it, so ./cmd/tray is built without those linker flags`
	cmd.Env = append(os.Environ(), "GOFLAGS=-trimpath -ldflags=-H=windowsgui")
	return cmd.Run()
}

// Positive: GOFLAGS from os.Setenv, a mage command; "all=" and no pattern
// both match the main package.
func Build() error {
	os.Setenv("GOFLAGS", "-ldflags=all=-s")
	return sh.Run("go", "install", "-ldflags=-X=main.commit=abc", "./cmd/app") // want `replaces GOFLAGS' -ldflags=all=-s`
}

// Positive: GOFLAGS in a mage env map.
func BuildWith() error {
	env := map[string]string{"GOFLAGS": "-ldflags=-w"}
	return sh.RunWith(env, "go", "build", "--ldflags=-s", ".") // want `replaces GOFLAGS' -ldflags=-w`
}

// Negative: GOFLAGS without -ldflags.
func trimmed() error {
	cmd := exec.Command("go", "build", "-ldflags=-s -w", ".")
	cmd.Env = append(os.Environ(), "GOFLAGS=-trimpath -mod=mod")
	return cmd.Run()
}

// Negative: -ldflags only in GOFLAGS.
func envOnly() error {
	cmd := exec.Command("go", "build", "-trimpath", ".")
	cmd.Env = append(os.Environ(), "GOFLAGS=-ldflags=-H=windowsgui")
	return cmd.Run()
}

// Negative: GOFLAGS is the user's (not visible here).
func inherited() error {
	return exec.Command("go", "build", "-ldflags=-s", ".").Run()
}

// Negative: GOFLAGS set on some paths only.
func maybe(gui bool) error {
	if gui {
		os.Setenv("GOFLAGS", "-ldflags=-H=windowsgui")
	}
	return exec.Command("go", "build", "-ldflags=-s", ".").Run()
}

// Negative: a pattern for other packages.
func otherPattern() error {
	cmd := exec.Command("go", "build", "-ldflags=-s", ".")
	cmd.Env = append(os.Environ(), "GOFLAGS=-ldflags=example.com/dep=-w")
	return cmd.Run()
}
