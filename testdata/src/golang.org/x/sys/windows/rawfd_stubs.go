package windows

// Stubs for the rawfd fixtures.

func GetConsoleMode(console Handle, mode *uint32) (err error) { return nil }
