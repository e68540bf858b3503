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
var Family = catalog.NewFamily(Analyzer, WL9001)

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
		"`IsTerminal(1)` says false in a real console (golang/go#11914, #20388, lightningnetwork/lnd#499, " +
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
