// WL6002: Windows release builds in a build tool that never signs them.
// This package runs no signer anywhere (a package that does is silent).
package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/magefile/mage/mg"
	"github.com/magefile/mage/sh"
)

//go:generate env GOOS=windows go build -trimpath -o app.exe // want `windows release build of app.exe has no signing step after it in the package's go:generate directives`

func main() {}

// Positive: a .exe output, arguments as literals.
func releaseExe() error {
	return exec.Command("go", "build", "-o", "dist/app.exe", "./cmd/app").Run() // want `windows release build of dist/app.exe has no signing step after it in this function; sign it \(signtool, osslsigncode, AzureSignTool, jsign\)`
}

// Positive: GOOS=windows in cmd.Env, the arguments in a slice built with
// append.
func releaseEnv(version string) error {
	args := []string{"build", "-trimpath"}
	args = append(args, "-ldflags", "-s -w -X main.version="+version)
	args = append(args, "-o", "dist/app", "./cmd/app")
	cmd := exec.Command("go", args...) // want `windows release build of dist/app has no signing step`
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64")
	return cmd.Run()
}

// Positive: mage, with GOOS in the env map and mg.GoCmd().
func ReleaseMage(name string) error {
	env := map[string]string{"GOOS": "windows", "CGO_ENABLED": "0"}
	return sh.RunWith(env, mg.GoCmd(), "build", "-o", filepath.Join("dist", name+".exe"), ".") // want `windows release build of …\.exe has no signing step`
}

// Positive: a command made with sh.RunCmd and called later.
func ReleaseTool() error {
	goBuild := sh.RunCmd("go", "build", "-trimpath")
	return goBuild("-o", "bin/tool.exe", "./cmd/tool") // want `windows release build of bin/tool.exe has no signing step`
}

// Positive: os.Setenv("GOOS") earlier in the function.
func releaseSetenv() error {
	os.Setenv("GOOS", "windows")
	return sh.Run("go", "build", "-o", "dist/agent", "./cmd/agent") // want `windows release build of dist/agent has no signing step`
}

// Negative: a Linux build.
func releaseLinux() error {
	cmd := exec.Command("go", "build", "-o", "dist/app", "./cmd/app")
	cmd.Env = append(os.Environ(), "GOOS=linux")
	return cmd.Run()
}

// Negative: no -o, a development build.
func devBuild() error {
	return exec.Command("go", "build", "./...").Run()
}

// Negative: a shell step follows, which may sign.
func releaseThenScript() error {
	if err := exec.Command("go", "build", "-o", "dist/app.exe", "./cmd/app").Run(); err != nil {
		return err
	}
	return exec.Command("bash", "scripts/sign.sh", "dist/app.exe").Run()
}

// Negative: go install, not a release artifact of this script.
func installTool() error {
	return sh.RunWith(map[string]string{"GOOS": "windows"}, "go", "install", "./cmd/tool")
}

// Negative: GOOS set on some paths only, and the output name not known.
func releaseMaybe(goos, out string) error {
	cmd := exec.Command("go", "build", "-o", out, "./cmd/app")
	if goos != "" {
		cmd.Env = append(os.Environ(), "GOOS="+goos)
	}
	return cmd.Run()
}

// Negative: a program whose name is computed runs afterwards.
func releaseThenHook(hook string) error {
	if err := sh.Run("go", "build", "-o", "dist/app.exe", "./cmd/app"); err != nil {
		return err
	}
	return sh.Run(hook, "dist/app.exe")
}

// Negative, regression (golang.zx2c4.com/wireguard/windows gotext.go): the
// variable is reused, and GOOS=windows belongs to the second command, not
// to the build of a helper tool.
func reusedVar(tool string) error {
	cmd := exec.Command("go", "build", "-o", tool, "golang.org/x/text/cmd/gotext")
	if err := cmd.Run(); err != nil {
		return err
	}
	cmd = exec.Command("gotext", "-srclang=en", "update")
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64")
	return cmd.Run()
}

// Positive: sh.Exec with its env map; mage expands $OUT from it.
func ReleaseExec() error {
	env := map[string]string{"OUT": "dist/svc.exe"}
	_, err := sh.Exec(env, os.Stdout, os.Stderr, "go", "build", "-o", "$OUT", "./cmd/svc") // want `windows release build of dist/svc.exe has no signing step`
	return err
}

// Positive: exec.CommandContext with the arguments from strings.Fields.
func releaseFields(ctx context.Context) error {
	return exec.CommandContext(ctx, "go", strings.Fields("build -trimpath -o dist/cli.exe ./cmd/cli")...).Run() // want `windows release build of dist/cli.exe has no signing step`
}
