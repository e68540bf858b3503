// Package snippet extracts named code blocks from Markdown files, so that
// the tests of winlint's host integrations run the configuration the README
// shows, character for character.
//
// A named block is a fenced code block preceded (on the line before its
// opening fence) by an HTML comment naming it:
//
//	<!-- snippet: pre-commit-config -->
//	```yaml
//	…
//	```
package snippet

import (
	"fmt"
	"os"
	"strings"
)

// Get returns the body of the code block named name in the Markdown file at
// path, without its fences.
func Get(path, name string) (string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return Find(string(data), name, path)
}

// Find is Get on Markdown text; file names it in errors.
func Find(markdown, name, file string) (string, error) {
	lines := strings.Split(strings.ReplaceAll(markdown, "\r\n", "\n"), "\n")
	marker := "<!-- snippet: " + name + " -->"
	found := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == marker {
			if found >= 0 {
				return "", fmt.Errorf("%s: snippet %q is defined twice", file, name)
			}
			found = i
		}
	}
	if found < 0 {
		return "", fmt.Errorf("%s: no snippet %q", file, name)
	}
	if found+1 >= len(lines) || !strings.HasPrefix(strings.TrimSpace(lines[found+1]), "```") {
		return "", fmt.Errorf("%s:%d: snippet %q is not followed by a fenced code block", file, found+1, name)
	}
	fence := strings.TrimSpace(lines[found+1])
	fence = fence[:len(fence)-len(strings.TrimLeft(fence, "`"))]
	var body []string
	for _, l := range lines[found+2:] {
		if strings.TrimSpace(l) == fence {
			return strings.Join(body, "\n") + "\n", nil
		}
		body = append(body, l)
	}
	return "", fmt.Errorf("%s:%d: snippet %q has no closing fence", file, found+1, name)
}
