// Package mg is a fixture stub of github.com/magefile/mage/mg.
package mg

// GoCmd returns the go command mage runs: "go", or $MAGEFILE_GOCMD.
func GoCmd() string { return "go" }

func Deps(fns ...interface{}) {}

func SerialDeps(fns ...interface{}) {}
