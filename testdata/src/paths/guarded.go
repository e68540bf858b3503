package paths

import (
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
)

// Code behind a runtime.GOOS guard that excludes Windows is Unix code.

func nullDevice2() string {
	if runtime.GOOS == "windows" {
		return "NUL"
	}
	if _, err := os.Stat("/dev/null"); err == nil {
		return "/dev/null"
	}
	return ""
}

func procSelf() ([]byte, error) {
	if runtime.GOOS != "linux" {
		return nil, nil
	}
	return os.ReadFile("/proc/self/status")
}

func pathEntries() []string {
	switch runtime.GOOS {
	case "windows":
		return filepath.SplitList(os.Getenv("PATH"))
	default:
		return strings.Split(os.Getenv("PATH"), ":")
	}
}

func homeUnix() string {
	if runtime.GOOS != "windows" {
		return filepath.Join(os.Getenv("HOME"), ".config")
	}
	return ""
}

func keyCheck(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && runtime.GOOS != "windows" && fi.Mode().Perm()&0o077 != 0
}

func isExec(p string) bool {
	fi, err := os.Stat(p)
	if err != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		return strings.HasSuffix(p, ".exe")
	}
	return fi.Mode()&0o111 != 0
}

const isWindows = runtime.GOOS == "windows"

func exeBase() string {
	exe, _ := os.Executable()
	if !isWindows {
		return path.Base(exe)
	}
	return filepath.Base(exe)
}

func tmpUnix() error {
	if filepath.Separator == '/' {
		return os.MkdirAll("/tmp/app", 0o755)
	}
	return nil
}
