// Package paths defines an analyzer that reports Unix path assumptions
// that break when a program runs on Windows: the path package and "/"
// string surgery on OS paths, OS paths given to io/fs and archive APIs
// that want slash-separated names, Unix-only literals (/dev/null, /tmp,
// PATH split on ":", $HOME without fallback), file names Windows cannot
// hold, and permission-bit tests Windows cannot satisfy (WL7001–WL7005).
//
// Where a value came from (an OS path, an io/fs name, a URL path) is
// decided by internal/provenance; values of unknown origin are never
// reported. See ../../docs/checks/WL7001.md and following.
package paths

import "github.com/winlint/winlint/internal/catalog"

const doc = `report Unix path assumptions that break on Windows (WL7001–WL7005)

The paths analyzer finds the path package and "/" string surgery applied
to OS paths, OS paths (with \ on Windows) given to io/fs, embed, template
and archive APIs that take slash-separated names, Unix-only literals
(/dev/null, /tmp, PATH lists split on ":", $HOME without fallback), file
names with ':' from time layouts or with reserved characters and device
names, and permission-bit tests that Windows file modes cannot satisfy.`

// Family is the paths analyzer with its checks.
var Family = catalog.NewFamily(Analyzer, WL7001, WL7002, WL7003, WL7004, WL7005)

var WL7001 = &catalog.Check{
	ID:       "WL7001",
	Title:    "package path or \"/\" string surgery applied to an OS path",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "Package `path` works on slash-separated paths only; its documentation says it does not deal with " +
		"Windows paths. On Windows, `path.Base` of `C:\\tools\\app.exe` is the whole string, `path.Dir` of it " +
		"is `.`, `path.IsAbs` of `C:\\x` is false, and `path.Join(dir, name)` mixes `\\` and `/` (golang/go#57649, " +
		"urfave/cli#349, syncthing/syncthing#81). The same holds for hand-written surgery: `strings.Split(p, \"/\")`, " +
		"`strings.LastIndex(p, \"/\")`, and `strings.HasPrefix(p, \"/\")` as an absolute-path test.\n\n" +
		"Reported: `path.Base`, `Dir`, `Ext`, `Split`, `Join`, `IsAbs` and `Clean`, and `strings.Split`, `SplitN`, " +
		"`SplitAfter`, `Cut`, `Index`, `LastIndex`, `IndexByte`, `LastIndexByte` and `HasPrefix` with `\"/\"`, when " +
		"the path is known to be an OS path: a result of `os.Executable`, `os.Getwd`, `os.TempDir`, " +
		"`os.UserHomeDir`/`UserConfigDir`/`UserCacheDir`, `os.MkdirTemp`, `exec.LookPath`, `os.Args[0]`, " +
		"`(*os.File).Name`, `t.TempDir`, `filepath.Join`/`Abs`/`Clean`/`Dir`/`Rel`/`FromSlash`/`Glob`, the path " +
		"parameter of a `filepath.Walk`/`WalkDir` callback, or a string built with `os.PathSeparator`, directly " +
		"or through variables and functions of the package that return one.\n\n" +
		"Not reported: URL paths (`r.URL.Path`), io/fs and embed names, zip and tar entry names, import " +
		"paths, values converted with `filepath.ToSlash`, the path of an `fs.WalkDir` callback, and values " +
		"whose origin is unknown (a parameter, a field, a configuration value); code behind a `runtime.GOOS` " +
		"test that excludes Windows; `strings.HasPrefix(p, \"/\")` beside `filepath.IsAbs` in the same " +
		"condition.\n\n" +
		"Fix: use the `path/filepath` function of the same name (`filepath.IsAbs` for the prefix test). A " +
		"suggested fix rewrites `path.F` to `filepath.F`, importing `path/filepath` when needed.",
	Bad: `package cli

import (
	"os"
	"path"
)

func name() string {
	return path.Base(os.Args[0]) // C:\tools\app.exe on Windows
}`,
	Good: `package cli

import (
	"os"
	"path/filepath"
)

func name() string {
	return filepath.Base(os.Args[0])
}`,
}

var WL7002 = &catalog.Check{
	ID:       "WL7002",
	Title:    "OS path given where an io/fs, embed, template or archive name is expected",
	Default:  true,
	Severity: catalog.Error,
	Doc: "io/fs names are slash-separated on every system, Windows included (`io/fs/fs.go`, `ValidPath`: " +
		"backslashes are not separators there), and `embed.FS`, `template.ParseFS`, `http.FS` and `os.DirFS` " +
		"take io/fs names. Zip entry names must use forward slashes (`archive/zip/struct.go`), and tar names " +
		"are slash-separated too. A `filepath.Join` result contains `\\` on Windows, so `fsys.ReadFile(" +
		"filepath.Join(\"templates\", name))` fails with `file does not exist` (golang/go#44305, #45230, " +
		"#67500, sigstore-go#102), and an archive written with `hdr.Name = filepath.Rel(root, p)` holds names " +
		"with backslashes that other tools extract as one flat file name (mholt/archiver#37, jhoonb/archivex#22).\n\n" +
		"Reported: an OS path (see WL7001 for what counts: `filepath.*` results, Walk paths, strings built " +
		"with `os.PathSeparator`…) given to a method of a type implementing `fs.FS` (`embed.FS.ReadFile`, " +
		"`Open`, `ReadDir`, `Stat`, `Sub`, `Glob`), to `fs.ReadFile`/`ReadDir`/`Stat`/`Sub`/`Glob`/`WalkDir`, " +
		"`template.ParseFS`, `http.ServeFileFS`, `(*zip.Writer).Create`, or stored in `zip.FileHeader.Name` " +
		"or `tar.Header.Name` (a composite literal, or an assignment in a function that writes headers).\n\n" +
		"Not reported: names built with `path.Join`, values converted with `filepath.ToSlash`, names obtained " +
		"from the same file system (the path of an `fs.WalkDir` callback, `fs.Glob` results), and values of " +
		"unknown origin; an archive reader that rewrites the names it reads into OS paths for its own use " +
		"(no header is written in that function).\n\n" +
		"Fix: build the name with `path.Join`, or convert an OS path with `filepath.ToSlash`; a suggested fix " +
		"wraps the value in `filepath.ToSlash`.",
	Bad: `package site

import (
	"embed"
	"path/filepath"
)

//go:embed templates
var files embed.FS

func page(name string) ([]byte, error) {
	return files.ReadFile(filepath.Join("templates", name)) // templates\x.html on Windows
}`,
	Good: `package site

import (
	"embed"
	"path"
)

//go:embed templates
var files embed.FS

func page(name string) ([]byte, error) {
	return files.ReadFile(path.Join("templates", name))
}`,
}

var WL7003 = &catalog.Check{
	ID:       "WL7003",
	Title:    "Unix-only path literal, PATH list split on \":\", or $HOME without fallback",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "Windows has no `/dev/null`, `/dev/stdout`, `/dev/tty` or `/tmp`: such a path names " +
		"`\\dev\\null` on the current drive, which does not exist (the null device is `NUL`, `os.DevNull` in " +
		"`os/file_windows.go`; the temporary directory is `os.TempDir()`). A list of paths in `PATH`, `GOPATH` " +
		"or `KUBECONFIG` is separated by `;` on Windows (`os.PathListSeparator`), and its entries contain `:` " +
		"after the drive letter, so `strings.Split(os.Getenv(\"PATH\"), \":\")` cuts `C:\\Go\\bin` in two. " +
		"`HOME` is usually unset on Windows (Git Bash and MSYS set it); the home directory is in `USERPROFILE`, " +
		"which `os.UserHomeDir` reads (`os/file.go`). Public reports: spf13/cobra#430, folbricht/desync#146, " +
		"hakluke/haktrails#12, Azure/azure-storage-azcopy#492, mislav/hub#97.\n\n" +
		"Reported: `\"/dev/null\"` and the other `/dev` files, `/tmp/…` and `/var/tmp/…` paths (constants, " +
		"concatenations and `filepath.Join` with such a first element) given to `os` and `ioutil` file " +
		"functions; `strings.Split`/`SplitN` of `PATH`, `GOPATH`, `KUBECONFIG`, `PYTHONPATH`, `NODE_PATH`, " +
		"`CDPATH`, `CLASSPATH` or `MANPATH` on `\":\"`, and `os.Setenv` of those joined with `\":\"`; " +
		"`os.Getenv(\"HOME\")` used as a directory (joined onto, concatenated with a path, given to a file " +
		"function, substituted for `~`) and `os.ExpandEnv(\"$HOME/…\")`.\n\n" +
		"Not reported: files that do not build for Windows (winlint type-checks the Windows build, so they are " +
		"not analyzed); code behind a `runtime.GOOS` (or `filepath.Separator`) test that excludes Windows; a " +
		"HOME read that is tested for emptiness, given to `cmp.Or`, or in a function that also " +
		"reads `USERPROFILE`, calls `os.UserHomeDir` or `os/user`, or tests `runtime.GOOS`; literals given to " +
		"programs (`exec.Command` arguments), which may understand them; other absolute Unix paths " +
		"(`/etc/…` defaults, `/proc/…`, read by code meant for Linux), which fail harmlessly or belong to " +
		"Linux-only code that happens to build for Windows.\n\n" +
		"Fix: `os.DevNull`, `os.TempDir()`/`os.MkdirTemp`/`t.TempDir()`, `filepath.SplitList` and " +
		"`os.PathListSeparator`, `os.UserHomeDir()`. Suggested fixes rewrite a `\"/dev/null\"` literal to " +
		"`os.DevNull` and `strings.Split(x, \":\")` to `filepath.SplitList(x)`.",
	Bad: `package tool

import (
	"os"
	"strings"
)

func quiet() (*os.File, error) {
	return os.OpenFile("/dev/null", os.O_WRONLY, 0) // no such file on Windows
}

func searchPath() []string {
	return strings.Split(os.Getenv("PATH"), ":") // C:\Go\bin;C:\Windows
}`,
	Good: `package tool

import (
	"os"
	"path/filepath"
)

func quiet() (*os.File, error) {
	return os.OpenFile(os.DevNull, os.O_WRONLY, 0)
}

func searchPath() []string {
	return filepath.SplitList(os.Getenv("PATH"))
}`,
}

var WL7004 = &catalog.Check{
	ID:       "WL7004",
	Title:    "file name Windows cannot hold: ':' from a time layout, reserved characters or device names",
	Default:  true,
	Severity: catalog.Warning,
	Doc: "Windows file names cannot contain `<>:\"/\\|?*`, and `CON`, `PRN`, `AUX`, `NUL`, `COM1`–`COM9` and " +
		"`LPT1`–`LPT9` name devices, not files (Microsoft, \"Naming Files, Paths, and Namespaces\", " +
		"https://learn.microsoft.com/windows/win32/fileio/naming-a-file). A name built with " +
		"`t.Format(time.RFC3339)`, `time.DateTime`, `time.Kitchen`, `\"15:04:05\"` or `fmt.Sprintf(\"%02d:%02d\", …)` " +
		"makes `os.Create` fail with \"The filename, directory name, or volume label syntax is incorrect\"; " +
		"with a single colon on NTFS, `backup-12:30` instead creates the file `backup-12` with an alternate " +
		"data stream `30`, and the data is invisible (reports: opnsense/core#2498, databacker/mysql-backup#136, " +
		"NVIDIA/proxyfs#213).\n\n" +
		"Reported: the name given to `os.Create`, `OpenFile`, `WriteFile`, `Mkdir`, `MkdirAll`, `Rename` " +
		"(the new name), `CreateTemp`/`MkdirTemp` (the pattern), `Symlink`, `Link` and their `ioutil` forms, " +
		"when it contains a `time.Time` formatted with a layout that has `:` (or its `String()`), a " +
		"`Sprintf` format printing numbers around `:`, a constant part with `<>\"|?*`, or a constant component " +
		"that is a device name in a path of several components or given to `Mkdir`.\n\n" +
		"Not reported: the drive-letter colon and `\\\\?\\` prefixes (in constants), deliberate alternate " +
		"data streams (`name + \":Zone.Identifier\"`), timestamps that go into file contents, names sanitized " +
		"with `strings.ReplaceAll`, opening the `NUL` device itself, the `*` of a `CreateTemp` pattern.\n\n" +
		"Fix: a layout without colons (`\"20060102T150405Z0700\"`, `\"2006-01-02_15-04-05\"`), or replace `:` " +
		"before using the text as a name.",
	Bad: `package backup

import (
	"os"
	"path/filepath"
	"time"
)

func create(dir string) (*os.File, error) {
	name := "backup-" + time.Now().Format(time.RFC3339) + ".tar"
	return os.Create(filepath.Join(dir, name)) // fails on Windows
}`,
	Good: `package backup

import (
	"os"
	"path/filepath"
	"time"
)

func create(dir string) (*os.File, error) {
	name := "backup-" + time.Now().Format("20060102T150405Z0700") + ".tar"
	return os.Create(filepath.Join(dir, name))
}`,
}

var WL7005 = &catalog.Check{
	ID:       "WL7005",
	Title:    "permission-bit test that Windows file modes cannot satisfy",
	Default:  false,
	Severity: catalog.Warning,
	Doc: "Go synthesizes file modes on Windows (`os/types_windows.go`): a file is `0666`, or `0444` when " +
		"it has the read-only attribute; a directory adds `ModeDir|0111`. No file has an execute bit and the " +
		"group/other bits always equal the owner's, and `os.Chmod` only toggles the read-only attribute " +
		"(the `0200` bit). So a \"key file too open\" refusal (`info.Mode().Perm()&0o077 != 0`, " +
		"`Perm() != 0o600`) always refuses on Windows, and an \"is executable\" test (`Mode()&0o111 != 0`) " +
		"never finds an executable (rsc/goversion#3, Songmu/ghg#14, go-gitea/gitea#20637, golang/go#41809).\n\n" +
		"Reported: comparisons of the mode of a file of the OS file system (from `os.Stat`, `os.Lstat`, " +
		"`(*os.File).Stat`, `os.ReadDir` entries, `filepath.Walk`/`WalkDir` callbacks; its `Mode()` or " +
		"`Perm()`) that test group/other bits only (`&0o077`, `&0o022`, `&^0o600`), execute bits only " +
		"(`&0o111`, `&0o100`), or compare the permissions with a value other than `0o666`, `0o444`, `0o777` " +
		"or `0o555`.\n\n" +
		"Not reported: the owner write bit `0o200` (Windows honours it as the read-only attribute) and read " +
		"bits of the owner; masks that include the owner's read or write bits (`&0o444 != 0`, \"readable by " +
		"anyone\", which Windows answers like Unix); type bits (`ModeSymlink`); execute bits of a value known to be a directory (after `IsDir()`); modes of " +
		"archive entries (`zip.FileHeader`, `tar.Header`) and of `fs.FS` files; code that only sets bits " +
		"(`os.Chmod(p, m|0o111)`); files that do not build for Windows and code behind a `runtime.GOOS` test " +
		"that excludes Windows.\n\n" +
		"Fix: skip the test when `runtime.GOOS == \"windows\"` (an ACL check is the Windows equivalent), and " +
		"decide executability by extension (`.exe`, `%PATHEXT%`) there.",
	Bad: `package keys

import (
	"fmt"
	"os"
)

func check(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if info.Mode().Perm()&0o077 != 0 { // always true on Windows
		return fmt.Errorf("%s: permissions too open", path)
	}
	return nil
}`,
	Good: `package keys

import (
	"fmt"
	"os"
	"runtime"
)

func check(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return err
	}
	if runtime.GOOS != "windows" && info.Mode().Perm()&0o077 != 0 {
		return fmt.Errorf("%s: permissions too open", path)
	}
	return nil
}`,
}
