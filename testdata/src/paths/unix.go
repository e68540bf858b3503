package paths

import (
	"cmp"
	"io/ioutil"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
)

// Azure/azure-storage-azcopy#492, mislav/hub#97: output thrown away into
// /dev/null.
func discard() (*os.File, error) {
	return os.OpenFile("/dev/null", os.O_WRONLY, 0) // want `"/dev/null" given to os.OpenFile: /dev/null does not exist on Windows; use os.DevNull`
}

// A named constant.
const devNull = "/dev/null"

func discard2() (*os.File, error) {
	return os.Create(devNull) // want `devNull given to os.Create: /dev/null does not exist on Windows; use os.DevNull`
}

// Writing a log to /dev/stderr.
func logTo() error {
	return os.WriteFile("/dev/stderr", []byte("x"), 0o644) // want `/dev/stderr does not exist on Windows; use os.Stderr`
}

// The controlling terminal.
func tty() (*os.File, error) {
	return os.Open("/dev/tty") // want `/dev/tty does not exist on Windows`
}

// A scratch file under /tmp.
func scratch() error {
	return ioutil.WriteFile("/tmp/app.lock", nil, 0o600) // want `"/tmp/app.lock" given to ioutil.WriteFile: /tmp does not exist on Windows; use os.TempDir\(\)`
}

// A temp directory under /tmp joined with a name.
func workDir(name string) error {
	return os.MkdirAll(filepath.Join("/tmp", name), 0o755) // want `/tmp does not exist on Windows`
}

// os.CreateTemp in /tmp explicitly.
func tempIn() (*os.File, error) {
	return os.CreateTemp("/tmp", "x-*") // want `/tmp does not exist on Windows`
}

// A lock file in /var/tmp.
func varTmpLock() (*os.File, error) {
	return os.Create("/var/tmp/app.lock") // want `/tmp does not exist on Windows`
}

// The search path split on ":" (cznic/cc#58's shape).
func searchPath() []string {
	return strings.Split(os.Getenv("PATH"), ":") // want `\$PATH is split on ":", but Windows separates its entries with ";"`
}

// GOPATH via a variable.
func gopaths() []string {
	gp := os.Getenv("GOPATH")
	return strings.SplitN(gp, ":", -1) // want `\$GOPATH is split on ":"`
}

// PATH extended with ":".
func extendPath(dir string) error {
	return os.Setenv("PATH", dir+":"+os.Getenv("PATH")) // want `\$PATH is joined with ":", but Windows separates its entries with ";"`
}

func setPath(dirs []string) error {
	return os.Setenv("PATH", strings.Join(dirs, ":")) // want `\$PATH is joined with ":"`
}

// spf13/cobra#430: the config directory under $HOME.
func configPath() string {
	return filepath.Join(os.Getenv("HOME"), ".cobra.yaml") // want `\$HOME is usually unset on Windows`
}

// folbricht/desync#146: HOME through a variable.
func credentials() string {
	home := os.Getenv("HOME") // want `\$HOME is usually unset on Windows`
	return filepath.Join(home, ".aws", "credentials")
}

// "~" expansion.
func expand(p string) string {
	return strings.Replace(p, "~", os.Getenv("HOME"), 1) // want `\$HOME is usually unset on Windows`
}

// Concatenation with a slash.
func historyFile() (*os.File, error) {
	return os.Open(os.Getenv("HOME") + "/.history") // want `\$HOME is usually unset on Windows`
}

// A config path expanded from $HOME.
func rcFile() ([]byte, error) {
	return os.ReadFile(os.ExpandEnv("$HOME/.apprc")) // want `\$HOME is usually unset on Windows, so os.ExpandEnv\("\$HOME/.apprc"\) expands to a path under the drive's root`
}

// ---- silent ----

func discardGood() (*os.File, error) {
	return os.OpenFile(os.DevNull, os.O_WRONLY, 0)
}

func scratchGood() (*os.File, error) {
	return os.CreateTemp("", "app-*.lock")
}

func scratchGood2() error {
	return os.WriteFile(filepath.Join(os.TempDir(), "app.lock"), nil, 0o600)
}

func searchPathGood() []string {
	return filepath.SplitList(os.Getenv("PATH"))
}

func extendPathGood(dir string) error {
	return os.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

// A colon-separated variable that is not a path list.
func hostPort() []string {
	return strings.Split(os.Getenv("SERVER_ADDR"), ":")
}

// Literals given to a program: the program interprets them (git for
// Windows understands /dev/null).
func gitDiff(file string) *exec.Cmd {
	return exec.Command("git", "diff", "--no-index", "/dev/null", file)
}

// HOME with a fallback when empty.
func homeFallback() string {
	home := os.Getenv("HOME")
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	return filepath.Join(home, ".config")
}

func homeOr() string {
	return filepath.Join(cmp.Or(os.Getenv("HOME"), os.Getenv("USERPROFILE")), ".config")
}

func homeUser() string {
	if u, err := user.Current(); err == nil {
		return filepath.Join(u.HomeDir, ".config")
	}
	return filepath.Join(os.Getenv("HOME"), ".config")
}

// HOME passed on to a child's environment is not a directory use.
func childEnv(cmd *exec.Cmd) {
	cmd.Env = append(cmd.Env, "HOME="+os.Getenv("HOME"))
}

// Other variables expanded.
func goBin() string {
	return os.ExpandEnv("$GOPATH/bin")
}

// HOME tested for emptiness.
func homeSet() bool {
	return os.Getenv("HOME") != ""
}

// A device path that is only compared, never opened.
func isDevNull(p string) bool {
	return p == "/dev/null"
}

// /dev/null chosen by GOOS through a variable with two values: unknown.
func devNullVar(windows bool) (*os.File, error) {
	null := "/dev/null"
	if windows {
		null = "NUL"
	}
	return os.Open(null)
}

// Absolute Unix paths that are not /dev or /tmp: configuration defaults
// that simply do not exist on Windows, and procfs, read by code meant for
// Linux (go-sysinfo's linux provider builds everywhere).
func etcConfig() ([]byte, error) {
	return os.ReadFile("/etc/app/config.yaml")
}

const procCgroup = "/proc/1/cgroup"

func cgroup() ([]byte, error) {
	return os.ReadFile(procCgroup)
}
