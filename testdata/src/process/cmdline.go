package process

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
)

// pkg/browser#16, open-golang#6, clihub#12: URLs cut at &.
func openBrowser(url string) error {
	return exec.Command("cmd", "/c", "start", "", url).Start() // want `security: url is put on the command line of cmd /C start, which cmd.exe parses again.*rundll32`
}

func openBrowserExe(url string) error {
	return exec.Command("cmd.exe", "/C", "start", url).Start() // want `security: url is put on the command line of cmd /C start`
}

func openBrowserWindowsBranch(url string) error {
	if runtime.GOOS == "windows" {
		return exec.Command("cmd", "/c", "start", url).Start() // want `security: url`
	}
	return exec.Command("xdg-open", url).Start()
}

func spliced(repo string) error {
	return exec.Command("cmd", "/C", "git clone "+repo).Run() // want `security: "git clone " \+ repo is put on the command line of cmd /C git`
}

func sprintfSpliced(name string) error {
	return exec.Command("cmd", "/C", fmt.Sprintf("echo Hello %s", name)).Run() // want `security: fmt.Sprintf\("echo Hello %s", name\) is put on the command line of cmd /C echo`
}

func comspec(file string) error {
	return exec.Command(os.Getenv("COMSPEC"), "/c", "type", file).Run() // want `security: file is put on the command line of cmd /C type`
}

func fullPath(dir string) error {
	return exec.Command(`C:\Windows\System32\cmd.exe`, "/d", "/c", "dir", dir).Run() // want `security: dir is put`
}

func batchFile(arg string) error {
	return exec.Command("build.bat", arg).Run() // want `security: arg is passed to the batch file build.bat, which Windows runs through cmd.exe`
}

func batchInDir(dir, target string) error {
	return exec.Command(filepath.Join(dir, "scripts", "deploy.cmd"), target).Run() // want `security: target is passed to the batch file deploy.cmd`
}

func batchVariadic(args []string) error {
	return exec.Command("npm.cmd", args...).Run() // want `security: args is passed to the batch file npm.cmd`
}

// --- silent ---

func allConstant() error {
	_ = exec.Command("cmd", "/c", "start", "", "https://example.com/?a=1&b=2").Start()
	return exec.Command("cmd", "/C", "ver").Run()
}

// A task runner's configured command: running commands is cmd /C's job.
func wholeCommand(command string) error {
	return exec.Command("cmd", "/C", command).Run()
}

func rundll(url string) error {
	return exec.Command("rundll32", "url.dll,FileProtocolHandler", url).Start()
}

func numbers(pid int) error {
	_ = exec.Command("cmd", "/C", "taskkill", "/F", "/PID", strconv.Itoa(pid)).Run()
	return exec.Command("cmd", "/C", fmt.Sprintf("timeout %d", pid)).Run()
}

func escaped(url string) error {
	return exec.Command("cmd", "/c", "start", "", strings.ReplaceAll(url, "&", "^&")).Start()
}

func cmdEscape(s string) string { return s }

func escapedByHelper(url string) error {
	return exec.Command("cmd", "/c", "start", "", cmdEscape(url)).Start()
}

// open-golang's cleaninput: escaped with ^ by a helper of the package.
func cleaninput(input string) string {
	r := strings.NewReplacer("&", "^&")
	return r.Replace(input)
}

func openWith(input, app string) error {
	return exec.Command("cmd", "/C", "start", "", app, cleaninput(input)).Start() // want `security: app is put on the command line of cmd /C start`
}

func escapedReplacer(url string) error {
	r := strings.NewReplacer("&", "^&", "|", "^|")
	return exec.Command("cmd", "/c", "start", "", r.Replace(url)).Start()
}

// The code took over the command line: SysProcAttr.CmdLine.
func ownCmdLine(url string) error {
	cmd := exec.Command("cmd", "/c", "start", "", url)
	cmd.SysProcAttr = &syscall.SysProcAttr{CmdLine: `/c start "" "` + url + `"`}
	return cmd.Start()
}

func unixBranch(url string) error {
	if runtime.GOOS != "windows" {
		return exec.Command("sh", "-c", "xdg-open "+url).Start()
	}
	return nil
}

func batchConstant() error {
	return exec.Command("build.bat", "release").Run()
}

func programNotBatch(arg string) error {
	return exec.Command("build.exe", arg).Run()
}
