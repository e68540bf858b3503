// Package nogo holds one package per winlint analyzer family, each
// exporting the variable Analyzer, as Bazel's nogo (rules_go) requires of
// the go_library targets it is given: see the README's "Bazel nogo"
// section. Each analyzer reports its family's default checks; the analyzer
// flag "checks" (nogo's analyzer_flags) selects others.
package nogo
