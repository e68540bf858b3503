package snippet

import "testing"

func TestFind(t *testing.T) {
	md := "# x\n\n<!-- snippet: a -->\n```yaml\nk: v\n\nl: w\n```\n\n<!-- snippet: b -->\n````sh\n```\n````\n"
	for _, tc := range []struct{ name, want string }{
		{"a", "k: v\n\nl: w\n"},
		{"b", "```\n"},
	} {
		got, err := Find(md, tc.name, "README.md")
		if err != nil || got != tc.want {
			t.Errorf("Find(%q) = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
	for _, bad := range []string{"missing", "<!-- snippet: c -->\ntext\n", "<!-- snippet: c -->\n```\nunclosed\n"} {
		name := "c"
		if bad == "missing" {
			name, bad = "missing", md
		}
		if _, err := Find(bad, name, "README.md"); err == nil {
			t.Errorf("Find(%q) succeeded", bad)
		}
	}
}
