package main

// End-to-end tests: build the winlint binary once and run it, and go vet
// with it as the vet tool, on the example modules in testdata/e2e (each its
// own module, importing the standard library only).

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/winlint/winlint"
	"github.com/winlint/winlint/internal/catalog"
	"github.com/winlint/winlint/internal/output"
	"github.com/winlint/winlint/internal/snippet"
)

var update = flag.Bool("update", false, "rewrite the golden files of the -fix and -diff tests")

// bin is the winlint binary built by TestMain.
var bin string

// e2eDir holds the example modules.
var e2eDir = filepath.Join("..", "..", "testdata", "e2e")

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "winlint-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "winlint")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "building winlint: %v\n", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	if e2eDir, err = filepath.Abs(e2eDir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// The modules are read by subprocesses only: stat them here so that
	// go test's result cache notices when they change.
	filepath.WalkDir(e2eDir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			os.Stat(path)
		}
		return nil
	})
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// env is the environment of the commands the tests run: the test's own,
// without anything that would change the build configuration, plus extra.
func env(extra ...string) []string {
	var out []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "GOOS", "GOARCH", "CGO_ENABLED", "GOFLAGS", "GOWORK", "GOTOOLCHAIN":
			continue
		}
		out = append(out, kv)
	}
	out = append(out, "GOWORK=off", "GOFLAGS=", "GOTOOLCHAIN=local")
	return append(out, extra...)
}

type outcome struct {
	stdout, stderr string
	code           int
}

// command runs a command in dir with env(extra...).
func command(t *testing.T, dir string, extra []string, name string, args ...string) outcome {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env(extra...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if err != nil {
		exit, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("running %s %s: %v", name, strings.Join(args, " "), err)
		}
		code = exit.ExitCode()
	}
	return outcome{stdout.String(), stderr.String(), code}
}

// lint runs the winlint binary in dir.
func lint(t *testing.T, dir string, extra []string, args ...string) outcome {
	t.Helper()
	return command(t, dir, extra, bin, args...)
}

func (o outcome) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", o.code, o.stdout, o.stderr)
}

func wantCode(t *testing.T, o outcome, code int) {
	t.Helper()
	if o.code != code {
		t.Fatalf("want exit %d, got %s", code, o)
	}
}

// decode parses -f json output.
func decode(t *testing.T, o outcome) *output.JSONReport {
	t.Helper()
	var r output.JSONReport
	if err := json.Unmarshal([]byte(o.stdout), &r); err != nil {
		t.Fatalf("invalid JSON output: %v\n%s", err, o)
	}
	return &r
}

// places lists findings as "file:line:col ID", sorted; with goos set, each
// is followed by its GOOS values.
func places(r *output.JSONReport, goos bool) []string {
	var out []string
	for _, f := range r.Findings {
		s := fmt.Sprintf("%s:%d:%d %s", filepath.ToSlash(f.Posn.File), f.Posn.Line, f.Posn.Column, f.ID)
		if goos {
			s += " " + strings.Join(f.GOOS, ",")
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func netapp() string { return filepath.Join(e2eDir, "netapp") }

// The findings in testdata/e2e/netapp when built for Windows.
var netappWindows = []string{
	"internal/srv/srv.go:19:20 WL2004",
	"internal/srv/srv_test.go:10:24 WL2004",
	"listen_windows.go:7:32 WL2002",
	"main.go:13:24 WL2001",
}

// (a) winlint and go vet -vettool=winlint report the same findings.
func TestSameAsGoVet(t *testing.T) {
	t.Parallel()
	o := lint(t, netapp(), nil, "-json", "./...")
	wantCode(t, o, exitFindings)
	got := places(decode(t, o), false)
	if !slices.Equal(got, netappWindows) {
		t.Errorf("winlint findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(netappWindows, "\n"))
	}

	vet := command(t, netapp(), []string{"GOOS=windows"}, "go", "vet", "-vettool="+bin, "./...")
	if vet.code == 0 {
		t.Fatalf("go vet reported nothing: %s", vet)
	}
	if fromVet := vetPlaces(vet.stderr); !slices.Equal(fromVet, got) {
		t.Errorf("go vet -vettool=winlint findings:\n%s\nwinlint:\n%s\n(go vet said:\n%s)",
			strings.Join(fromVet, "\n"), strings.Join(got, "\n"), vet.stderr)
	}

	// The text output is go vet's, line for line.
	text := lint(t, netapp(), nil, "./...")
	wantCode(t, text, exitFindings)
	if fromText := vetPlaces(text.stdout); !slices.Equal(fromText, got) {
		t.Errorf("text output:\n%s\nwant the places %v", text.stdout, got)
	}
	for _, line := range strings.Split(strings.TrimSpace(text.stdout), "\n") {
		if !strings.Contains(vet.stderr, line+"\n") {
			t.Errorf("winlint printed %q, which go vet did not:\n%s", line, vet.stderr)
		}
	}

	// go vet forwards -checks to the tool.
	vet = command(t, netapp(), []string{"GOOS=windows"}, "go", "vet", "-vettool="+bin, "-checks=WL2002", "./...")
	if want := []string{"listen_windows.go:7:32 WL2002"}; !slices.Equal(vetPlaces(vet.stderr), want) {
		t.Errorf("go vet -checks=WL2002: got %v, want %v\n%s", vetPlaces(vet.stderr), want, vet)
	}
}

var vetLine = regexp.MustCompile(`(?m)^(\S+\.go):(\d+):(\d+): .*\((WL\d{4})\)$`)

// vetPlaces extracts "file:line:col ID" from go vet's text output.
func vetPlaces(s string) []string {
	var out []string
	for _, m := range vetLine.FindAllStringSubmatch(s, -1) {
		out = append(out, fmt.Sprintf("%s:%s:%s %s", filepath.ToSlash(m[1]), m[2], m[3], m[4]))
	}
	sort.Strings(out)
	return out
}

// (b) A package that does not type-check is an error; the others are
// still analysed.
func TestBrokenPackage(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(e2eDir, "broken")
	o := lint(t, dir, nil, "./...")
	wantCode(t, o, exitError)
	for _, want := range []string{"# example.com/broken/bad\n", "bad/bad.go:8:14: cannot use"} {
		if !strings.Contains(o.stderr, filepath.FromSlash(want)) {
			t.Errorf("stderr lacks %q:\n%s", want, o)
		}
	}
	if want := filepath.FromSlash("good/good.go:8:20: ") + `"tcp6" on a wildcard address`; !strings.Contains(o.stdout, want) || !strings.HasSuffix(o.stdout, "(WL2001)\n") {
		t.Errorf("stdout lacks the finding in package good:\n%s", o)
	}

	// The same in JSON, with the same exit status.
	j := lint(t, dir, nil, "-f", "json", "./...")
	wantCode(t, j, exitError)
	r := decode(t, j)
	if got := places(r, false); !slices.Equal(got, []string{"good/good.go:8:20 WL2001"}) {
		t.Errorf("findings %v", got)
	}
	if len(r.Errors) == 0 || r.Errors[0].Package != "example.com/broken/bad" || r.Errors[0].Posn == nil ||
		filepath.ToSlash(r.Errors[0].Posn.File) != "bad/bad.go" || r.Errors[0].Posn.Line != 8 {
		t.Errorf("errors: %+v", r.Errors)
	}
}

// (c) A pattern that matches nothing is an error.
func TestNoPackages(t *testing.T) {
	t.Parallel()
	o := lint(t, netapp(), nil, "./nothing/...")
	wantCode(t, o, exitError)
	if !strings.Contains(o.stderr, `winlint: pattern "./nothing/..." matches no packages`) {
		t.Errorf("stderr does not name the pattern:\n%s", o)
	}

	// A directory without Go files: go vet warns and goes on with the
	// other patterns; winlint reports their findings and fails.
	o = lint(t, netapp(), nil, "./assets/...", "./internal/...")
	wantCode(t, o, exitError)
	if !strings.Contains(o.stderr, `winlint: pattern "./assets/..." matches no packages`) {
		t.Errorf("stderr lacks the warning:\n%s", o)
	}
	dirOnly := lint(t, netapp(), nil, "./assets")
	wantCode(t, dirOnly, exitError)
	if want := "winlint: pattern " + filepath.FromSlash("./assets") + " matches no packages"; !strings.Contains(dirOnly.stderr, want) {
		t.Errorf("want %q:\n%s", want, dirOnly)
	}
	for _, o := range []outcome{o, dirOnly, lint(t, netapp(), nil, "./assets/...")} {
		// In winlint's words, not the go command's.
		if strings.Contains(o.stderr, "no packages to vet") || strings.Contains(o.stderr, "go: warning") {
			t.Errorf("stderr speaks go vet's words:\n%s", o)
		}
	}
	if !strings.Contains(o.stdout, "(WL2004)") {
		t.Errorf("the findings of ./internal/... are missing:\n%s", o)
	}
}

// (d) -checks, -list, -explain and usage errors.
func TestChecksSelection(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		checks string
		want   []string
	}{
		{"WL2002", []string{"listen_windows.go:7:32 WL2002"}},
		{"all,-WL2001", netappWindows[:3]},
		{"-WL2004,-WL2002", []string{"main.go:13:24 WL2001"}},
		{"wl200[12]", []string{"listen_windows.go:7:32 WL2002", "main.go:13:24 WL2001"}},
		{"netfamily", netappWindows},
	} {
		o := lint(t, netapp(), nil, "-json", "-checks="+tc.checks, "./...")
		wantCode(t, o, exitFindings)
		if got := places(decode(t, o), false); !slices.Equal(got, tc.want) {
			t.Errorf("-checks=%s: got %v, want %v", tc.checks, got, tc.want)
		}
	}

	// No finding: exit 0, nothing printed.
	o := lint(t, netapp(), nil, "-checks=WL2003", "./...")
	wantCode(t, o, exitOK)
	if o.stdout != "" || o.stderr != "" {
		t.Errorf("a clean run printed something: %s", o)
	}
	o = lint(t, netapp(), nil, "-checks=WL2003", "-f", "json", "./...")
	wantCode(t, o, exitOK)
	if r := decode(t, o); len(r.Findings) != 0 || len(r.Errors) != 0 || !slices.Equal(r.GOOS, []string{"windows"}) {
		t.Errorf("clean JSON report: %+v", r)
	}
}

func TestListExplain(t *testing.T) {
	t.Parallel()
	o := lint(t, netapp(), nil, "-list")
	wantCode(t, o, exitOK)
	lines := strings.Split(strings.TrimSuffix(o.stdout, "\n"), "\n")
	checks := winlint.Checks()
	if len(lines) != len(checks) {
		t.Fatalf("-list printed %d lines for %d checks:\n%s", len(lines), len(checks), o.stdout)
	}
	for i, c := range checks {
		state := "off"
		if c.Default {
			state = "on"
		}
		if f := strings.Fields(lines[i]); len(f) < 4 || f[0] != c.ID || f[1] != state || f[2] != string(c.Severity) ||
			!strings.HasSuffix(lines[i], "  "+c.Title) {
			t.Errorf("-list line %q does not describe %s (%s, %s, %q)", lines[i], c.ID, state, c.Severity, c.Title)
		}
	}

	for _, id := range []string{"WL2001", "wl2004"} {
		o = lint(t, netapp(), nil, "-explain", id)
		wantCode(t, o, exitOK)
		if want := catalog.Page(catalog.Lookup(winlint.Families, id)); o.stdout != want {
			t.Errorf("-explain %s:\n%s\nwant:\n%s", id, o.stdout, want)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-explain", "WL9999"}, `unknown check "WL9999"`},
		{[]string{"-checks=WL09*", "./..."}, `"WL09*" matches no check`},
		{[]string{"-checks=all,-nosuch", "./..."}, `"nosuch" matches no check`},
		{[]string{"-f", "xml", "./..."}, `unknown format "xml"`},
		{[]string{"-f", "text", "-json", "./..."}, "-json conflicts with -f text"},
		{[]string{"-diff", "-json", "./..."}, "-diff"},
		{[]string{"-nosuchflag"}, "flag provided but not defined"},
		{[]string{"-goos", "Windows!", "./..."}, `invalid GOOS "Windows!"`},
	} {
		o := lint(t, netapp(), nil, tc.args...)
		if o.code != exitUsage || !strings.Contains(o.stderr, tc.want) || o.stdout != "" {
			t.Errorf("winlint %s: want exit 2 and %q on stderr, got %s", strings.Join(tc.args, " "), tc.want, o)
		}
	}

	o := lint(t, netapp(), nil, "-help")
	wantCode(t, o, exitOK)
	for _, want := range []string{"usage: winlint", "-checks", "Exit status:", "3  findings were reported"} {
		if !strings.Contains(o.stderr, want) {
			t.Errorf("-help lacks %q:\n%s", want, o.stderr)
		}
	}

	o = lint(t, netapp(), nil, "-V")
	wantCode(t, o, exitOK)
	if !strings.HasPrefix(o.stdout, "winlint ") {
		t.Errorf("-V printed %q", o.stdout)
	}
}

// (e) -diff and -fix, against golden files, on a copy of netapp.
func TestFixAndDiff(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyDir(t, netapp(), dir)
	golden := filepath.Join(e2eDir, "golden", "netapp")
	fixed := []string{"main.go", "internal/srv/srv.go", "internal/srv/srv_test.go"}

	// -diff prints the patch, changes nothing, and lists on stderr the
	// finding no fix covers.
	o := lint(t, dir, nil, "-diff", "./...")
	wantCode(t, o, exitFindings)
	checkGolden(t, filepath.Join(golden, "fix.diff"), o.stdout)
	if !strings.Contains(o.stderr, "listen_windows.go:7:32:") || strings.Contains(o.stderr, "main.go:13:24") {
		t.Errorf("-diff stderr should list only the unfixable finding:\n%s", o)
	}
	assertSame(t, netapp(), dir, fixed...)

	// -fix -diff is -diff.
	if o2 := lint(t, dir, nil, "-fix", "-diff", "./..."); o2.stdout != o.stdout || o2.code != exitFindings {
		t.Errorf("-fix -diff differs from -diff: %s", o2)
	}

	// -fix applies the fixes; the finding without a fix remains.
	o = lint(t, dir, nil, "-fix", "./...")
	wantCode(t, o, exitFindings)
	if want := "listen_windows.go:7:32: "; !strings.HasPrefix(o.stdout, want) || strings.Count(o.stdout, "\n") != 1 {
		t.Errorf("after -fix, want only the WL2002 finding:\n%s", o)
	}
	if !strings.Contains(o.stderr, "applied 3 fixes to 3 files") {
		t.Errorf("-fix did not say what it did:\n%s", o)
	}
	for _, name := range fixed {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		checkGolden(t, filepath.Join(golden, filepath.FromSlash(name)+".golden"), string(data))
	}

	// Nothing left to fix; without WL2002 the module is clean.
	o = lint(t, dir, nil, "-diff", "./...")
	if o.stdout != "" || o.code != exitFindings {
		t.Errorf("second -diff: %s", o)
	}
	wantCode(t, lint(t, dir, nil, "-fix", "-checks=-WL2002", "./..."), exitOK)
}

// (e) A fix that would edit a file outside the main module is not applied.
func TestFixOutsideModule(t *testing.T) {
	t.Parallel()
	// The module requires a second module through a replace directive;
	// its package is analysed when named, but it is not the main module.
	root := t.TempDir()
	mainDir, dep := filepath.Join(root, "main"), filepath.Join(root, "dep")
	copyDir(t, filepath.Join(e2eDir, "broken", "good"), filepath.Join(dep, "good"))
	write(t, filepath.Join(dep, "go.mod"), "module example.com/dep\n\ngo 1.26\n")
	write(t, filepath.Join(mainDir, "go.mod"), "module example.com/main\n\ngo 1.26\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n")
	write(t, filepath.Join(mainDir, "main.go"), "package main\n\nimport _ \"example.com/dep/good\"\n\nfunc main() {}\n")

	o := lint(t, mainDir, nil, "-fix", "example.com/dep/good")
	wantCode(t, o, exitFindings)
	if !strings.Contains(o.stderr, "not applying the fix") || !strings.Contains(o.stderr, "not in the main module") {
		t.Errorf("want a warning about the skipped fix:\n%s", o)
	}
	if !strings.Contains(o.stdout, "(WL2001)") {
		t.Errorf("the unfixed finding is not reported:\n%s", o)
	}
	assertSame(t, filepath.Join(e2eDir, "broken"), dep, "good/good.go")
}

// (f) -goos with several values merges the findings of the builds.
func TestGOOSMatrix(t *testing.T) {
	t.Parallel()
	o := lint(t, netapp(), nil, "-goos", "windows,linux", "-json", "./...")
	wantCode(t, o, exitFindings)
	r := decode(t, o)
	if !slices.Equal(r.GOOS, []string{"windows", "linux"}) {
		t.Errorf("goos = %v", r.GOOS)
	}
	want := []string{
		"internal/srv/srv.go:19:20 WL2004 linux,windows",
		"internal/srv/srv_test.go:10:24 WL2004 linux,windows",
		"listen_linux.go:7:24 WL2004 linux",
		"listen_windows.go:7:32 WL2002 windows",
		"main.go:13:24 WL2001 linux,windows",
	}
	if got := places(r, true); !slices.Equal(got, want) {
		t.Errorf("merged findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	text := lint(t, netapp(), nil, "-goos=windows,linux", "./...")
	for _, want := range []string{"(WL2002) [windows]\n", "(WL2004) [linux]\n", "(WL2001)\n"} {
		if !strings.Contains(text.stdout, want) {
			t.Errorf("text output lacks %q:\n%s", want, text)
		}
	}
}

// (g) GOOS in the environment chooses the build; -goos overrides it.
func TestGOOSFromEnvironment(t *testing.T) {
	t.Parallel()
	o := lint(t, netapp(), []string{"GOOS=linux"}, "-json", "./...")
	wantCode(t, o, exitFindings)
	r := decode(t, o)
	want := []string{
		"internal/srv/srv.go:19:20 WL2004",
		"internal/srv/srv_test.go:10:24 WL2004",
		"listen_linux.go:7:24 WL2004",
		"main.go:13:24 WL2001",
	}
	if got := places(r, false); !slices.Equal(got, want) || !slices.Equal(r.GOOS, []string{"linux"}) {
		t.Errorf("GOOS=linux: findings %v for %v, want %v", got, r.GOOS, want)
	}

	o = lint(t, netapp(), []string{"GOOS=linux"}, "-goos=windows", "-json", "./...")
	if got := places(decode(t, o), false); !slices.Equal(got, netappWindows) {
		t.Errorf("GOOS=linux -goos=windows: got %v", got)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, path)
		if err != nil {
			return err
		}
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, file, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// assertSame checks that the named files are identical in both trees.
func assertSame(t *testing.T, a, b string, names ...string) {
	t.Helper()
	for _, name := range names {
		x, errx := os.ReadFile(filepath.Join(a, filepath.FromSlash(name)))
		y, erry := os.ReadFile(filepath.Join(b, filepath.FromSlash(name)))
		if errx != nil || erry != nil || !bytes.Equal(x, y) {
			t.Errorf("%s changed (%v, %v)", name, errx, erry)
		}
	}
}

func checkGolden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		write(t, file, got)
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs:\ngot:\n%s\nwant:\n%s", file, got, want)
	}
}

// A //winlint:ignore without a reason suppresses nothing: the finding is
// reported, and so is the directive (WL0001).
func TestIgnoreWithoutReason(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.com/m\n\ngo 1.26\n")
	write(t, filepath.Join(dir, "m.go"), `package m

import "net"

func Listen() (net.Listener, error) {
	//winlint:ignore WL2001
	return net.Listen("tcp6", ":8080")
}

func Listen2() (net.Listener, error) {
	//winlint:ignore WL2001 the service is IPv6-only by design
	return net.Listen("tcp6", ":8081")
}
`)
	o := lint(t, dir, nil, "-json", "./...")
	wantCode(t, o, exitFindings)
	want := []string{"m.go:6:2 WL0001", "m.go:7:20 WL2001"}
	if got := places(decode(t, o), false); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// -tests=false reports no finding in test files, and no directive in them
// as unused.
func TestNoTests(t *testing.T) {
	t.Parallel()
	o := lint(t, netapp(), nil, "-json", "-tests=false", "./...")
	wantCode(t, o, exitFindings)
	var want []string
	for _, p := range netappWindows {
		if !strings.Contains(p, "_test.go") {
			want = append(want, p)
		}
	}
	if got := places(decode(t, o), false); !slices.Equal(got, want) {
		t.Errorf("-tests=false: got %v, want %v", got, want)
	}

	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.com/m\n\ngo 1.26\n")
	write(t, filepath.Join(dir, "m.go"), "package m\n")
	write(t, filepath.Join(dir, "m_test.go"), `package m

import "net"

func listen() (net.Listener, error) {
	//winlint:ignore WL2001 the test server is IPv6-only
	return net.Listen("tcp6", ":8080")
}
`)
	wantCode(t, lint(t, dir, nil, "./..."), exitOK)
	// The directive is not reported as unused when its finding is not
	// reported either.
	wantCode(t, lint(t, dir, nil, "-tests=false", "./..."), exitOK)
	// A test-only finding is reported by default only.
	write(t, filepath.Join(dir, "m_test.go"), "package m\n\nimport \"net\"\n\nvar _, _ = net.Listen(\"tcp6\", \":8080\")\n")
	wantCode(t, lint(t, dir, nil, "./..."), exitFindings)
	wantCode(t, lint(t, dir, nil, "-tests=false", "./..."), exitOK)
}

// -f checkstyle and -f junit write XML valid for their schemas (checked with
// xmllint), and -f codeclimate the fields GitLab's code quality report
// requires; all three name the findings of a run, with the same exit
// status as text.
func TestCIFormats(t *testing.T) {
	t.Parallel()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is missing (apt-get install libxml2-utils)")
		}
		t.Skip("xmllint is missing (apt-get install libxml2-utils)")
	}
	schemas := filepath.Join("..", "..", "internal", "output", "testdata")
	// Paths are relative to the repository root (that of winlint, when
	// the tests run in a git checkout).
	prefix := ""
	if top := command(t, netapp(), nil, "git", "rev-parse", "--show-toplevel"); top.code == 0 {
		real, _ := filepath.EvalSymlinks(netapp())
		rel, err := filepath.Rel(strings.TrimSpace(top.stdout), real)
		if err != nil {
			t.Fatal(err)
		}
		prefix = filepath.ToSlash(rel) + "/"
	}
	var want []string
	for _, p := range netappWindows {
		want = append(want, prefix+p)
	}
	for _, tc := range []struct {
		format, xsd string
		places      func(t *testing.T, doc []byte) []string
	}{
		{"checkstyle", "checkstyle.xsd", func(t *testing.T, doc []byte) []string {
			var r struct {
				Files []struct {
					Name   string `xml:"name,attr"`
					Errors []struct {
						Line   int    `xml:"line,attr"`
						Column int    `xml:"column,attr"`
						Source string `xml:"source,attr"`
					} `xml:"error"`
				} `xml:"file"`
			}
			if err := xml.Unmarshal(doc, &r); err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, f := range r.Files {
				for _, e := range f.Errors {
					out = append(out, fmt.Sprintf("%s:%d:%d %s", f.Name, e.Line, e.Column, strings.TrimPrefix(e.Source, "winlint.")))
				}
			}
			return out
		}},
		{"junit", "junit.xsd", func(t *testing.T, doc []byte) []string {
			var r struct {
				Cases []struct {
					Name    string    `xml:"name,attr"`
					Failure *struct{} `xml:"failure"`
				} `xml:"testsuite>testcase"`
			}
			if err := xml.Unmarshal(doc, &r); err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, c := range r.Cases {
				if c.Failure != nil {
					id, place, _ := strings.Cut(c.Name, " ")
					out = append(out, place+" "+id)
				}
			}
			return out
		}},
		{"codeclimate", "", func(t *testing.T, doc []byte) []string {
			var issues []struct {
				Description string `json:"description"`
				CheckName   string `json:"check_name"`
				Fingerprint string `json:"fingerprint"`
				Severity    string `json:"severity"`
				Location    struct {
					Path  string `json:"path"`
					Lines struct {
						Begin int `json:"begin"`
					} `json:"lines"`
				} `json:"location"`
			}
			if err := json.Unmarshal(doc, &issues); err != nil {
				t.Fatal(err)
			}
			var out []string
			seen := map[string]bool{}
			for _, is := range issues {
				if is.Description == "" || is.Fingerprint == "" || seen[is.Fingerprint] ||
					!slices.Contains([]string{"info", "minor", "major", "critical", "blocker"}, is.Severity) {
					t.Errorf("issue lacks a GitLab field or has a bad one: %+v", is)
				}
				seen[is.Fingerprint] = true
				// GitLab has lines, not columns: compare lines only.
				out = append(out, fmt.Sprintf("%s:%d %s", is.Location.Path, is.Location.Lines.Begin, is.CheckName))
			}
			return out
		}},
	} {
		o := lint(t, netapp(), nil, "-f", tc.format, "./...")
		wantCode(t, o, exitFindings)
		if tc.xsd != "" {
			cmd := exec.Command(xmllint, "--noout", "--schema", filepath.Join(schemas, tc.xsd), "-")
			cmd.Stdin = strings.NewReader(o.stdout)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("-f %s: invalid document: %v\n%s\n%s", tc.format, err, out, o.stdout)
			}
		}
		got := tc.places(t, []byte(o.stdout))
		sort.Strings(got)
		w := want
		if tc.format == "codeclimate" {
			w = nil
			for _, p := range want {
				place, id, _ := strings.Cut(p, " ")
				w = append(w, place[:strings.LastIndex(place, ":")]+" "+id)
			}
		}
		if !slices.Equal(got, w) {
			t.Errorf("-f %s: findings\n%s\nwant\n%s", tc.format, strings.Join(got, "\n"), strings.Join(w, "\n"))
		}
	}
}

// winlint.conf: checks per directory, inherited down the tree, excluded
// paths; -checks on the command line overrides the files' checks; an error
// in a file is a usage error naming its line.
func TestConfigFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	copyDir(t, netapp(), dir)
	write(t, filepath.Join(dir, "winlint.conf"), `# the module's configuration
checks = ["-WL2002"] # from the default checks
exclude = ["internal/srv/*_test.go"]
`)
	// WL4001 is off by default: a subdirectory turns it on.
	write(t, filepath.Join(dir, "legacy", "winlint.conf"), "checks = [\"inherit\", \"WL4001\"]\n")
	write(t, filepath.Join(dir, "legacy", "legacy_windows.go"), `package legacy

import "syscall"

func P(name string) *uint16 { return syscall.StringToUTF16Ptr(name) }
`)
	// A directory without WL2001: its finding is dropped and the
	// directive is not reported as unused (WL0002).
	write(t, filepath.Join(dir, "quiet", "winlint.conf"), "checks = [\"-WL2001\"]\n")
	write(t, filepath.Join(dir, "quiet", "quiet.go"), `package quiet

import "net"

func L() (net.Listener, error) {
	//winlint:ignore WL2001 the service is IPv6-only
	return net.Listen("tcp6", ":8080")
}

func M() (net.Listener, error) { return net.Listen("tcp6", ":8081") }
`)
	o := lint(t, dir, nil, "-json", "./...")
	wantCode(t, o, exitFindings)
	want := []string{
		"internal/srv/srv.go:19:20 WL2004",
		"legacy/legacy_windows.go:5:38 WL4001",
		"main.go:13:24 WL2001",
	}
	if got := places(decode(t, o), false); !slices.Equal(got, want) {
		t.Errorf("with winlint.conf:\n%s\nwant:\n%s\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), o)
	}

	// -checks overrides the files' checks; excludes still apply.
	o = lint(t, dir, nil, "-json", "-checks=WL2*", "./...")
	want = []string{
		"internal/srv/srv.go:19:20 WL2004",
		"listen_windows.go:7:32 WL2002",
		"main.go:13:24 WL2001",
		"quiet/quiet.go:10:52 WL2001",
	}
	if got := places(decode(t, o), false); !slices.Equal(got, want) {
		t.Errorf("-checks=WL2* with winlint.conf:\n%s\nwant:\n%s\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), o)
	}

	// The file applies wherever winlint runs in the module.
	o = lint(t, filepath.Join(dir, "internal"), nil, "-json", "./...")
	if got := places(decode(t, o), false); !slices.Equal(got, []string{"srv/srv.go:19:20 WL2004"}) {
		t.Errorf("from internal/: %v\n%s", got, o)
	}

	// An error: exit 2, file and line, nothing analysed.
	write(t, filepath.Join(dir, "legacy", "winlint.conf"), "# bad\nchecks = [\"inherit\", \"WL4999\"]\n")
	o = lint(t, dir, nil, "./...")
	wantCode(t, o, exitUsage)
	if want := "winlint: " + filepath.FromSlash("legacy/winlint.conf") + `:2: checks: "WL4999" matches no check`; !strings.HasPrefix(o.stderr, want) || o.stdout != "" {
		t.Errorf("want %q on stderr, got %s", want, o)
	}
}

// Progress: nothing on standard error when it is not a terminal (here a
// pipe), even on a run with findings; -v prints each package with its time
// and a summary.
func TestProgressNotATerminal(t *testing.T) {
	t.Parallel()
	o := lint(t, netapp(), nil, "./...")
	wantCode(t, o, exitFindings)
	if o.stderr != "" {
		t.Errorf("a run whose standard error is a pipe printed on it: %q", o.stderr)
	}

	o = lint(t, netapp(), nil, "-v", "./...")
	wantCode(t, o, exitFindings)
	for _, re := range []string{
		`(?m)^winlint: +(\d+(\.\d+)?[µm]?s|cached)  example\.com/netapp$`,
		`(?m)^winlint: +(\d+(\.\d+)?[µm]?s|cached)  example\.com/netapp/internal/srv( \(tests\))?$`,
		`(?m)^winlint: analysed 2 packages \(\d cached\) in \S+$`,
	} {
		if !regexp.MustCompile(re).MatchString(o.stderr) {
			t.Errorf("-v output does not match %s:\n%s", re, o.stderr)
		}
	}
	if strings.Contains(o.stderr, "\r") || strings.Contains(o.stderr, "\x1b") {
		t.Errorf("-v drew a progress line on a pipe: %q", o.stderr)
	}
}

// Files using cgo, left out of the build when winlint disables cgo (its
// default), are named in one warning; not when the user sets CGO_ENABLED=0,
// and the exit status is unchanged.
func TestSkippedCgoWarning(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "go.mod"), "module example.com/c\n\ngo 1.26\n")
	write(t, filepath.Join(dir, "c.go"), "package c\n")
	write(t, filepath.Join(dir, "c_windows.go"), "package c\n\n// #include <windows.h>\nimport \"C\"\n\nfunc F() {}\n")
	write(t, filepath.Join(dir, "d_linux.go"), "package c\n\nimport \"C\"\n") // not in the Windows build anyway
	write(t, filepath.Join(dir, "sub", "s.go"), "package sub\n")
	write(t, filepath.Join(dir, "sub", "s_cgo.go"), "//go:build cgo\n\npackage sub\n\nimport \"C\"\n")

	o := lint(t, dir, nil, "./...")
	wantCode(t, o, exitOK)
	if o.stdout != "" || strings.Count(o.stderr, "winlint: warning:") != 1 ||
		!strings.Contains(o.stderr, "2 files using cgo not analysed (c_windows.go, …)") ||
		!strings.Contains(o.stderr, "CGO_ENABLED=0 leaves them out of the windows build") ||
		strings.Contains(o.stderr, "d_linux.go") {
		t.Errorf("want one warning naming the 2 cgo files of the windows build: %s", o)
	}

	o = lint(t, dir, []string{"CGO_ENABLED=0"}, "./...")
	wantCode(t, o, exitOK)
	if o.stderr != "" {
		t.Errorf("CGO_ENABLED=0 set by the user: want no warning, got %s", o)
	}
	o = lint(t, dir, nil, "./sub")
	if !strings.Contains(o.stderr, "1 file using cgo not analysed ("+filepath.FromSlash("sub/s_cgo.go")+")") {
		t.Errorf("want the warning for sub/s_cgo.go: %s", o)
	}

	// A package whose files all use cgo is left out whole: go vet's error
	// (exit 1), and the warning says why.
	write(t, filepath.Join(dir, "allcgo", "a.go"), "package allcgo\n\nimport \"C\"\n")
	o = lint(t, dir, nil, "./allcgo")
	wantCode(t, o, exitError)
	if !strings.Contains(o.stderr, "1 file using cgo not analysed ("+filepath.FromSlash("allcgo/a.go")+")") {
		t.Errorf("want the warning for allcgo/a.go: %s", o)
	}
}

// The README's winlint.conf examples, as written, do what it says.
func TestConfigFileREADME(t *testing.T) {
	t.Parallel()
	readme := filepath.Join("..", "..", "README.md")
	root, err := snippet.Get(readme, "winlint-conf-root")
	if err != nil {
		t.Fatal(err)
	}
	legacy, err := snippet.Get(readme, "winlint-conf-legacy")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	copyDir(t, netapp(), dir)
	write(t, filepath.Join(dir, "winlint.conf"), root)
	write(t, filepath.Join(dir, "legacy", "winlint.conf"), legacy)
	write(t, filepath.Join(dir, "legacy", "legacy_windows.go"), "package legacy\n\nimport \"syscall\"\n\nfunc P(name string) *uint16 { return syscall.StringToUTF16Ptr(name) }\n")
	finding := "package %s\n\nimport \"net\"\n\nvar _, _ = net.Listen(\"tcp6\", \":8080\")\n"
	write(t, filepath.Join(dir, "internal", "gen", "gen.go"), fmt.Sprintf(finding, "gen"))
	write(t, filepath.Join(dir, "db", "db_mock.go"), fmt.Sprintf(finding, "db"))
	write(t, filepath.Join(dir, "db", "db.go"), fmt.Sprintf(finding, "db"))

	o := lint(t, dir, nil, "-json", "./...")
	wantCode(t, o, exitFindings)
	want := append(slices.Clone(netappWindows), "db/db.go:5:23 WL2001", "legacy/legacy_windows.go:5:38 WL4001")
	sort.Strings(want)
	if got := places(decode(t, o), false); !slices.Equal(got, want) {
		t.Errorf("README's winlint.conf:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
