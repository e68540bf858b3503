package goosguard

// A constant declared in a file that builds only for Windows: its value is
// known on Windows only.
const onWindows = true

func platform() {
	if !onWindows {
		markw() // want "excludes windows"
	}
	if onWindows {
		markw()
	}
}

func markw() {}
