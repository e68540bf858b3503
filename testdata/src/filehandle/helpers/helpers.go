package helpers // want package:"resourcefacts"

import (
	"errors"
	"io/fs"
	"os"
	"testing"
)

// errEndsTest returns true only when err is non-nil (regression from the
// standard library's os/root_test.go): a branch that returns on it is the
// opening call's failure branch.
func errEndsTest(t *testing.T, err error, wantError bool) bool { // want errEndsTest:`trueiferr\[1\]`
	t.Helper()
	if wantError {
		if err == nil {
			t.Fatalf("got success, want an error")
		}
		return true
	} else {
		if err != nil {
			t.Fatalf("got %v, want success", err)
		}
		return false
	}
}

func isMissing(err error) bool { // want isMissing:`trueiferr\[0\]`
	return err != nil && errors.Is(err, fs.ErrNotExist)
}

func TestOpenWithHelper(t *testing.T) {
	f, err := os.Open("x")
	if errEndsTest(t, err, false) {
		return
	}
	defer f.Close()
}

func TestOpenMissing(t *testing.T) {
	f, err := os.Open("x")
	if isMissing(err) {
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
}

// mayBeTrueOnNil returns true for a nil error too: no fact, and the branch
// that returns on it may hold an open file.
func mayBeTrueOnNil(t *testing.T, err error, want bool) bool { // want mayBeTrueOnNil:`borrows\[1\]`
	if want {
		return true
	}
	return err != nil
}

func TestOpenWithLooseHelper(t *testing.T) {
	f, err := os.Open("x") // want `f is not closed on the path through the return`
	if mayBeTrueOnNil(t, err, true) {
		return
	}
	defer f.Close()
}

// reassigns changes err before testing it: no fact.
func reassigns(err error) bool {
	if err == nil {
		err = errors.New("x")
	}
	return err != nil
}

func TestOpenWithReassigningHelper(t *testing.T) {
	f, err := os.Open("x") // want `f is not closed on the path through the return`
	if reassigns(err) {
		return
	}
	defer f.Close()
}
