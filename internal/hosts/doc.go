// Package hosts holds the end-to-end tests of winlint in the hosts it is
// run from besides its own CLI and golangci-lint (tested in plugin/):
// pre-commit, the GitHub composite action, go vet and go fix, Bazel's nogo
// (rules_go's nogo runner, without Bazel: nogo_test.go) and the go
// command's shared cache (GOCACHEPROG: cacheprog_test.go). Each test runs
// the real tool with the configuration the README shows or the repository
// ships, read from those files.
package hosts
