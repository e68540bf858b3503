// WL6001 from a build script: exec.Command("go", "build", "-ldflags",
// "-H windowsgui", …) on another package of the module. The package is
// read from its sources: a command-line tool (it prints, or parses flags)
// loses its output; a GUI program is fine.
package main

import (
	"log"
	"os"
	"os/exec"
)

func run(args ...string) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatal(err)
	}
}

func buildTool() error {
	return exec.Command("go", "build", "-ldflags", "-H windowsgui -s -w", "-o", "bin/tool.exe", "./cmd/tool").Run() // want `-H windowsgui builds ./cmd/tool without a console, but it writes to the console \(fmt.Println at main.go:\d+\)`
}

func buildConv() error {
	return exec.Command("go", "build", "-ldflags=-H=windowsgui", "-o", "bin/conv.exe", "./cmd/conv").Run() // want `-H windowsgui builds ./cmd/conv without a console, but it writes to the console \(flag.Parse at main.go:\d+, whose usage and errors go to os.Stderr\)`
}

func buildAgent() error {
	return exec.Command("go", "build", "-ldflags", "-H=windowsgui", "-o", "bin/agent.exe", "./cmd/agent").Run() // want `-H windowsgui builds ./cmd/agent without a console, but it runs as a Windows service`
}

// Silent: the tray program has no console output.
func buildTray() error {
	return exec.Command("go", "build", "-ldflags", "-H windowsgui", "-o", "bin/tray.exe", "./cmd/tray").Run()
}

// Silent: the console tool without -H windowsgui; a package that is not
// in the module.
func buildOthers() error {
	if err := exec.Command("go", "build", "-o", "bin/tool.exe", "./cmd/tool").Run(); err != nil {
		return err
	}
	return exec.Command("go", "build", "-ldflags", "-H windowsgui", "-o", "bin/x.exe", "example.com/elsewhere/cmd/x").Run()
}

// The release is signed (WL6002 stays out of this fixture).
func sign() error {
	return exec.Command("signtool", "sign", "/fd", "sha256", "/a", "bin/tool.exe").Run()
}

func main() {
	buildTool()
	sign()
	buildConv()
	buildAgent()
	buildTray()
	buildOthers()
	run("go", "vet", "./...")
}
