package goosguard

import "runtime"

const isWindows = runtime.GOOS == "windows"

var isWindowsVar = runtime.GOOS == "windows"

const isUnix = !isWindows

func isWindowsFunc() bool { return runtime.GOOS == "windows" }

func folded() {
	if !isWindows {
		mark() // want "excludes windows"
	}
	if isWindows {
		mark() // want "only windows"
	}
	if !isWindowsVar {
		mark() // want "excludes windows"
	}
	if isUnix {
		mark() // want "excludes windows"
	}
	if !isWindowsFunc() {
		mark() // want "excludes windows"
	}
	goos := runtime.GOOS
	if goos != "windows" {
		mark() // want "excludes windows"
	}
}

func foldedEarly() {
	if isWindows {
		return
	}
	mark() // want "excludes windows"
}
