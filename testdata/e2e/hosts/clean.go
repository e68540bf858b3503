package main

// unusedDirective has no findings at all, but a stale directive.
func unusedDirective() int {
	//winlint:ignore WL2002 nothing here any more
	return 1
}
