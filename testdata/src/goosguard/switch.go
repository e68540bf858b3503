package goosguard

import "runtime"

func tagged() {
	switch runtime.GOOS {
	case "linux", "darwin":
		mark() // want "excludes windows"
	case "windows":
		mark() // want "only windows"
	case "plan9", "js":
		mark() // want "excludes windows"
	default:
		mark() // want "excludes windows"
	}
}

func defaultWithoutWindows() {
	switch runtime.GOOS {
	case "linux":
		mark() // want "excludes windows"
	default:
		mark()
	}
}

func fallthroughFromWindows() {
	switch runtime.GOOS {
	case "windows":
		fallthrough
	case "linux":
		mark()
	case "darwin":
		mark() // want "excludes windows"
	}
}

func tagless() {
	switch {
	case runtime.GOOS == "windows":
		mark() // want "only windows"
	case x:
		mark() // want "excludes windows"
	default:
		mark() // want "excludes windows"
	}
	switch {
	case x:
		mark()
	case runtime.GOOS == "windows":
		mark() // want "only windows"
	default:
		mark() // want "excludes windows"
	}
}

func localGOOS() {
	switch goos := runtime.GOOS; goos {
	case "linux":
		mark() // want "excludes windows"
	case "windows":
		mark() // want "only windows"
	}
}
