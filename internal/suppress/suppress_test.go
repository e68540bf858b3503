package suppress

import "testing"

func TestDeletion(t *testing.T) {
	for _, tc := range []struct{ src, comment, want string }{
		{"a\n\t//winlint:ignore X y\nb\n", "//winlint:ignore X y", "a\nb\n"},
		{"x := 1 //winlint:ignore X y\nb\n", "//winlint:ignore X y", "x := 1\nb\n"},
		{"a\n//winlint:ignore X y", "//winlint:ignore X y", "a\n"},
	} {
		start := len(tc.src[:indexOf(tc.src, tc.comment)])
		s, e := deletion([]byte(tc.src), start, start+len(tc.comment))
		if got := tc.src[:s] + tc.src[e:]; got != tc.want {
			t.Errorf("deleting %q from %q: %q, want %q", tc.comment, tc.src, got, tc.want)
		}
	}
}

func indexOf(s, sub string) int {
	for i := range s {
		if len(s)-i >= len(sub) && s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
