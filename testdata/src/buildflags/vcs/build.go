// WL6003: -buildvcs=false in release builds. Outputs have no .exe and GOOS
// is not set, so these are host builds (which may be Windows).
package main

import (
	"os"
	"os/exec"

	"github.com/magefile/mage/sh"
)

//go:generate go build --buildvcs=false -o bin/gen // want `-buildvcs=false strips the VCS revision from bin/gen`

func main() {}

// Positive: on the command line.
func release() error {
	return exec.Command("go", "build", "-buildvcs=false", "-o", "bin/app", ".").Run() // want "-buildvcs=false strips the VCS revision from bin/app: `go version -m` cannot tell which commit it was built from"
}

// Positive: in a GOFLAGS set in code, for a go install.
func install() error {
	os.Setenv("GOFLAGS", "-trimpath -buildvcs=false") // want `GOFLAGS=-buildvcs=false strips the VCS revision from ./cmd/app`
	return exec.Command("go", "install", "./cmd/app").Run()
}

// Positive: mage, -buildvcs=0 (strconv.ParseBool spelling).
func Release() error {
	args := []string{"build", "-o", "dist/app"}
	args = append(args, "-buildvcs=0") // want `-buildvcs=false strips the VCS revision from dist/app`
	return sh.RunV("go", append(args, "./cmd/app")...)
}

// Positive: for Windows explicitly.
func releaseWindows() error {
	return sh.RunWith(map[string]string{"GOOS": "windows"}, "go", "install", "-buildvcs=false", "./cmd/app") // want `-buildvcs=false strips`
}

// Negative: "-buildvcs false" is -buildvcs=true and a package named false.
func spaced() error {
	return exec.Command("go", "build", "-buildvcs", "false", "-o", "bin/app").Run()
}

// Negative: a development build (no -o).
func dev() error {
	return exec.Command("go", "build", "-buildvcs=false", "./...").Run()
}

// Negative: for Linux.
func linux() error {
	return sh.RunWith(map[string]string{"GOOS": "linux"}, "go", "build", "-buildvcs=false", "-o", "dist/app", ".")
}

// Negative: a later -buildvcs wins.
func overridden() error {
	return exec.Command("go", "build", "-buildvcs=false", "-buildvcs=auto", "-o", "bin/app", ".").Run()
}

// Negative: on some paths only (a flag for container builds).
func maybe(inContainer bool) error {
	args := []string{"build", "-o", "bin/app"}
	if inContainer {
		args = append(args, "-buildvcs=false")
	}
	return exec.Command("go", append(args, ".")...).Run()
}

// Negative: a GOFLAGS set only on some paths.
func maybeEnv(ci bool) error {
	if ci {
		os.Setenv("GOFLAGS", "-buildvcs=false")
	}
	return exec.Command("go", "install", "./cmd/app").Run()
}
