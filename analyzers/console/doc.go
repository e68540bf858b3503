// Package console defines an analyzer that reports console handling that
// breaks on Windows: descriptors 0, 1 and 2 passed to terminal packages
// (WL9001), the size asked of the input handle (WL9002) and console lines
// trimmed of "\n" only (WL9003).
//
// Code that only runs on other systems (see internal/goosguard) and test
// files are not reported. See ../../docs/checks/WL9001.md and following.
package console

import "github.com/winlint/winlint/internal/catalog"

const doc = `report console handling that breaks on Windows (WL9001–WL9003)

The console analyzer reads calls of golang.org/x/term,
golang.org/x/crypto/ssh/terminal and go-isatty, and lines read from
standard input. It reports descriptors that are not console handles on
Windows, terminal sizes asked of the input handle, and input lines that
keep the "\r" of the console's "\r\n".`

// Family is the console analyzer with its checks.
var Family = catalog.NewFamily(Analyzer, WL9001, WL9002, WL9003)

var WL9001 = &catalog.Check{
	ID:       "WL9001",
	Title:    "descriptor 0, 1 or 2 passed to a terminal function",
	Default:  true,
	Severity: catalog.Error,
	Doc: "A constant 0, 1 or 2 (a literal, a named constant, or a variable assigned once from one) passed as the " +
		"descriptor to `golang.org/x/term` or `golang.org/x/crypto/ssh/terminal` (`ReadPassword`, `IsTerminal`, " +
		"`GetSize`, `MakeRaw`, `GetState`, `Restore`) or to `github.com/mattn/go-isatty`.\n\n" +
		"On Windows these packages treat the descriptor as a console handle (`term_windows.go` converts it to " +
		"`windows.Handle`). The standard handles are not 0, 1 and 2 there: they come from `GetStdHandle` " +
		"(`syscall.Stdin = getStdHandle(STD_INPUT_HANDLE)` in `syscall/syscall_windows.go`; Microsoft's " +
		"GetStdHandle documentation). So `term.ReadPassword(0)` fails with \"The handle is invalid\" and " +
		"`IsTerminal(1)` says false in a real console (golang/go#11914, #68187, lightningnetwork/lnd#499, " +
		"iotaledger/hornet#935).\n\n" +
		"Not reported: `int(os.Stdin.Fd())`, `int(syscall.Stdin)` and descriptors from variables; code that " +
		"does not run on Windows; `_test.go` files.\n\n" +
		"Fix: pass `int(os.Stdin.Fd())` (`os.Stdout`, `os.Stderr` for 1 and 2; for `GetSize`, `os.Stdout`). " +
		"A suggested fix does so, importing `os` if needed; it is not offered when the name `os` means " +
		"something else at the call.",
	Bad: `package main

import (
	"fmt"

	"golang.org/x/term"
)

func main() {
	fmt.Print("Password: ")
	pw, err := term.ReadPassword(0)
	if err != nil {
		panic(err)
	}
	_ = pw
}`,
	Good: `package main

import (
	"fmt"
	"os"

	"golang.org/x/term"
)

func main() {
	fmt.Print("Password: ")
	pw, err := term.ReadPassword(int(os.Stdin.Fd()))
	if err != nil {
		panic(err)
	}
	_ = pw
}`,
}

var WL9002 = &catalog.Check{
	ID:       "WL9002",
	Title:    "terminal size asked of the standard input handle",
	Default:  false,
	Severity: catalog.Warning,
	Doc: "`GetSize` of `golang.org/x/term` or `golang.org/x/crypto/ssh/terminal` given the handle of the standard " +
		"input: `int(os.Stdin.Fd())`, `int(syscall.Stdin)`, a `GetStdHandle(STD_INPUT_HANDLE)` result, or a " +
		"variable holding one.\n\n" +
		"On Unix the window size can be read from any descriptor of the terminal. On Windows `GetSize` calls " +
		"`GetConsoleScreenBufferInfo` (`term_windows.go`), which needs a handle to a console screen buffer, an " +
		"output handle; on the input handle it fails with \"The handle is invalid\" (Microsoft's " +
		"GetConsoleScreenBufferInfo documentation; golang/go#20388, #27743). Programs then fall back to 80 columns or " +
		"stop.\n\n" +
		"Not reported: `os.Stdout` and `os.Stderr` handles; a function that also asks the size of an output " +
		"handle (a fallback); descriptor 0 written as a number (WL9001 reports it and its fix passes " +
		"`os.Stdout`); code that does not run on Windows; `_test.go` files.\n\n" +
		"Fix: `term.GetSize(int(os.Stdout.Fd()))`; a suggested fix changes `Stdin` to `Stdout` when the handle " +
		"is written in the call.",
	Bad: `package main

import (
	"fmt"
	"os"

	"golang.org/x/term"
)

func main() {
	w, h, err := term.GetSize(int(os.Stdin.Fd()))
	if err != nil {
		panic(err)
	}
	fmt.Println(w, h)
}`,
	Good: `package main

import (
	"fmt"
	"os"

	"golang.org/x/term"
)

func main() {
	w, h, err := term.GetSize(int(os.Stdout.Fd()))
	if err != nil {
		panic(err)
	}
	fmt.Println(w, h)
}`,
}

var WL9003 = &catalog.Check{
	ID:       "WL9003",
	Title:    "console line trimmed of \"\\n\" only, then compared",
	Default:  false,
	Severity: catalog.Warning,
	Doc: "A line read from standard input (`os.Stdin` or a `bufio.Reader` over it) with `ReadString('\\n')` or " +
		"`ReadBytes('\\n')`, trimmed of the newline only (`strings.TrimSuffix(s, \"\\n\")`, " +
		"`strings.TrimRight(s, \"\\n\")`, `strings.Replace(s, \"\\n\", \"\", -1)`, `s[:len(s)-1]`, and the " +
		"`bytes` equivalents), and then compared with `==`/`!=`, switched on, parsed with `strconv`, compared " +
		"with `strings.EqualFold`/`bytes.Equal`, or used as a map key.\n\n" +
		"The Windows console ends each line it delivers with `\"\\r\\n\"`, and so do input files written on " +
		"Windows. `ReadString('\\n')` keeps the `\"\\r\"` (`bufio.Scanner` with `ScanLines` drops it: " +
		"`bufio/scan.go`). So the answer `y` arrives as `\"y\\r\"`: `\"y\\r\" != \"y\"`, `strconv.Atoi(\"3\\r\")` " +
		"fails, and a menu never matches (go-input#12).\n\n" +
		"Not reported: `strings.TrimSpace`, `strings.TrimRight(s, \"\\r\\n\")` and other trims that remove " +
		"`\"\\r\"`; lines read with `bufio.Scanner` or `ReadLine`; readers that are not standard input (a " +
		"network protocol that defines `\"\\n\"` as its terminator); lines that are only printed or stored; code " +
		"that does not run on Windows; `_test.go` files.\n\n" +
		"Fix: `strings.TrimRight(s, \"\\r\\n\")` (suggested for `TrimSuffix`/`TrimRight` of `\"\\n\"`) or " +
		"`strings.TrimSpace(s)`, or read with `bufio.Scanner`.",
	Bad: `package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Print("Continue? [y/N] ")
	r := bufio.NewReader(os.Stdin)
	answer, _ := r.ReadString('\n')
	answer = strings.TrimSuffix(answer, "\n")
	if answer == "y" {
		fmt.Println("continuing")
	}
}`,
	Good: `package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func main() {
	fmt.Print("Continue? [y/N] ")
	r := bufio.NewReader(os.Stdin)
	answer, _ := r.ReadString('\n')
	answer = strings.TrimRight(answer, "\r\n")
	if answer == "y" {
		fmt.Println("continuing")
	}
}`,
}
