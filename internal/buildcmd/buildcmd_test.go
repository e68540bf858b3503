package buildcmd

import (
	"reflect"
	"testing"

	"github.com/winlint/winlint/internal/fold"
)

func TestSplitGenerate(t *testing.T) {
	for _, tc := range []struct {
		line string
		want []string
		ok   bool
	}{
		{`go build -o app.exe`, []string{"go", "build", "-o", "app.exe"}, true},
		{"go\tbuild  \t.", []string{"go", "build", "."}, true},
		{`go build -ldflags "-s -w" .`, []string{"go", "build", "-ldflags", "-s -w", "."}, true},
		{`go build "-ldflags=-H windowsgui"`, []string{"go", "build", "-ldflags=-H windowsgui"}, true},
		// A quote inside a word is an ordinary character.
		{`go build -ldflags="-s -w"`, []string{"go", "build", `-ldflags="-s`, `-w"`}, true},
		{`echo "a\tb"`, []string{"echo", "a\tb"}, true},
		{`echo "unterminated`, nil, false},
		{`echo "a"b`, nil, false},
		// "//" ends the directive for the analysis.
		{"go build . // want `x`", []string{"go", "build", "."}, true},
		{"", nil, true},
	} {
		got, ok := SplitGenerate(tc.line)
		if ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SplitGenerate(%q) = %q, %v; want %q, %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
}

func TestDirective(t *testing.T) {
	for text, want := range map[string]bool{
		"//go:generate go build":   true,
		"//go:generate\tgo build":  true,
		"//go:generate":            false,
		"//go:generatex":           false,
		"// go:generate go build":  false,
		"/*go:generate go build*/": false,
	} {
		if _, ok := directive(text); ok != want {
			t.Errorf("directive(%q) = %v, want %v", text, ok, want)
		}
	}
}

func TestExpandGenerate(t *testing.T) {
	for _, tc := range []struct {
		word, known string
		ok          bool
	}{
		{"$GOFILE", "main.go", true},
		{"${GOPACKAGE}_gen.go", "main_gen.go", true},
		{"$DOLLAR{x}", "${x}", true},
		{"line$GOLINE", "line7", true},
		{"app_$GOOS.exe", "", false},
		{"plain", "plain", true},
	} {
		s := expandGenerate(tc.word, "main.go", "main", 7)
		got, ok := s.Known()
		if ok != tc.ok || got != tc.known {
			t.Errorf("expandGenerate(%q) = %q, %v; want %q, %v", tc.word, got, ok, tc.known, tc.ok)
		}
	}
	// $GOOS_ is the variable GOOS_ (os.Expand takes the longest name).
	s := expandGenerate("app_$GOOS_$GOARCH.exe", "main.go", "main", 1)
	if w := (Word{Shape: s}); w.Prefix() != "app_" || w.Suffix() != ".exe" {
		t.Errorf("expandGenerate: prefix %q suffix %q", w.Prefix(), w.Suffix())
	}
}

func shape(s string) fold.Shape { return fold.Shape{{Text: s, Known: true}} }

func TestParseLinkFlags(t *testing.T) {
	for _, tc := range []struct {
		value   fold.Shape
		pattern string
		h       string // "" if not found
		ok      bool
	}{
		{shape("-H windowsgui"), "", "windowsgui", true},
		{shape("-H=windowsgui"), "", "windowsgui", true},
		{shape("--H=windowsgui -s -w"), "", "windowsgui", true},
		{shape(`-s -w -X 'main.name=a b' -H windowsgui`), "", "windowsgui", true},
		{shape("all=-H windowsgui"), "all", "windowsgui", true},
		{shape("-H windowsgui -H windows"), "", "windows", true},
		{shape("-X -H"), "", "", true}, // -H is -X's value
		{shape(`"-H=windowsgui"`), "", "", false},
		{shape(`-X "unterminated`), "", "", false},
		{fold.Shape{{Text: "-s -X main.v=", Known: true}, {}}, "", "", true},
		{fold.Shape{{Text: "-s ", Known: true}, {}}, "", "", false},
	} {
		lf := ParseLinkFlags(tc.value)
		h, found, ok := lf.Flag("H")
		got, _ := h.Known()
		if !found {
			got = ""
		}
		if ok != tc.ok || got != tc.h || lf.Pattern != tc.pattern {
			t.Errorf("ParseLinkFlags(%v): H=%q found=%v ok=%v pattern=%q; want H=%q ok=%v pattern=%q",
				tc.value, got, found, ok, lf.Pattern, tc.h, tc.ok, tc.pattern)
		}
	}
}

func words(ss ...string) []Word {
	var out []Word
	for _, s := range ss {
		out = append(out, known(s))
	}
	return out
}

func TestParseGo(t *testing.T) {
	c := &Command{Args: words("go", "build", "-trimpath", "-ldflags", "-s -w", "-o=app.exe", "--buildvcs=false", "./cmd/app"), Env: &Env{Inherits: true}}
	g := ParseGo(c)
	if g == nil || g.Open {
		t.Fatalf("ParseGo: %+v", g)
	}
	if f, _ := g.Last("ldflags"); f == nil || !reflect.DeepEqual(f.Value, shape("-s -w")) {
		t.Errorf("ldflags = %+v", f)
	}
	if o, _ := g.Output().Value.Known(); o != "app.exe" {
		t.Errorf("output = %q", o)
	}
	if f, _ := g.Last("buildvcs"); f == nil {
		t.Error("no -buildvcs")
	} else if v, _ := f.BoolValue(); v != "false" {
		t.Errorf("buildvcs = %q", v)
	}
	if len(g.Packages) != 1 {
		t.Errorf("packages = %v", g.Packages)
	}

	// -buildvcs is a boolean flag: "false" is a package.
	g = ParseGo(&Command{Args: words("go", "build", "-buildvcs", "false"), Env: &Env{}})
	if f, _ := g.Last("buildvcs"); f == nil || f.HasValue || len(g.Packages) != 1 {
		t.Errorf("-buildvcs false: %+v", g)
	}

	// An unknown flag makes the command open.
	if g := ParseGo(&Command{Args: words("go", "build", "-frobnicate", "-o", "x.exe"), Env: &Env{}}); !g.Open {
		t.Error("unknown flag: not open")
	}

	// GOFLAGS flags come first.
	env := &Env{Vars: map[string]*Var{"GOFLAGS": {Value: shape("-ldflags=-w -trimpath")}}}
	g = ParseGo(&Command{Args: words("go", "install", "-ldflags=-s"), Env: env})
	if len(g.Flags) != 3 || !g.Flags[0].GOFLAGS || g.Flags[2].GOFLAGS {
		t.Errorf("GOFLAGS: %+v", g.Flags)
	}

	if ParseGo(&Command{Args: words("go", "test", "./..."), Env: &Env{}}) != nil {
		t.Error("go test parsed as a build")
	}
}

func TestUnwrapEnv(t *testing.T) {
	c := &Command{Args: words("env", "GOOS=windows", "GOARCH=arm64", "go", "build"), Env: &Env{Inherits: true}}
	unwrapEnv(c, nil)
	if c.Program() != "go" {
		t.Fatalf("program = %q", c.Program())
	}
	if v, ok := c.Env.KnownValue("GOOS"); !ok || v != "windows" {
		t.Errorf("GOOS = %q, %v", v, ok)
	}
	c = &Command{Args: words("env", "-u", "GOFLAGS", "go", "build"), Env: &Env{Inherits: true}}
	unwrapEnv(c, nil)
	if c.Program() != "" {
		t.Errorf("env -u: program %q, want unknown", c.Program())
	}
}

func TestTools(t *testing.T) {
	if ProgramName(`C:\Program Files (x86)\Windows Kits\10\bin\x64\signtool.exe`) != "signtool" {
		t.Error("ProgramName")
	}
	sign := &Command{Args: words("osslsigncode", "sign", "-certs", "c.pem", "-key", "k.pem", "-in", "a.exe", "-out", "b.exe")}
	if got := SignedFiles(sign); !reflect.DeepEqual(got, []string{"b.exe"}) {
		t.Errorf("SignedFiles(osslsigncode) = %v", got)
	}
	if got := SignedFiles(&Command{Args: words("signtool", "sign", "/fd", "sha256", "/a", `dist\app.exe`)}); !reflect.DeepEqual(got, []string{`dist\app.exe`}) {
		t.Errorf("SignedFiles(signtool) = %v", got)
	}
	if !SamePath(`dist\app.exe`, "./dist/app.exe") {
		t.Error("SamePath")
	}
	if got := ModifiedFiles(&Command{Args: words("upx", "-o", "p.exe", "a.exe")}); got != nil {
		t.Errorf("upx -o modifies %v", got)
	}
	if got := ModifiedFiles(&Command{Args: words("ResourceHacker", "-open", "a.exe", "-save", "b.exe", "-action", "addoverwrite")}); !reflect.DeepEqual(got, []string{"b.exe"}) {
		t.Errorf("ResourceHacker modifies %v", got)
	}
}
