// Command findings turns winlint's JSON output into one line per finding,
// in the terms bench/TRIAGE.md uses:
//
//	WL1003	github.com/Microsoft/go-winio@v0.6.4/backup_test.go:21	message
//
// Paths in the module cache become module@version/file (the cache's
// "!x" case-escaping undone); paths in GOROOT become std/<path>.
//
//	winlint -checks all -json <patterns> | go run ./cmd/findings
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

type report struct {
	Findings []struct {
		ID      string `json:"id"`
		Message string `json:"message"`
		Posn    struct {
			File string `json:"file"`
			Line int    `json:"line"`
		} `json:"posn"`
	} `json:"findings"`
	Errors []json.RawMessage `json:"errors"`
}

func main() {
	var r report
	if err := json.NewDecoder(os.Stdin).Decode(&r); err != nil {
		fmt.Fprintf(os.Stderr, "findings: decoding winlint -json output: %v\n", err)
		os.Exit(1)
	}
	modcache := goEnv("GOMODCACHE")
	goroot := goEnv("GOROOT")
	var lines []string
	for _, f := range r.Findings {
		lines = append(lines, fmt.Sprintf("%s\t%s:%d\t%s", f.ID, where(f.Posn.File, modcache, goroot), f.Posn.Line, f.Message))
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
	if len(r.Errors) > 0 {
		fmt.Fprintf(os.Stderr, "findings: winlint reported %d errors\n", len(r.Errors))
		os.Exit(1)
	}
}

func where(file, modcache, goroot string) string {
	if rel, ok := under(file, modcache); ok {
		return unescape(rel)
	}
	if rel, ok := under(file, filepath.Join(goroot, "src")); ok {
		return "std/" + rel
	}
	return file
}

func under(file, dir string) (string, bool) {
	if dir == "" {
		return "", false
	}
	rel, err := filepath.Rel(dir, file)
	if err != nil || strings.HasPrefix(rel, "..") {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// unescape undoes the module cache's case encoding ("!m" → "M").
func unescape(s string) string {
	var b strings.Builder
	bang := false
	for _, r := range s {
		switch {
		case bang:
			b.WriteRune(unicode.ToUpper(r))
			bang = false
		case r == '!':
			bang = true
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func goEnv(name string) string {
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
