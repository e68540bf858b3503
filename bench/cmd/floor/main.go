// Command floor is winlint's speed floor: the winlint driver (go vet
// -vettool=<self> -json, GOOS=windows, the same result parsing) with a
// no-op analyzer instead of winlint's checks. bench/run compares winlint
// with it: what winlint costs above this floor is what its checks cost.
//
//	floor [-checks noop|noopfact] [packages]
//
// -checks noop (default): one analyzer that does nothing.
//
// -checks noopfact: one analyzer that does nothing but declares a fact
// type, as winlint's analyzers do.
//
// Either way go vet runs the tool on every dependency: x/tools'
// unitchecker type-checks each package from source and exports its types
// (and facts) into the vetx file its importers read. noopfact adds only
// the (empty) fact encoding.
//
// The binary is also the vet tool go vet runs (-V=full, -flags, *.cfg).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/driver"
)

type nothing struct{}

func (*nothing) AFact()         {}
func (*nothing) String() string { return "nothing" }

var (
	noop = &analysis.Analyzer{
		Name: "noop",
		Doc:  "does nothing (speed floor)",
		Run:  func(*analysis.Pass) (any, error) { return nil, nil },
	}
	noopfact = &analysis.Analyzer{
		Name:      "noopfact",
		Doc:       "does nothing but declares a fact type (speed floor with facts)",
		FactTypes: []analysis.Fact{new(nothing)},
		Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	}
	families = []*catalog.Family{
		catalog.NewFamily(noop, check("WL9901", "no-op")),
		catalog.NewFamily(noopfact, check("WL9902", "no-op with a fact type")),
	}
)

func check(id, title string) *catalog.Check {
	src := "package p\n"
	return &catalog.Check{ID: id, Title: title, Default: id == "WL9901", Severity: catalog.Note, Doc: title, Bad: src, Good: src}
}

func main() {
	args := os.Args[1:]
	if isVetTool(args) {
		flag.String("checks", "noop", "noop or noopfact")
		enabled, err := catalog.Select(families, scanChecks(args))
		if err != nil {
			fmt.Fprintf(os.Stderr, "floor: %v\n", err)
			os.Exit(2)
		}
		unitchecker.Main(catalog.Configure(families, enabled)...)
	}
	fs := flag.NewFlagSet("floor", flag.ExitOnError)
	checks := fs.String("checks", "noop", "noop or noopfact")
	fs.Parse(args)
	tool, err := os.Executable()
	if err != nil {
		fmt.Fprintf(os.Stderr, "floor: %v\n", err)
		os.Exit(1)
	}
	res := driver.Run(context.Background(), &driver.Config{
		Tool:     tool,
		Checks:   *checks,
		GOOS:     []string{"windows"},
		Patterns: fs.Args(),
		Families: families,
	})
	for _, e := range res.Errors {
		fmt.Fprintln(os.Stderr, e.Message)
	}
	fmt.Printf("floor: %d findings, %d errors\n", len(res.Findings), len(res.Errors))
	if len(res.Errors) > 0 {
		os.Exit(1)
	}
}

func isVetTool(args []string) bool {
	for _, a := range args {
		if a == "-flags" || a == "--flags" || strings.HasPrefix(a, "-V=") || strings.HasPrefix(a, "--V=") {
			return true
		}
	}
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg")
}

func scanChecks(args []string) string {
	spec := "noop"
	for i := 0; i < len(args); i++ {
		name, value, ok := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if !strings.HasPrefix(args[i], "-") || name != "checks" {
			continue
		}
		if ok {
			spec = value
		} else if i+1 < len(args) {
			spec = args[i+1]
			i++
		}
	}
	return spec
}
