package hosts

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"go/build"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/winlint/winlint"
	"github.com/winlint/winlint/internal/snippet"
)

// rulesGoVersion is the rules_go release whose nogo runner the test builds
// (from the Go module proxy). To move to a newer release, change it and
// check that builderSrcs and nogoSrcs still match the "builder_srcs" and
// "nogo_srcs" lists of its go/tools/builders/BUILD.bazel.
const rulesGoVersion = "v0.65.0"

// The sources of rules_go's builder binary (the filegroup "builder_srcs",
// path.go being the non-Windows choice of its select) and those nogo is
// compiled from besides its generated main (the go_source "nogo_srcs").
var (
	builderSrcs = []string{
		"ar.go", "asm.go", "baseline_coverage.go", "builder.go", "buildid.go", "buildinfo.go",
		"cc.go", "cgo2.go", "codesign.go", "compilepkg.go", "constants.go", "cover.go",
		"edit.go", "embedcfg.go", "env.go", "filter.go", "filter_buildid.go", "flags.go",
		"generate_nogo_main.go", "generate_test_main.go", "importcfg.go", "link.go", "nogo.go",
		"nogo_validation.go", "preprofile.go", "read.go", "replicate.go", "stdlib.go",
		"stdliblist.go", "path.go",
	}
	nogoSrcs = []string{
		"constants.go", "env.go", "flags.go", "nogo_fix.go", "nogo_goversions_go118.go",
		"nogo_goversions_go121.go", "nogo_goversions_go122.go", "nogo_main.go",
		"nogo_version.go", "nolint.go",
	}
)

// TestNogo runs winlint's analyzers under rules_go's own nogo runner, the
// way Bazel runs it, without Bazel (no Bazel that can build Go 1.26 code is
// reachable here; see the README's "Bazel nogo" section):
//
//   - rules_go's builder binary is built from its go/tools/builders sources;
//   - its "gennogomain" verb (what the nogo rule runs) writes nogo's main
//     from the analyzer packages (winlint's nogo/<family>, one per family of
//     winlint.Families) and testdata/e2e/nogo/nogo_config.json;
//   - nogo is compiled and linked from that main and the nogo_srcs with the
//     compiler and linker directly, as Bazel does (nogo imports
//     golang.org/x/tools/internal/facts, which the go command would refuse);
//   - each package of testdata/e2e/nogo is then checked by the builder's
//     "nogo" verb with the arguments of rules_go's RunNogo action
//     (compilepkg.bzl: -src, -arc, -facts, -importpath, -p, -package_list,
//     -out_facts, -out, -go_version, -nogo, in a -param file; GOOS=windows),
//     package b first, whose facts file goes to package a's action, and its
//     "nogovalidation" verb (the ValidateNogo action) fails on findings.
//
// It needs the Go module proxy (rules_go and go-udiff); it fails, never
// skips, when something is missing.
func TestNogo(t *testing.T) {
	root := repoRoot(t)
	checkNogoSnippet(t, root)
	rulesGo := downloadModule(t, "github.com/bazelbuild/rules_go@"+rulesGoVersion)
	srcDir := filepath.Join(rulesGo, "go", "tools", "builders")

	work := nogoWorkDir(t, root)
	builder, nogo := buildNogo(t, root, rulesGo, srcDir, work)

	// The fixture module, copied: the actions run in its root with
	// root-relative source paths, as Bazel's actions run in the execroot.
	fix := t.TempDir()
	copyTree(t, filepath.Join(root, "testdata", "e2e", "nogo"), fix)
	targetEnv := []string{"GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=-mod=mod"}

	// Export data of every dependency compiled for windows/amd64 (Bazel's
	// compile actions and its stdlib action produce these), laid out as a
	// GOROOT/pkg/windows_amd64 for the builder, which finds the standard
	// library there.
	listed := mustRun(t, fix, targetEnv, "go", "list", "-export", "-deps",
		"-f", "{{.ImportPath}}\t{{.Export}}\t{{.Standard}}", "./...")
	export := map[string]string{}
	goroot := filepath.Join(t.TempDir(), "goroot")
	for _, line := range strings.Split(strings.TrimSpace(listed), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 || f[1] == "" {
			continue
		}
		export[f[0]] = f[1]
		if f[2] == "true" {
			dst := filepath.Join(goroot, "pkg", "windows_amd64", filepath.FromSlash(f[0])+".a")
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(f[1], dst); err != nil {
				t.Fatal(err)
			}
		}
	}
	packageList := filepath.Join(t.TempDir(), "packages.txt")
	std := mustRun(t, fix, targetEnv, "go", "list", "std")
	if err := os.WriteFile(packageList, []byte(std), 0o644); err != nil {
		t.Fatal(err)
	}
	sdk := strings.TrimSpace(mustRun(t, fix, nil, "go", "env", "GOROOT"))
	goVersion := strings.TrimPrefix(runtime.Version(), "go")
	if i := strings.IndexAny(goVersion, " -"); i >= 0 {
		goVersion = goVersion[:i]
	}

	out := t.TempDir()
	const mod = "example.com/nogofix"
	// action runs the RunNogo and ValidateNogo actions of one package and
	// returns the validation's output and whether it failed.
	action := func(pkg string, deps []string, facts map[string]string) (string, bool) {
		t.Helper()
		srcs, err := filepath.Glob(filepath.Join(fix, pkg, "*.go"))
		if err != nil || len(srcs) == 0 {
			t.Fatalf("no sources in %s", pkg)
		}
		diag := filepath.Join(out, pkg+"-"+strconv.Itoa(len(facts))+".out")
		if err := os.MkdirAll(diag, 0o755); err != nil {
			t.Fatal(err)
		}
		args := []string{"-sdk", sdk, "-goroot", goroot, "-installsuffix", "windows_amd64"}
		for _, s := range srcs {
			rel, _ := filepath.Rel(fix, s)
			args = append(args, "-src", filepath.ToSlash(rel))
		}
		for _, d := range deps {
			args = append(args, "-arc", mod+"/"+d+"="+mod+"/"+d+"="+export[mod+"/"+d])
		}
		args = append(args, "-importpath", mod+"/"+pkg, "-p", mod+"/"+pkg, "-package_list", packageList)
		for _, d := range slices.Sorted(maps.Keys(facts)) {
			args = append(args, "-facts", mod+"/"+d+"="+mod+"/"+d+"="+facts[d])
		}
		args = append(args, "-out_facts", filepath.Join(out, pkg+".x"), "-out", diag,
			"-go_version", goVersion, "-nogo", nogo)
		params := filepath.Join(out, pkg+".params")
		if err := os.WriteFile(params, []byte(strings.Join(args, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		// RunNogo: succeeds with findings (they go to the log in -out).
		mustRun(t, fix, targetEnv, builder, "nogo", "-param="+params)
		// ValidateNogo: prints the findings and fails on them.
		vout, code := run(t, fix, nil, builder, "nogovalidation", filepath.Join(out, pkg+".valid"), diag)
		return vout, code != 0
	}

	// Package b: WL2001 in listen.go; listen_gen.go is excluded by the
	// config (exclude_files), and b's leak by filehandle's only_files.
	// (In package a, the config's analyzer_flags turn WL2005 off.)
	bOut, bFailed := action("b", nil, nil)
	expectNogo(t, "b", bOut, bFailed, []string{
		`b/listen.go:7:20: "tcp6" on a wildcard address listens on IPv6 only (IPV6_V6ONLY=1): IPv4 clients cannot connect; use "tcp" for a dual-stack listener (WL2001) (netfamily)`,
	})
	bFacts := filepath.Join(out, "b.x")
	if fi, err := os.Stat(bFacts); err != nil || fi.Size() == 0 {
		t.Fatalf("nogo wrote no facts for package b (%v)", err)
	}
	bFactsCopy := filepath.Join(out, "b-facts.x")
	if err := copyFile(bFacts, bFactsCopy); err != nil {
		t.Fatal(err)
	}

	// Package a with b's facts: the file lent to b.Checksum and the one
	// b.OpenLog returned leak; the one given to b.CloseQuietly does not.
	aOut, aFailed := action("a", []string{"b"}, map[string]string{"b": bFactsCopy})
	expectNogo(t, "a", aOut, aFailed, []string{
		`a/a.go:16:24: "tcp6" on a wildcard address listens on IPv6 only (IPV6_V6ONLY=1): IPv4 clients cannot connect; use "tcp" for a dual-stack listener (WL2001) (netfamily)`,
		`a/a.go:42:12: f is not closed on the path through the return at line 46; close it or defer f.Close() (WL1001) (filehandle)`,
		`a/a.go:51:13: lf is not closed on the path through the return at line 56; close it or defer lf.Close() (WL1001) (filehandle)`,
	})

	// The control: without b's facts, nothing is known of b's functions:
	// a file handed to them counts as handed on, and the leaks are not
	// found. So the findings above came through the facts file.
	aOut, aFailed = action("a", []string{"b"}, nil)
	expectNogo(t, "a without b's facts", aOut, aFailed, []string{
		`a/a.go:16:24: "tcp6" on a wildcard address listens on IPv6 only (IPV6_V6ONLY=1): IPv4 clients cannot connect; use "tcp" for a dual-stack listener (WL2001) (netfamily)`,
	})

	// The config matters: winlint's own CLI, on the same module, also
	// reports what nogo_config.json filters out (exclude_files,
	// only_files, analyzer_flags).
	cli, _ := run(t, fix, nil, winlintBinary(t), "./...")
	for _, want := range []string{"b/listen_gen.go:8:20: ", "b/b.go:33:12: f is not closed", "a/a.go:26:27: listening on localhost"} {
		if !strings.Contains(cli, want) {
			t.Errorf("winlint ./... on the fixture does not report %q, which nogo_config.json is to filter out:\n%s", want, cli)
		}
	}
}

// expectNogo checks the findings ValidateNogo printed for one package.
func expectNogo(t *testing.T, what, out string, failed bool, want []string) {
	t.Helper()
	var got []string
	for _, line := range strings.Split(out, "\n") {
		if nogoFinding.MatchString(line) {
			got = append(got, line)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("nogo on %s: findings\n\t%s\nwant\n\t%s\nfull output:\n%s", what,
			strings.Join(got, "\n\t"), strings.Join(want, "\n\t"), out)
	}
	if failed != (len(want) > 0) {
		t.Errorf("nogo on %s: validation failed = %v, want %v\n%s", what, failed, len(want) > 0, out)
	}
}

var nogoFinding = regexp.MustCompile(`^[ab]/\w+\.go:\d+:\d+: `)

// downloadModule downloads module@version through the go command (from
// GOPROXY) and returns its directory in the module cache.
func downloadModule(t *testing.T, modVersion string) string {
	t.Helper()
	out := mustRun(t, t.TempDir(), []string{"GOFLAGS=-mod=mod"}, "go", "mod", "download", "-json", modVersion)
	var m struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(out), &m); err != nil || m.Dir == "" {
		t.Fatalf("go mod download %s: %v %s\n%s", modVersion, err, m.Error, out)
	}
	return m.Dir
}

// nogoWorkDir is where the builder and nogo are built: a module under
// $HOME/.cache/winlint-nogo, kept between runs so that the go command's
// build cache makes the next build fast; one per checkout, so that tests of
// two checkouts do not rebuild in each other's directory.
func nogoWorkDir(t *testing.T, root string) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(root))
	dir := filepath.Join(cache, "winlint-nogo", fmt.Sprintf("rules_go@%s-%x", rulesGoVersion, sum[:4]))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// buildNogo builds rules_go's builder and, through its gennogomain verb,
// the nogo binary with winlint's analyzers, in the module work (requiring
// winlint from root), and returns both executables.
func buildNogo(t *testing.T, root, rulesGo, srcDir, work string) (builder, nogo string) {
	t.Helper()
	for _, d := range []string{"builder", "nogo", "deps"} {
		if err := os.RemoveAll(filepath.Join(work, d)); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(work, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range builderSrcs {
		if err := copyFile(filepath.Join(srcDir, f), filepath.Join(work, "builder", f)); err != nil {
			t.Fatalf("rules_go %s: %v (has builder_srcs changed?)", rulesGoVersion, err)
		}
	}
	// nogo_srcs, less the files build constraints exclude for this Go
	// version (the go_source rule filters them).
	var nogoFiles []string
	for _, f := range nogoSrcs {
		src := filepath.Join(srcDir, f)
		ok, err := build.Default.MatchFile(srcDir, f)
		if err != nil {
			t.Fatalf("rules_go %s: %v (has nogo_srcs changed?)", rulesGoVersion, err)
		}
		if !ok {
			continue
		}
		dst := filepath.Join(work, "nogo", f)
		if err := copyFile(src, dst); err != nil {
			t.Fatal(err)
		}
		nogoFiles = append(nogoFiles, dst)
	}

	// The analyzer packages: one per family, each exporting Analyzer.
	var analyzerPkgs []string
	for _, f := range winlint.Families {
		analyzerPkgs = append(analyzerPkgs, "github.com/winlint/winlint/nogo/"+f.Analyzer.Name)
	}

	// The module: winlint (replaced by this checkout) and nogo's other
	// dependency, go-udiff, at the version rules_go requires.
	udiff := requiredVersion(t, filepath.Join(rulesGo, "go.mod"), "github.com/aymanbagabas/go-udiff")
	gomod := fmt.Sprintf("module winlint.test/nogobuild\n\ngo 1.26\n\nrequire (\n\tgithub.com/winlint/winlint v0.0.0-00010101000000-000000000000\n\tgithub.com/aymanbagabas/go-udiff %s\n)\n\nreplace github.com/winlint/winlint => %s\n", udiff, root)
	deps := "// Package deps imports what nogo is compiled against, for go mod tidy.\npackage deps\n\nimport (\n"
	for _, p := range append(slices.Clone(analyzerPkgs), "golang.org/x/tools/go/analysis", "golang.org/x/tools/go/gcexportdata", "github.com/aymanbagabas/go-udiff") {
		deps += "\t_ " + strconv.Quote(p) + "\n"
	}
	deps += ")\n"
	writeFiles(t, work, map[string]string{"go.mod": gomod, "deps/deps.go": deps})
	os.Remove(filepath.Join(work, "go.sum"))
	hostEnv := []string{"GOOS=", "GOARCH=", "CGO_ENABLED=0", "GOFLAGS=-mod=mod"}
	mustRun(t, work, hostEnv, "go", "mod", "tidy")

	builder = filepath.Join(work, "builder.exe")
	// (The x_defs of its go_binary: a label prefix only its stdliblist verb
	// uses, set to rules_go's value.)
	mustRun(t, work, hostEnv, "go", "build", "-ldflags=-X main.rulesGoStdlibPrefix=@io_bazel_rules_go//stdlib:", "-o", builder, "./builder")

	// The nogo rule's GoGenNogo action.
	genArgs := []string{"gennogomain", "-output", filepath.Join(work, "nogo", "nogo_main_gen.go")}
	for _, p := range analyzerPkgs {
		genArgs = append(genArgs, "-analyzer_importpath", p)
	}
	genArgs = append(genArgs, "-config", filepath.Join(root, "testdata", "e2e", "nogo", "nogo_config.json"))
	mustRun(t, work, hostEnv, builder, genArgs...)
	nogoFiles = append(nogoFiles, filepath.Join(work, "nogo", "nogo_main_gen.go"))

	// Compile and link nogo against the export data of its imports and
	// their dependencies.
	imports := map[string]bool{}
	fset := token.NewFileSet()
	for _, f := range nogoFiles {
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			imports[p] = true
		}
	}
	if !imports["golang.org/x/tools/internal/facts"] {
		t.Fatalf("rules_go %s's nogo no longer imports x/tools/internal/facts: check how it is built", rulesGoVersion)
	}
	listArgs := append([]string{"list", "-export", "-deps", "-f", "{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}"}, slices.Sorted(maps.Keys(imports))...)
	importcfg := mustRun(t, work, hostEnv, "go", listArgs...)
	cfgFile := filepath.Join(work, "nogo", "importcfg")
	if err := os.WriteFile(cfgFile, []byte(importcfg), 0o644); err != nil {
		t.Fatal(err)
	}
	archive := filepath.Join(work, "nogo", "nogo.a")
	mustRun(t, work, hostEnv, "go", append([]string{"tool", "compile", "-p", "main", "-complete", "-importcfg", cfgFile, "-pack", "-o", archive}, nogoFiles...)...)
	nogo = filepath.Join(work, "nogo.exe")
	mustRun(t, work, hostEnv, "go", "tool", "link", "-importcfg", cfgFile, "-buildmode=exe", "-o", nogo, archive)
	return builder, nogo
}

// requiredVersion returns the version of module path that the go.mod file
// requires.
func requiredVersion(t *testing.T, gomod, path string) string {
	t.Helper()
	data, err := os.ReadFile(gomod)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*(?:require\s+)?` + regexp.QuoteMeta(path) + `\s+(v\S+)`).FindSubmatch(data)
	if m == nil {
		t.Fatalf("%s does not require %s", gomod, path)
	}
	return string(m[1])
}

// copyTree copies the regular files under src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.Walk(src, func(path string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		if fi.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		return copyFile(path, filepath.Join(dst, rel))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// checkNogoSnippet checks that the README's nogo rule lists one analyzer
// package per family of winlint.Families, the packages the test builds
// nogo with.
func checkNogoSnippet(t *testing.T, root string) {
	t.Helper()
	build, err := snippet.Get(filepath.Join(root, "README.md"), "nogo-build")
	if err != nil {
		t.Fatal(err)
	}
	var got, want []string
	for _, m := range regexp.MustCompile(`"@com_github_winlint_winlint//nogo/(\w+)"`).FindAllStringSubmatch(build, -1) {
		got = append(got, m[1])
	}
	for _, f := range winlint.Families {
		want = append(want, f.Analyzer.Name)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("README nogo-build snippet lists analyzer packages %v, want nogo/<family> for %v", got, want)
	}
}
