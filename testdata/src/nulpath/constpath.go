// Constant paths with a NUL given to os and syscall file APIs (WL4003).
// These APIs exist on every OS; the file is analyzed as Windows code.
package nulpath

import (
	"os"
	"syscall"
)

const cfgPath = `C:\ProgramData\app\config.json` + "\x00"

func constPaths() {
	os.Open("data.txt\x00")                 // want `os.Open\("data.txt\\x00"\) always fails with EINVAL: the path contains a NUL byte`
	os.ReadFile(cfgPath)                    // want `os.ReadFile\(.*\) always fails with EINVAL`
	os.Remove("C:\\tmp\\x\x00.lock")        // want `os.Remove\(.*\) always fails`
	os.Rename("a.txt", "b.txt\x00")         // want `os.Rename\("b.txt\\x00"\) always fails`
	os.MkdirAll("logs\x00", 0o755)          // want `os.MkdirAll\("logs\\x00"\) always fails`
	os.WriteFile("out\x00.txt", nil, 0o644) // want `os.WriteFile\("out\\x00.txt"\) always fails`
	p := "once\x00"
	os.Stat(p)                                 // want `os.Stat\("once\\x00"\) always fails`
	syscall.Open("x\x00", syscall.O_RDONLY, 0) // want `syscall.Open\("x\\x00"\) always fails`
}

func goodConstPaths(name string) {
	os.Open("data.txt")
	os.ReadFile(`C:\ProgramData\app\config.json`)
	os.Remove(name)
	os.Rename("a.txt", "b.txt")
	os.Stat(name + ".bak")
	syscall.Open("x", syscall.O_RDONLY, 0)
	_ = []byte("a\x00b") // not a path
}
