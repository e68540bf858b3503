// Package process holds the fixtures of the process analyzer.
package process

import (
	"context"
	"os"
	"os/exec"
	"runtime"
)

// Hook runners (lefthook#91, go-jira#206): the configured command run
// through sh.
func runHook(command string) error {
	cmd := exec.Command("sh", "-c", command) // want `exec.Command runs "sh", which a stock Windows does not have`
	cmd.Stdout = os.Stdout
	return cmd.Run()
}

func runBash(ctx context.Context, script string) error {
	return exec.CommandContext(ctx, "bash", "-c", script).Run() // want `exec.CommandContext runs "bash"`
}

func runBinSh(script string) ([]byte, error) {
	return exec.Command("/bin/sh", "-c", script).Output() // want `runs "/bin/sh"`
}

func runZsh(script string) error {
	return exec.Command("/usr/bin/zsh", "-lc", script).Run() // want `runs "/usr/bin/zsh"`
}

func runEnv(script string) error {
	return exec.Command("/usr/bin/env", "bash", script).Run() // want `runs "/usr/bin/env"`
}

const shell = "sh"

func namedConst(script string) error {
	return exec.Command(shell, "-c", script).Run() // want `runs "sh"`
}

func onceAssigned(script string) error {
	sh := "/bin/bash"
	return exec.Command(sh, "-c", script).Run() // want `runs "/bin/bash"`
}

// vhs#224: echo is a cmd.exe built-in.
func typeText(text string) ([]byte, error) {
	return exec.Command("echo", text).Output() // want `runs "echo", a cmd.exe built-in that is not a program`
}

func openURL(url string) error {
	return exec.Command("start", url).Start() // want `runs "start", a cmd.exe built-in that is not a program; open files and URLs on Windows with exec.Command\("rundll32"`
}

func makeDir(dir string) error {
	return exec.Command("mkdir", "-p", dir).Run() // want `runs "mkdir", a cmd.exe built-in`
}

func copyFile(a, b string) error {
	return exec.Command("copy", a, b).Run() // want `runs "copy"`
}

// Guarded the other way round: the Windows branch is not the one running sh.
func wrongBranch(script string) error {
	if runtime.GOOS == "windows" {
		return exec.Command("sh", "-c", script).Run() // want `runs "sh"`
	}
	return nil
}

// --- silent ---

func guarded(script string) error {
	if runtime.GOOS == "windows" {
		return exec.Command("cmd", "/C", script).Run()
	}
	return exec.Command("sh", "-c", script).Run()
}

func guardedElse(script string) *exec.Cmd {
	if runtime.GOOS == "windows" {
		return exec.Command("cmd", "/C", script)
	} else {
		return exec.Command("bash", "-c", script)
	}
}

func guardedSwitch(url string) error {
	switch runtime.GOOS {
	case "darwin":
		return exec.Command("open", url).Start()
	case "windows":
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", url).Start()
	default:
		return exec.Command("sh", "-c", "xdg-open "+url).Start()
	}
}

const isWindows = runtime.GOOS == "windows"

func foldedGuard(script string) error {
	if isWindows {
		return exec.Command("cmd", "/C", script).Run()
	}
	return exec.Command("sh", "-c", script).Run()
}

func earlyReturn(script string) error {
	if runtime.GOOS == "windows" {
		return exec.Command("powershell", "-Command", script).Run()
	}
	return exec.Command("/bin/sh", "-c", script).Run()
}

// A shell probed first: the program decided what to do when it is missing.
func probed(script string) error {
	if _, err := exec.LookPath("sh"); err != nil {
		return err
	}
	return exec.Command("sh", "-c", script).Run()
}

// A built-in run through cmd.exe, with constant arguments.
func builtinThroughCmd() error {
	return exec.Command("cmd", "/C", "echo", "ready").Run()
}

// Programs from configuration: not known to be a shell.
func configured(shellPath, script string) error {
	return exec.Command(shellPath, "-c", script).Run()
}

func fromEnv(script string) error {
	sh := os.Getenv("SHELL")
	if sh == "" {
		sh = "/bin/sh"
	}
	return exec.Command(sh, "-c", script).Run()
}

// Ordinary programs, also named like built-ins but with a path.
func ordinary() error {
	_ = exec.Command("git", "status").Run()
	_ = exec.Command(`C:\tools\echo.exe`, "x").Run()
	return exec.Command("powershell", "-NoProfile", "-Command", "Get-Date").Run()
}
