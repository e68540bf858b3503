package process

import "os/exec"

// A Windows-only file that still routes a URL through cmd.exe.
func openWindowsOnly(url string) error {
	return exec.Command("cmd", "/c", "start", url).Start() // want `security: url is put on the command line of cmd /C start`
}

// ...and the right way in the same file.
func openWindowsOnlyGood(url string) error {
	return exec.Command("rundll32", "url.dll,FileProtocolHandler", url).Start()
}
