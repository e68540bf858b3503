package fixes

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Two fixes insert at one offset (two defers after one error check): both
// are applied in one run, in order, and the inserted lines are indented
// by tabs as gofmt does, whatever byte column the analyzer guessed; the
// badly spaced line nobody edited stays as it was.
func TestApplyTwoInsertionsOneOffset(t *testing.T) {
	src := "package a\n\nimport \"os\"\n\nfunc f() error {\n    a, err := os.Open(\"a\")  // spaces, not gofmt\n\tb, err := os.Open(\"b\")\n\tif err != nil {\n\t\treturn err\n\t}\n\treturn nil\n}\n"
	at := strings.Index(src, "\t\treturn err\n\t}") + len("\t\treturn err\n\t}")
	fixes := []Fix{
		{Edits: []Edit{edit("f.go", at, at, "\n    defer a.Close()")}}, // indented by "byte column"
		{Edits: []Edit{edit("f.go", at, at, "\n    defer b.Close()")}},
	}
	plan := Apply(fixes, Options{Read: reader(map[string]string{"f.go": src})})
	if !reflect.DeepEqual(plan.Applied, []int{0, 1}) {
		t.Fatalf("Applied = %v, skipped %+v", plan.Applied, plan.Skipped)
	}
	want := strings.Replace(src, "\t\treturn err\n\t}", "\t\treturn err\n\t}\n\tdefer a.Close()\n\tdefer b.Close()", 1)
	if got := string(plan.Files[0].New); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A CRLF file keeps its line endings; an insertion at the end of a line
// (between CR and LF) lands after the CR.
func TestApplyCRLF(t *testing.T) {
	src := "package a\r\n\r\nvar x = []int{\r\n\t1,\r\n}\r\n"
	at := strings.Index(src, "1,") + 2 // the CR after "1,"
	plan := Apply([]Fix{{Edits: []Edit{edit("c.go", at, at, "\n2,")}}}, Options{Read: reader(map[string]string{"c.go": src})})
	want := "package a\r\n\r\nvar x = []int{\r\n\t1,\r\n\t2,\r\n}\r\n"
	if len(plan.Files) != 1 || string(plan.Files[0].New) != want {
		t.Errorf("got %+v, want %q (skipped %+v)", plan.Files, want, plan.Skipped)
	}
}

// A fix after which the file does not parse is refused (and the others
// applied); so is a fix for a file whose content is not the one analysed,
// or that the analysis did not read (a //line directive named it).
func TestApplyRefuses(t *testing.T) {
	src := "package a\n\nvar x = f(1)\nvar y = 2\n"
	files := map[string]string{"a.go": src, "grammar.y": "%token A\n%%\nx: A;\n"}
	one, two := strings.Index(src, "1"), strings.Index(src, "2")
	fixes := []Fix{
		{Edits: []Edit{edit("a.go", one, one+1, "1,\n")}},                     // 0: "f(1,\n)" parses: fine
		{Edits: []Edit{edit("a.go", two, two+1, "2 +")}},                      // 1: "var y = 2 +" does not parse
		{Edits: []Edit{edit("grammar.y", 0, 6, "%type")}},                     // 2: a file not analysed
		{Edits: []Edit{edit("a.go", 0, 0, "// x\n"), edit("a.go", 0, 0, "")}}, // 3: fine
	}
	analysed := func(file string) (string, bool) {
		if file == "a.go" {
			return Hash([]byte(src)), true
		}
		return "", false
	}
	plan := Apply(fixes, Options{Read: reader(files), Analysed: analysed})
	if !reflect.DeepEqual(plan.Applied, []int{0, 3}) {
		t.Errorf("Applied = %v, want [0 3]; skipped %+v", plan.Applied, plan.Skipped)
	}
	reasons := map[int]string{}
	for _, s := range plan.Skipped {
		reasons[s.Fix] = s.Reason
	}
	if !strings.Contains(reasons[1], "would not parse") || !strings.Contains(reasons[2], "not a file the analysis read") {
		t.Errorf("reasons = %v", reasons)
	}

	// The file changed since it was analysed: every fix to it is refused.
	stale := func(file string) (string, bool) { return Hash([]byte("package a\n")), true }
	plan = Apply(fixes[:1], Options{Read: reader(files), Analysed: stale})
	if len(plan.Applied) != 0 || len(plan.Skipped) != 1 || !strings.Contains(plan.Skipped[0].Reason, "changed since it was analysed") {
		t.Errorf("stale file: plan = %+v", plan)
	}
}

// Write leaves a file alone that changed after Apply read it, and writes
// the others; no temporary file is left behind.
func TestWriteStale(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go")
	for _, f := range []string{a, b} {
		if err := os.WriteFile(f, []byte("package p\n\nvar x = 1\n"), 0o640); err != nil {
			t.Fatal(err)
		}
	}
	at := len("package p\n\nvar x = ")
	plan := Apply([]Fix{{Edits: []Edit{edit(a, at, at+1, "2")}}, {Edits: []Edit{edit(b, at, at+1, "3")}}}, Options{})
	if err := os.WriteFile(a, []byte("package p\n\nvar x = 1 // edited meanwhile\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	failed := plan.Write()
	if len(failed) != 1 || failed[0].File != a || !strings.Contains(failed[0].Err.Error(), "changed since") {
		t.Errorf("Write = %v, want a.go refused as changed", failed)
	}
	if got, _ := os.ReadFile(a); string(got) != "package p\n\nvar x = 1 // edited meanwhile\n" {
		t.Errorf("a.go overwritten: %q", got)
	}
	if got, _ := os.ReadFile(b); string(got) != "package p\n\nvar x = 3\n" {
		t.Errorf("b.go = %q", got)
	}
	if fi, _ := os.Stat(b); fi.Mode().Perm() != 0o640 {
		t.Errorf("b.go mode = %v, want 0640", fi.Mode().Perm())
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 2 {
		t.Errorf("Write left files behind: %v", ents)
	}
}

// A write that fails (here: the file size limit, as with a full disk or a
// quota) leaves the original file whole: os.WriteFile truncated it first.
func TestWriteFailureKeepsFile(t *testing.T) {
	if file := os.Getenv("FIXES_TEST_WRITE"); file != "" {
		// The helper process, under "ulimit -f".
		old, _ := os.ReadFile(file)
		plan := Apply([]Fix{{Edits: []Edit{edit(file, 0, 0, "// "+strings.Repeat("x", 200000)+"\n")}}}, Options{})
		if len(plan.Files) != 1 || len(plan.Files[0].Old) != len(old) {
			os.Exit(3)
		}
		if failed := plan.Write(); len(failed) == 0 {
			os.Exit(4) // the limit did not apply
		}
		os.Exit(0)
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "big.go")
	src := "package p\n\n" + strings.Repeat("var _ = 1\n", 5000) // 50 kB, under the limit's 100 kB
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("sh", "-c", `ulimit -f 200 && exec "$0" -test.run='^TestWriteFailureKeepsFile$'`, os.Args[0])
	cmd.Env = append(os.Environ(), "FIXES_TEST_WRITE="+file)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	if got, _ := os.ReadFile(file); string(got) != src {
		t.Errorf("the failed write changed the file: %d bytes, want %d", len(got), len(src))
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("the failed write left files behind: %v", ents)
	}
}

// A fix that edits two files is applied to both or neither: when one
// cannot be written, the other is not written either.
func TestWriteNoHalfFix(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go"), filepath.Join(dir, "c.go")
	const src = "package p\n\nvar x = 1\n"
	for _, f := range []string{a, b, c} {
		if err := os.WriteFile(f, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	at := len("package p\n\nvar x = ")
	plan := Apply([]Fix{
		{Edits: []Edit{edit(a, at, at+1, "2"), edit(b, at, at+1, "2")}}, // 0: a and b
		{Edits: []Edit{edit(c, at, at+1, "3")}},                         // 1: c alone
	}, Options{})
	if err := os.WriteFile(a, []byte(src+"// changed\n"), 0o644); err != nil { // a cannot be written now
		t.Fatal(err)
	}
	failed := plan.Write()
	var names []string
	for _, f := range failed {
		names = append(names, filepath.Base(f.File))
	}
	if !reflect.DeepEqual(names, []string{"a.go", "b.go"}) {
		t.Errorf("not written: %v, want [a.go b.go]", names)
	}
	if read(t, b) != src || read(t, c) != "package p\n\nvar x = 3\n" {
		t.Errorf("b.go = %q (want unchanged), c.go = %q (want fixed)", read(t, b), read(t, c))
	}
}

func read(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// An import added first in a block is moved by gofmt's sorting: the
// import must survive the line merge (it was lost: the fix then did not
// compile).
func TestApplyImportSorted(t *testing.T) {
	src := "package a\n\nimport (\n\t\"fmt\"\n\n\t\"golang.org/x/term\"\n)\n\nvar _ = fmt.Sprint(term.IsTerminal(0))\n"
	at := strings.Index(src, "(") + 1
	zero := strings.Index(src, "(0)") + 1
	plan := Apply([]Fix{{Edits: []Edit{edit("a.go", at, at, "\n\t\"os\""), edit("a.go", zero, zero+1, "int(os.Stdin.Fd())")}}},
		Options{Read: reader(map[string]string{"a.go": src})})
	want := "package a\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n\t\"golang.org/x/term\"\n)\n\nvar _ = fmt.Sprint(term.IsTerminal(int(os.Stdin.Fd())))\n"
	if len(plan.Files) != 1 || string(plan.Files[0].New) != want {
		t.Errorf("got %+v, want %q", plan.Files, want)
	}
}
