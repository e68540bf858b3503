// Package buildflags defines an analyzer that reads the Windows build
// commands a package writes in Go: //go:generate directives, os/exec
// commands running "go build" or "go install" and mage's sh helpers
// (WL6001–WL6005). It reports -H windowsgui on console programs and
// services, Windows release builds with no signing step, -buildvcs=false in
// release builds, command-line -ldflags that replace GOFLAGS' -ldflags, and
// binaries changed after they were signed.
//
// Commands are modelled by internal/buildcmd: arguments folded from
// constants, string slices and append, the environment (exec.Cmd.Env,
// os.Setenv, mage's env maps, "env NAME=value"), and the go command's flag
// syntax. A command that is not fully understood is not reported. See
// ../../docs/checks/WL6001.md and following.
package buildflags

import "github.com/winlint/winlint/internal/catalog"

const doc = `report Windows build commands written in Go source (WL6001–WL6005)

The buildflags analyzer reads //go:generate directives, exec.Command
"go build"/"go install" commands and mage sh.Run* calls, with their
environment, and reports -H windowsgui on console programs and services,
Windows release builds that are never signed, -buildvcs=false in release
builds, -ldflags that silently replace GOFLAGS' -ldflags, and binaries
modified after signing. -s -w, -trimpath, -buildmode=pie and
-H windowsgui do not break Authenticode signing and are not reported as
such.`

// Family is the buildflags analyzer with its checks.
var Family = catalog.NewFamily(Analyzer, WL6001, WL6002, WL6003, WL6004, WL6005)

var WL6001 = &catalog.Check{
	ID:       "WL6001",
	Title:    "-H windowsgui on a console program or service loses its output",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "`-ldflags=-H=windowsgui` (any spelling: `-H windowsgui`, `-H=windowsgui`, inside a quoted " +
		"`-ldflags \"-s -w -H windowsgui\"`) links a GUI binary: the PE subsystem is " +
		"IMAGE_SUBSYSTEM_WINDOWS_GUI instead of the console subsystem (`cmd/link/internal/ld/pe.go`). " +
		"Windows starts it without a console, so unless the handles were inherited or redirected, " +
		"`os.Stdout` and `os.Stderr` hold handles that fail every write: `fmt.Println`, the default " +
		"`log` logger and the runtime's panic and crash messages are lost without an error you would see, " +
		"and Ctrl+C never arrives. A Windows service needs no `-H windowsgui` at all: services run " +
		"without an interactive console either way, and the same binary run from a command line " +
		"(install, debug) loses its output (`cmd/link/internal/ld/pe.go` sets the PE subsystem to " +
		"IMAGE_SUBSYSTEM_WINDOWS_GUI; a GUI process gets no console and no standard handles: " +
		"https://learn.microsoft.com/en-us/windows/console/getstdhandle; not run on Windows).\n\n" +
		"Reported: a `//go:generate` directive of a `main` package that builds that same package " +
		"(no package argument, `.`, or its import path) with `-H windowsgui`, when the package imports " +
		"`golang.org/x/sys/windows/svc` or `github.com/kardianos/service`, or writes to the console " +
		"(`os.Stdout`, `os.Stderr`, `fmt.Print*`, `print`/`println`, or the default `log` logger " +
		"without `log.SetOutput`).\n\n" +
		"A build of another package of the module (`exec.Command(\"go\", \"build\", …, \"./cmd/tool\")`, " +
		"mage's `sh`, `go:generate`) is judged from that package's Windows source files, found from the " +
		"script's directory or its module root; there `flag.Parse` (usage and errors go to os.Stderr) " +
		"counts as console output too.\n\n" +
		"Not reported: builds of packages that cannot be found or read that way; programs that call " +
		"`AllocConsole`/`AttachConsole`/`SetStdHandle` or assign `os.Stdout`/`os.Stderr` (they manage " +
		"their console); GUI programs that never write to the console; commands not fully understood. " +
		"`-H windowsgui` does **not** break Authenticode signing and is never reported for that.\n\n" +
		"Fix: drop `-H windowsgui` for console programs and services; a GUI program that must report " +
		"errors writes a log file and calls `debug.SetCrashOutput`.",
	Bad: `package main

//go:generate go build -ldflags=-H=windowsgui

import "fmt"

func main() {
	fmt.Println("converted 3 files") // lost: no console
}`,
	Good: `package main

//go:generate go build -ldflags=-s

import "fmt"

func main() {
	fmt.Println("converted 3 files")
}`,
}

var WL6002 = &catalog.Check{
	ID:       "WL6002",
	Title:    "windows release build with no signing step",
	Default:  false,
	Severity: catalog.Note,
	Doc: "A `go build -o app.exe` (or any `-o` with `GOOS=windows` in its environment) in a " +
		"`//go:generate` directive, an `exec.Command` or a mage `sh.Run*` call makes a Windows binary " +
		"that nothing in the same generator set or function signs. Nobody can verify where an " +
		"unsigned executable comes from or that it was not changed (`signtool verify`, " +
		"`Get-AuthenticodeSignature`); how SmartScreen treats it was not checked here. Signing is " +
		"done after the build with signtool, osslsigncode, AzureSignTool, jsign, relic or smctl; no " +
		"Go build flag prevents it: `-s -w`, `-trimpath`, `-buildmode=pie`, `-buildvcs=false` and " +
		"`-H windowsgui` binaries all sign and verify with osslsigncode.\n\n" +
		"Not reported: builds in `_test.go` files; builds followed in the same set or function by a " +
		"signer, a shell, make, goreleaser, `go run` or a program whose name is not known (any of " +
		"which may sign); packages that run a signer anywhere (a separate signing target); builds " +
		"whose GOOS is known not to be windows. Off by default: many projects sign in their CI " +
		"configuration instead, which the analysis cannot see.\n\n" +
		"Fix: sign the binary after building it, in the same script.",
	Bad: `package main

import "os/exec"

func release() error {
	return exec.Command("go", "build", "-trimpath", "-o", "dist/app.exe", "./cmd/app").Run()
}`,
	Good: `package main

import "os/exec"

func release() error {
	if err := exec.Command("go", "build", "-trimpath", "-o", "dist/app.exe", "./cmd/app").Run(); err != nil {
		return err
	}
	return exec.Command("osslsigncode", "sign", "-pkcs12", "release.p12", "-h", "sha256",
		"-in", "dist/app.exe", "-out", "dist/app.signed.exe").Run()
}`,
}

var WL6003 = &catalog.Check{
	ID:       "WL6003",
	Title:    "-buildvcs=false in a release build drops the binary's provenance",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "With `-buildvcs=false` (on the command line, or in a GOFLAGS set in code) the go command " +
		"records no `vcs.revision`, `vcs.time` or `vcs.modified` in the binary, and the main module's " +
		"version is `(devel)`: `go version -m app.exe` and `debug.ReadBuildInfo` can no longer tell " +
		"which commit a shipped binary was built from (`go help build`, -buildvcs; checked with `debug/buildinfo`). The " +
		"flag is usually added to silence \"error obtaining VCS status\" in a container without `.git`.\n\n" +
		"Reported: `go build -o …` and `go install` commands in `//go:generate`, `exec.Command` and mage " +
		"`sh.Run*` whose effective `-buildvcs` is false, unless their GOOS is known to be another OS " +
		"than windows. `-buildvcs false` (with a space) is not this: -buildvcs is a boolean flag, so " +
		"that is `-buildvcs=true` followed by a package named `false`.\n\n" +
		"Not reported: builds without `-o` (development builds), `_test.go` files, a GOFLAGS inherited " +
		"from the user's environment, flags added on some paths only. `-buildvcs=false` does not affect " +
		"signing.\n\n" +
		"Fix: drop the flag and make the repository available to the build (or use `-buildvcs=auto`).",
	Bad: `package main

import "os/exec"

func release() error {
	return exec.Command("go", "install", "-buildvcs=false", "./cmd/app").Run()
}`,
	Good: `package main

import "os/exec"

func release() error {
	return exec.Command("go", "install", "-trimpath", "./cmd/app").Run()
}`,
}

var WL6004 = &catalog.Check{
	ID:       "WL6004",
	Title:    "command-line -ldflags silently replaces the -ldflags in GOFLAGS",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "GOFLAGS flags are applied first and flags on the command line after them; for `-ldflags` " +
		"the later value **replaces** the earlier one rather than adding to it (`go help environment`). " +
		"So `GOFLAGS=-ldflags=-H=windowsgui` with `go build -ldflags=-s` builds a console binary " +
		"(checked with `debug/pe`: PE subsystem 3, the console). The GOFLAGS linker flags are lost without a warning.\n\n" +
		"Reported: a `go build`/`go install` whose environment sets GOFLAGS with `-ldflags` in code " +
		"(`exec.Cmd.Env`, `os.Setenv` earlier in the function, a mage env map, `env GOFLAGS=…`) and " +
		"whose command line also has `-ldflags` for the same package pattern.\n\n" +
		"Not reported: GOFLAGS inherited from the user's environment (not visible), different " +
		"per-package patterns (`-ldflags=all=…` and `-ldflags=…`).\n\n" +
		"Fix: give all linker flags in one `-ldflags`.",
	Bad: `package main

import (
	"os"
	"os/exec"
)

func build() error {
	cmd := exec.Command("go", "build", "-ldflags=-s -w", "-o", "app.exe", ".")
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOFLAGS=-ldflags=-H=windowsgui")
	return cmd.Run()
}`,
	Good: `package main

import (
	"os"
	"os/exec"
)

func build() error {
	cmd := exec.Command("go", "build", "-ldflags=-s -w -H=windowsgui", "-o", "app.exe", ".")
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOFLAGS=-trimpath")
	if err := cmd.Run(); err != nil {
		return err
	}
	return exec.Command("signtool", "sign", "/fd", "sha256", "/a", "app.exe").Run()
}`,
}

var WL6005 = &catalog.Check{
	ID:       "WL6005",
	Title:    "binary modified after it was signed",
	Default:  true,
	Severity: catalog.Error,
	Doc: "An Authenticode signature covers the PE image's hash; any change to the file afterwards " +
		"(packing it with upx, editing resources with rcedit or Resource Hacker, editbin, strip, " +
		"appending data) makes verification fail: osslsigncode reports `MISMATCH!!!` and exits 1 after " +
		"a one-byte change (Windows' own WinVerifyTrust was not run, but checks the same image hash: " +
		"https://learn.microsoft.com/en-us/windows/win32/seccrypto/authenticode).\n\n" +
		"Reported: after a signing command (signtool, osslsigncode, AzureSignTool, jsign, relic, smctl) " +
		"in the same go:generate set or function, a command that rewrites the same signed file in " +
		"place, or an `os.OpenFile` for writing, `os.WriteFile` or `os.Create` of that file.\n\n" +
		"Not reported: modifications before signing; changes to the signer's unsigned input " +
		"(osslsigncode `-in`) or to other files; `upx -o new.exe` (a new, unsigned file); file names " +
		"not known from constants. `-s -w`, `-trimpath`, `-buildmode=pie` and `-H windowsgui` are " +
		"build flags, not modifications: they do not break signing.\n\n" +
		"Fix: run the modifying step before signing.",
	Bad: `package main

import "os/exec"

func release() error {
	if err := exec.Command("signtool", "sign", "/fd", "sha256", "/a", "app.exe").Run(); err != nil {
		return err
	}
	return exec.Command("upx", "--best", "app.exe").Run() // breaks the signature
}`,
	Good: `package main

import "os/exec"

func release() error {
	if err := exec.Command("upx", "--best", "app.exe").Run(); err != nil {
		return err
	}
	return exec.Command("signtool", "sign", "/fd", "sha256", "/a", "app.exe").Run()
}`,
}
