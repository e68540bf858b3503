// Package process defines an analyzer that reports ways of running and
// managing other programs that break on Windows: POSIX shells and cmd.exe
// built-ins run as programs (WL8001), data spliced into a cmd.exe or batch
// file command line (WL8002, a command-injection finding), signals Windows
// cannot send (WL8003) and POSIX user identities (WL8004).
//
// Code that only runs on other systems, because a runtime.GOOS test (or a
// value folded from one) dominates it, is not reported: see
// internal/goosguard. Test files are not reported. See
// ../../docs/checks/WL8001.md and following.
package process

import "github.com/winlint/winlint/internal/catalog"

const doc = `report process handling that breaks on Windows (WL8001–WL8004)

The process analyzer reads os/exec commands, os.Process signals, exec.Cmd
Cancel functions and os/user identities. It reports shells and cmd.exe
built-ins that no Windows program provides, data that cmd.exe parses as
commands, signals that Windows cannot deliver and root tests that are
never true there. Code behind a runtime.GOOS guard is skipped.`

// Family is the process analyzer with its checks.
var Family = catalog.NewFamily(Analyzer, WL8001, WL8002, WL8003, WL8004)

var WL8001 = &catalog.Check{
	ID:       "WL8001",
	Title:    "POSIX shell or cmd.exe built-in run as a program",
	Default:  true,
	Severity: catalog.Error,
	Doc: "`exec.Command`, `exec.CommandContext` or a mage `sh.Run`/`RunV`/`RunWith`/`Output`/`Exec` whose " +
		"program (folded through constants and variables " +
		"assigned once) is a POSIX shell (`sh`, `bash`, `zsh`, `dash`, `ksh`, also as `/bin/sh` and the like, " +
		"or `/usr/bin/env`) or a cmd.exe built-in command (`start`, `echo`, `dir`, `mkdir`, `del`, `copy`, " +
		"`type`, `move`, `ren`, `rd`, `cls`, `mklink`…).\n\n" +
		"A stock Windows has no `sh.exe` or `bash.exe` on `PATH` (Git for Windows installs one, but does not " +
		"put it on `PATH` by default), and the built-ins exist only inside `cmd.exe`: there is no `start.exe` or " +
		"`echo.exe`. `os/exec` resolves the program with `LookPath` and fails with " +
		"`exec: \"sh\": executable file not found in %PATH%`. Public reports: charmbracelet/vhs#224 " +
		"(`echo`), evilmartians/lefthook#91 and #989, golang/go#13406 (`sh`).\n\n" +
		"Not reported: code dominated by a `runtime.GOOS` test that excludes Windows (an `if`/`switch` branch, " +
		"an earlier `if runtime.GOOS == \"windows\" { return }`, a folded `isWindows` constant); a program " +
		"probed first with `exec.LookPath` in the same function; `cmd /C <built-in>` (see WL8002 for its " +
		"arguments); programs that are not constants; `_test.go` files.\n\n" +
		"Fix: branch on `runtime.GOOS` and run the real program on Windows; do file work in Go (`os.MkdirAll`, " +
		"`os.Remove`, `io.Copy`); open URLs with `rundll32 url.dll,FileProtocolHandler`.",
	Bad: `package main

import (
	"os"
	"os/exec"
)

func runHook(script string) error {
	cmd := exec.Command("sh", "-c", script)
	cmd.Stdout = os.Stdout
	return cmd.Run()
}

func main() { _ = runHook("make lint") }`,
	Good: `package main

import (
	"os"
	"os/exec"
	"runtime"
)

func runHook(script string) error {
	var cmd *exec.Cmd
	if runtime.GOOS == "windows" {
		cmd = exec.Command("cmd", "/C", script)
	} else {
		cmd = exec.Command("sh", "-c", script)
	}
	cmd.Stdout = os.Stdout
	return cmd.Run()
}

func main() { _ = runHook("make lint") }`,
}

var WL8002 = &catalog.Check{
	ID:       "WL8002",
	Title:    "data on a cmd.exe or batch file command line (command injection)",
	Default:  true,
	Severity: catalog.Error,
	Doc: "This is a security finding. Reported: `exec.Command(\"cmd\", \"/C\", …)` (also `exec.CommandContext` " +
		"and mage's `sh.Run` family; `cmd.exe`, a full path " +
		"to it, or `os.Getenv(\"COMSPEC\")`) where a value that is not a constant is an argument of a constant " +
		"command (`cmd /C start \"\" url`) or is spliced into the command text (`\"start \" + url`, " +
		"`fmt.Sprintf(\"git clone %s\", u)`); and a `.bat` or `.cmd` program run with a non-constant argument.\n\n" +
		"Go builds the Windows command line by quoting each argument for `CommandLineToArgvW` " +
		"(`syscall.EscapeArg`, `syscall/exec_windows.go`). cmd.exe does not use those rules: it parses " +
		"the line again, and `&`, `|`, `<`, `>`, `^` and `%` outside its own quoting are operators. Windows " +
		"runs `.bat` and `.cmd` files through cmd.exe too. So a URL with `&` opens truncated and the rest " +
		"runs as a command (pkg/browser#16, skratchdot/open-golang#6, golang/go#27199), and an argument " +
		"such as `x & calc.exe` runs `calc.exe`. Rust (CVE-2024-24576, \"BatBadBut\"), Zig and Node fixed " +
		"the same class as vulnerabilities; the `os/exec` documentation tells callers to set " +
		"`SysProcAttr.CmdLine` themselves when running cmd.exe.\n\n" +
		"Not reported: all-constant command lines; a command line that is one variable as a whole " +
		"(`cmd /C` + a command the user configured: running commands is its purpose); values that cannot " +
		"hold metacharacters (numbers, `strconv.Itoa`) or escaped with `^`; a function that sets " +
		"`SysProcAttr.CmdLine` (it took over the quoting); `rundll32 url.dll,FileProtocolHandler` and other " +
		"programs; code that does not run on Windows; `_test.go` files.\n\n" +
		"Fix: do not route data through cmd.exe. Open URLs with " +
		"`exec.Command(\"rundll32\", \"url.dll,FileProtocolHandler\", url)`, run programs directly, pass data " +
		"to batch files in environment variables, or build `SysProcAttr.CmdLine` with cmd.exe escaping.",
	Bad: `package main

import (
	"os"
	"os/exec"
)

// openBrowser runs: cmd /C start "" https://example.com/cb?code=1&state=x
// cmd.exe ends the start command at the & and runs "state=x" as a second
// command: the browser gets a truncated URL. A link such as
// "https://x/?a=1&calc.exe" runs calc.exe.
func openBrowser(url string) error {
	return exec.Command("cmd", "/C", "start", "", url).Start()
}

func main() { _ = openBrowser(os.Args[1]) }`,
	Good: `package main

import (
	"os"
	"os/exec"
)

// openBrowser hands the URL to the shell's URL handler: rundll32 is an
// ordinary program and no cmd.exe parses its command line, so & | < > ^ %
// in the URL are just characters that reach FileProtocolHandler as given.
func openBrowser(url string) error {
	return exec.Command("rundll32", "url.dll,FileProtocolHandler", url).Start()
}

func main() { _ = openBrowser(os.Args[1]) }`,
}

var WL8003 = &catalog.Check{
	ID:       "WL8003",
	Title:    "signal that Windows cannot send, with the failure unnoticed",
	Default:  false,
	Severity: catalog.Warning,
	Doc: "`(*os.Process).Signal` with `os.Interrupt` or a `syscall` signal other than `SIGKILL` whose error is " +
		"dropped, or whose error is checked without ending the operation and is followed in the same " +
		"function by a `Wait` that is not under a timeout; and an `exec.Cmd.Cancel` function that sends such " +
		"a signal (with no `Kill`) while the function never sets `WaitDelay`.\n\n" +
		"On Windows only `os.Kill` can be sent: every other signal returns `syscall.EWINDOWS` (\"not " +
		"supported by windows\") and nothing reaches the child (`os/exec_windows.go`; golang/go#28498, " +
		"#46345, hashicorp/nomad#26775, hashicorp/terraform-exec#453). The child keeps running, and the " +
		"following `Wait` blocks until it exits by itself. With `Cancel` the context's cancellation fails, " +
		"and unless `WaitDelay` is set `Wait` never kills the child (`os/exec/exec.go`, Cancel and WaitDelay).\n\n" +
		"Not reported: `os.Kill`; functions that also call `Kill` (a fallback); an error that is returned or " +
		"ends the operation; a `Wait` run in a function literal (usually under a select with a timeout); " +
		"`WaitDelay` set to a non-zero value; signals in variables; code that does not run on Windows; " +
		"`_test.go` files.\n\n" +
		"Fix: `if err := p.Signal(os.Interrupt); err != nil { p.Kill() }` (suggested for a dropped error), " +
		"or set `cmd.WaitDelay`.",
	Bad: `package main

import (
	"os"
	"os/exec"
)

func stop(cmd *exec.Cmd) error {
	cmd.Process.Signal(os.Interrupt)
	return cmd.Wait()
}

func main() {
	cmd := exec.Command("server")
	_ = cmd.Start()
	_ = stop(cmd)
}`,
	Good: `package main

import (
	"os"
	"os/exec"
)

func stop(cmd *exec.Cmd) error {
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		cmd.Process.Kill() // Windows cannot send os.Interrupt
	}
	return cmd.Wait()
}

func main() {
	cmd := exec.Command("server")
	_ = cmd.Start()
	_ = stop(cmd)
}`,
}

var WL8004 = &catalog.Check{
	ID:       "WL8004",
	Title:    "POSIX user identity used on Windows",
	Default:  false,
	Severity: catalog.Warning,
	Doc: "`os.Getuid()` or `os.Geteuid()` (also `syscall`'s) compared with 0 in an `if` whose non-root branch " +
		"refuses (`if os.Geteuid() != 0 { return errors.New(\"must be root\") }`, or `os.Exit`, `log.Fatal`, " +
		"`panic`; the `else` of `== 0`); `strconv.Atoi`, `ParseInt` or `ParseUint` of an `os/user` " +
		"`User.Uid`/`Gid` or `Group.Gid`; and `os.Chown`, `os.Lchown`, `(*os.File).Chown` (and `syscall`'s) " +
		"whose error is returned or ends the operation.\n\n" +
		"Windows has no POSIX user IDs: `Getuid`, `Geteuid`, `Getgid` and `Getegid` return -1 and `Chown`, " +
		"`Lchown` and `Fchown` return `EWINDOWS` (`syscall/syscall_windows.go`); `os/user`'s `Uid` is a SID " +
		"such as `S-1-5-21-…` (`os/user/lookup_windows.go`). So such a root test refuses every user, an " +
		"elevated administrator included, the Atoi always fails, and " +
		"an operation that requires Chown always fails (elastic/beats#12740, kopia/kopia#516).\n\n" +
		"Not reported: root tests that only choose what to do (`if os.Getuid() != 0 { opts = append(opts, " +
		"noSameOwner) }`, `if os.Geteuid() == 0 { chown }`: skipping root-only work is right on Windows); " +
		"comparisons with other values; a comparison whose `&&`/`||` partner already decides " +
		"on Windows (`runtime.GOOS != \"windows\" && os.Getuid() == 0`); a Chown whose error is ignored or " +
		"only logged; a Chown that sets the owner its function's caller passed in (the uid and gid are " +
		"parameters or -1, possibly parsed with `strconv` or looked up with `os/user`, as in an afero-style " +
		"`Chown(name, uid, gid)` method or a `setGroupWritable(path, group)` helper: changing the owner is " +
		"the operation the caller asked for, and whether to ask on Windows is the caller's choice), or that " +
		"runs only when a bool parameter says so (containerd's `if !noSameOwner { os.Lchown(…) }`: the " +
		"caller chooses); an " +
		"`Atoi` of a `Uid`/`Gid` whose result the function passes to a Chown (Windows fails at the Chown either way); " +
		"code that does not run on Windows; `_test.go` files.\n\n" +
		"Fix: test `runtime.GOOS`; on Windows ask the process token " +
		"(`windows.GetCurrentProcessToken().IsElevated()`), keep SIDs as strings and skip Chown.",
	Bad: `package main

import (
	"fmt"
	"os"
)

func main() {
	if os.Geteuid() != 0 {
		fmt.Println("must run as root")
		os.Exit(1)
	}
}`,
	Good: `package main

import (
	"fmt"
	"os"
	"runtime"
)

func main() {
	if runtime.GOOS != "windows" && os.Geteuid() != 0 {
		fmt.Println("must run as root")
		os.Exit(1)
	}
}`,
}
