package diffscope

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/winlint/winlint/internal/driver"
)

const patch = `diff --git a/a.go b/a.go
index 1..2 100644
--- a/a.go
+++ b/a.go
@@ -1,3 +1,4 @@
 package a
-var x = 1
+var x = 2
+var y = 3
 // end
@@ -10,2 +11,0 @@
-gone
-gone too
@@ -20 +20 @@
-++ old
+++ new
diff --git a/old.go b/old.go
deleted file mode 100644
--- a/old.go
+++ /dev/null
@@ -1,2 +0,0 @@
-package a
-var z = 1
diff --git "a/sp ace.go" "b/sp ace.go"
new file mode 100644
--- /dev/null
+++ "b/sp ace.go"	2026-01-01
@@ -0,0 +1,2 @@
+package a
+var w = 1
\ No newline at end of file
`

func TestParsePatch(t *testing.T) {
	root := filepath.FromSlash("/repo")
	lines, err := ParsePatch(strings.NewReader(patch), root)
	if err != nil {
		t.Fatal(err)
	}
	want := Lines{
		filepath.Join(root, "a.go"):      {2: true, 3: true, 20: true},
		filepath.Join(root, "sp ace.go"): {1: true, 2: true},
	}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("ParsePatch = %v, want %v", lines, want)
	}
	if !lines.Contains(filepath.Join(root, "a.go"), 3) || lines.Contains(filepath.Join(root, "a.go"), 4) ||
		lines.Contains(filepath.Join(root, "old.go"), 1) {
		t.Error("Contains")
	}
	if _, err := ParsePatch(strings.NewReader("+++ b/x.go\n@@ bad @@\n"), root); err == nil {
		t.Error("malformed hunk accepted")
	}
}

func TestFilter(t *testing.T) {
	r := &driver.Result{Findings: []*driver.Finding{
		{ID: "A", Posn: driver.Position{File: "/repo/a.go", Line: 2}},
		{ID: "B", Posn: driver.Position{File: "/repo/a.go", Line: 5}},
		{ID: "C", Posn: driver.Position{File: "/repo/new.go", Line: 9}},
	}}
	f := &Filter{Lines: Lines{"/repo/a.go": {2: true}, "/repo/new.go": nil}}
	if err := f.Filter(r, nil); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, fd := range r.Findings {
		ids = append(ids, fd.ID)
	}
	if strings.Join(ids, ",") != "A,C" {
		t.Errorf("kept %v", ids)
	}
}
