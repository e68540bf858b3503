// Package goosguard holds the fixtures of internal/goosguard. Every call of
// mark is reported as "excludes windows" when goosguard says it is reached
// only on systems other than Windows, and as "only windows" when it is
// reached only on Windows.
package goosguard

import (
	"log"
	"os"
	"path/filepath"
	"runtime"
)

func mark() {}

func markBool() bool { return true }

var x = os.Getenv("X") != ""

// --- branches of an if ---

func notEqualWindows() {
	if runtime.GOOS != "windows" {
		mark() // want "excludes windows"
	}
}

func equalLinux() {
	if runtime.GOOS == "linux" {
		mark() // want "excludes windows"
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "freebsd" {
		mark() // want "excludes windows"
	}
}

func elseOfWindows() {
	if runtime.GOOS == "windows" {
		mark() // want "only windows"
	} else {
		mark() // want "excludes windows"
	}
}

func elseIfChain() {
	if runtime.GOOS == "windows" {
		log.Print("cmd")
	} else if x {
		mark() // want "excludes windows"
	} else {
		mark() // want "excludes windows"
	}
}

func elseOfNotWindows() {
	if runtime.GOOS != "windows" {
		log.Print("sh")
	} else {
		mark() // want "only windows"
	}
}

func conjunctions() {
	if runtime.GOOS != "windows" && x {
		mark() // want "excludes windows"
	}
	if x && runtime.GOOS == "linux" {
		mark() // want "excludes windows"
	}
	if runtime.GOOS == "windows" || x {
		log.Print()
	} else {
		mark() // want "excludes windows"
	}
	if !(runtime.GOOS == "windows") {
		mark() // want "excludes windows"
	}
}

func shortCircuit() bool {
	a := runtime.GOOS != "windows" && markBool() // want "excludes windows"
	b := runtime.GOOS == "windows" || markBool() // want "excludes windows"
	c := runtime.GOOS == "windows" && markBool() // want "only windows"
	d := x && markBool()
	return a && b && c && d
}

func separators() {
	if filepath.Separator == '/' {
		mark() // want "excludes windows"
	}
	if os.PathSeparator != '\\' {
		mark() // want "excludes windows"
	}
	if filepath.Separator == '\\' {
		mark() // want "only windows"
	}
	if os.PathListSeparator == ':' {
		mark() // want "excludes windows"
	}
}

func closureInBranch() {
	if runtime.GOOS != "windows" {
		go func() {
			mark() // want "excludes windows"
		}()
	}
}

// --- silent: the condition holds on Windows too, or is unknown ---

func notLinux() {
	if runtime.GOOS != "linux" {
		mark()
	}
	if runtime.GOOS == "linux" || x {
		mark()
	}
	if x {
		mark()
	}
	mark()
}

const debug = false

func constantButNotGOOS() {
	if debug {
		mark() // dead code everywhere: not a GOOS guard
	}
}

func reassigned() {
	goos := runtime.GOOS
	if x {
		goos = "linux"
	}
	if goos != "windows" {
		mark()
	}
}

// Exported package variables may be assigned by other packages.
var IsWindows = runtime.GOOS == "windows"

func exportedVar() {
	if !IsWindows {
		mark()
	}
}
