package process

import (
	"runtime"

	"github.com/magefile/mage/sh"
)

// Magefile targets run programs through mage's sh package.
func Lint() error {
	return sh.RunV("bash", "-c", "golangci-lint run ./...") // want `sh.RunV runs "bash"`
}

func Generate(env map[string]string) error {
	return sh.RunWith(env, "sh", "scripts/gen.sh") // want `sh.RunWith runs "sh"`
}

func Docs(dir string) error {
	return sh.Run("cmd", "/c", "start", dir) // want `security: dir is put on the command line of cmd /C start`
}

// --- silent ---

func Build() error {
	if runtime.GOOS == "windows" {
		return sh.RunV("powershell", "-File", "build.ps1")
	}
	return sh.RunV("bash", "build.sh")
}

func Test() error {
	return sh.RunV("go", "test", "./...")
}
