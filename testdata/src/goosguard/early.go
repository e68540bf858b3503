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
