package main

// linuxOnly is not compiled for GOOS=windows: its directive is not judged.
func linuxOnly() {
	//winlint:ignore WL2001 not compiled on windows
	_ = 0
}
