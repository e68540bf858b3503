package goosguard

import (
	"errors"
	"log"
	"os"
	"runtime"
	"testing"
)

func earlyReturn() error {
	mark()
	if runtime.GOOS == "windows" {
		return errors.New("not supported on windows")
	}
	mark() // want "excludes windows"
	if x {
		mark() // want "excludes windows"
	}
	return nil
}

func earlyReturnOnlyWindows() {
	if runtime.GOOS != "windows" {
		log.Print("unix")
		return
	}
	mark() // want "only windows"
}

func earlyExit() {
	if runtime.GOOS == "windows" {
		log.Fatal("unsupported")
	}
	mark() // want "excludes windows"
}

func earlyOsExit() {
	if runtime.GOOS == "windows" {
		os.Exit(2)
	}
	mark() // want "excludes windows"
}

func earlyPanic() {
	if runtime.GOOS == "windows" {
		panic("unsupported")
	}
	mark() // want "excludes windows"
}

func earlyContinue(names []string) {
	for range names {
		if runtime.GOOS == "windows" {
			continue
		}
		mark() // want "excludes windows"
	}
	mark()
}

func skipOnWindows(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no sh on windows")
	}
	mark() // want "excludes windows"
}

func skipOnWindowsTB(tb testing.TB) {
	if runtime.GOOS == "windows" {
		tb.Skipf("no sh on %s", runtime.GOOS)
	}
	mark() // want "excludes windows"
}

func elseBranchLeaves() {
	if runtime.GOOS != "windows" {
		log.Print("unix")
	} else {
		return
	}
	mark() // want "excludes windows"
}

// --- silent ---

func notTerminating() {
	if runtime.GOOS == "windows" {
		log.Print("careful")
	}
	mark()
}

func conditionalReturn() {
	if runtime.GOOS == "windows" {
		if x {
			return
		}
	}
	mark()
}

func returnOnLinux() {
	if runtime.GOOS == "linux" {
		return
	}
	mark()
}

func returnInOtherFunc() {
	func() {
		if runtime.GOOS == "windows" {
			return
		}
	}()
	mark()
}

func guardIsMaybe() {
	if runtime.GOOS == "windows" && x {
		return
	}
	mark()
}

// A helper called only from a branch that excludes Windows.
func home() string {
	if runtime.GOOS == "windows" {
		return os.Getenv("USERPROFILE")
	}
	return homeUnix()
}

func homeUnix() string {
	mark() // want "excludes windows"
	return homeShell()
}

// Called only from homeUnix, itself only reached off Windows.
func homeShell() string {
	mark() // want "excludes windows"
	return ""
}

// Also called from unguarded code: silent.
func helperMixed() {
	mark()
}

func callsMixed() {
	if runtime.GOOS != "windows" {
		helperMixed()
	}
	helperMixed()
}

// Used as a value: may be called from anywhere.
func helperValue() {
	mark()
}

var _ = func() func() {
	if runtime.GOOS != "windows" {
		helperValue()
	}
	return helperValue
}

// Exported: other packages may call it.
func HelperExported() {
	mark()
}

func callsExported() {
	if runtime.GOOS != "windows" {
		HelperExported()
	}
}

// Recursive helpers end as not excluded unless every caller is.
func recursive(n int) {
	mark()
	if n > 0 {
		recursive(n - 1)
	}
}

func callsRecursive() {
	recursive(1)
}
