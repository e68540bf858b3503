package fixes

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// reader serves files from a map.
func reader(files map[string]string) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		if s, ok := files[name]; ok {
			return []byte(s), nil
		}
		return nil, fmt.Errorf("no file %s", name)
	}
}

func edit(file string, start, end int, text string) Edit {
	return Edit{File: file, Start: start, End: end, New: text}
}

func TestApplyOverlaps(t *testing.T) {
	const src = "0123456789" // not Go: left unformatted
	files := map[string]string{"a": src, "b": "abcdef"}
	fixes := []Fix{
		{Edits: []Edit{edit("a", 2, 4, "XY")}},                       // 0: accepted
		{Edits: []Edit{edit("a", 3, 5, "Q")}},                        // 1: overlaps 0
		{Edits: []Edit{edit("a", 4, 4, "+")}},                        // 2: insertion right after 0's range: fine
		{Edits: []Edit{edit("a", 4, 4, "-")}},                        // 3: second insertion at 4: after 2
		{Edits: []Edit{edit("a", 2, 4, "XY"), edit("b", 0, 1, "A")}}, // 4: repeats 0's edit exactly, plus one more: fine
		{Edits: []Edit{edit("a", 8, 9, "8"), edit("a", 3, 3, "!")}},  // 5: second edit falls inside 0: whole fix skipped
		{Edits: []Edit{edit("a", 6, 8, "R"), edit("a", 7, 9, "S")}},  // 6: its own edits overlap
		{Edits: []Edit{edit("a", 9, 12, "")}},                        // 7: out of range
		{Edits: []Edit{edit("c", 0, 0, "x")}},                        // 8: unreadable file
		{},                                                           // 9: no edits
		{Edits: []Edit{edit("a", 0, 1, "Z"), edit("a", 0, 1, "Z")}},  // 10: duplicate edits within a fix: fine
		{Edits: []Edit{edit("a", 8, 9, "E")}},                        // 11: where skipped fix 5 would have edited: fine
	}
	plan := Apply(fixes, Options{Read: reader(files)})
	if want := []int{0, 2, 3, 4, 10, 11}; !reflect.DeepEqual(plan.Applied, want) {
		t.Errorf("Applied = %v, want %v", plan.Applied, want)
	}
	var skipped []string
	for _, s := range plan.Skipped {
		skipped = append(skipped, fmt.Sprintf("%d/%d", s.Fix, s.Conflict))
	}
	if want := []string{"1/0", "5/0", "6/-1", "7/-1", "8/-1", "9/-1"}; !reflect.DeepEqual(skipped, want) {
		t.Errorf("Skipped (fix/conflict) = %v, want %v", skipped, want)
	}
	for _, s := range plan.Skipped {
		if s.Reason == "" {
			t.Errorf("skip %d has no reason", s.Fix)
		}
	}
	got := map[string]string{}
	for _, f := range plan.Files {
		got[f.Name] = string(f.New)
		if string(f.Old) != files[f.Name] {
			t.Errorf("Old of %s = %q", f.Name, f.Old)
		}
	}
	want := map[string]string{"a": "Z1XY+-4567E9", "b": "Abcdef"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("new contents = %q, want %q", got, want)
	}
	if len(plan.Files) != 2 || plan.Files[0].Name != "a" {
		t.Errorf("files not sorted: %+v", plan.Files)
	}
}

func TestApplyAllow(t *testing.T) {
	files := map[string]string{"/mod/a.go": "x", "/goroot/b.go": "y"}
	fixes := []Fix{
		{Edits: []Edit{edit("/mod/a.go", 0, 1, "X"), edit("/goroot/b.go", 0, 1, "Y")}},
		{Edits: []Edit{edit("/mod/a.go", 0, 1, "X")}},
	}
	plan := Apply(fixes, Options{Read: reader(files), Allow: func(f string) bool { return strings.HasPrefix(f, "/mod/") }})
	if !reflect.DeepEqual(plan.Applied, []int{1}) || len(plan.Skipped) != 1 || !strings.Contains(plan.Skipped[0].Reason, "/goroot/b.go") {
		t.Errorf("plan = %+v", plan)
	}
}

func TestApplyGofmt(t *testing.T) {
	formatted := "package a\n\nvar x = 1\n"
	unformatted := "package a\nvar  x = 1\n"
	files := map[string]string{"f.go": formatted, "u.go": unformatted}
	// Both fixes replace "1" with a long expression; only the edited
	// line is formatted, in both files.
	fixes := []Fix{
		{Edits: []Edit{edit("f.go", strings.Index(formatted, "1"), strings.Index(formatted, "1")+1, "2+  3")}},
		{Edits: []Edit{edit("u.go", strings.Index(unformatted, "1"), strings.Index(unformatted, "1")+1, "2+  3")}},
	}
	plan := Apply(fixes, Options{Read: reader(files)})
	got := map[string]string{}
	for _, f := range plan.Files {
		got[f.Name] = string(f.New)
	}
	want := map[string]string{
		"f.go": "package a\n\nvar x = 2 + 3\n",
		"u.go": "package a\nvar x = 2 + 3\n",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWriteAndDiff(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "main.go")
	src := "package main\n\nimport \"net\"\n\nfunc main() {\n\tnet.Listen(\"TCP\", \":80\")\n}\n"
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	start := strings.Index(src, `"TCP"`)
	plan := Apply([]Fix{{Edits: []Edit{edit(file, start, start+5, `"tcp"`)}}}, Options{})

	diff := string(plan.Diff(func(f string) string { return filepath.Base(f) }))
	want := `diff a/main.go b/main.go
--- a/main.go
+++ b/main.go
@@ -3,5 +3,5 @@
 import "net"
 
 func main() {
-	net.Listen("TCP", ":80")
+	net.Listen("tcp", ":80")
 }
`
	if diff != want {
		t.Errorf("Diff:\n%s\nwant:\n%s", diff, want)
	}
	if got, _ := os.ReadFile(file); string(got) != src {
		t.Error("Diff changed the file")
	}

	if err := plan.Write(); err != nil {
		t.Fatal(err)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("Write left files behind: %v", ents)
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Replace(src, "TCP", "tcp", 1); string(got) != want {
		t.Errorf("written:\n%s\nwant:\n%s", got, want)
	}
	if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600 kept", fi.Mode().Perm())
	}

	if d := Apply(nil, Options{}).Diff(nil); len(d) != 0 {
		t.Errorf("empty plan has a diff: %q", d)
	}
}
