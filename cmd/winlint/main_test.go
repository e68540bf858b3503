package main

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

func TestIsVetToolInvocation(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-V=full"}, true},
		{[]string{"-flags"}, true},
		{[]string{"-checks=all", "-json", "/tmp/b001/vet.cfg"}, true},
		{[]string{"--V=full"}, true},
		{nil, false},
		{[]string{"./..."}, false},
		{[]string{"-V"}, false},
		{[]string{"-version"}, false},
		{[]string{"-json", "-checks", "all", "./..."}, false},
	} {
		if got := isVetToolInvocation(tc.args); got != tc.want {
			t.Errorf("isVetToolInvocation(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestScanFlag(t *testing.T) {
	for _, tc := range []struct {
		args []string
		name string
		want string
		set  bool
	}{
		{[]string{"-json", "x.cfg"}, "checks", "", false},
		{[]string{"-checks=all,-WL2005", "x.cfg"}, "checks", "all,-WL2005", true},
		{[]string{"--checks=WL2*", "x.cfg"}, "checks", "WL2*", true},
		{[]string{"-checks", "WL2001", "-json", "x.cfg"}, "checks", "WL2001", true},
		{[]string{"-checks=WL2001", "-checks=WL2002", "x.cfg"}, "checks", "WL2002", true},
		{[]string{"-checks="}, "checks", "", true},
		{[]string{"-checksum=1", "x.cfg"}, "checks", "", false},
		{[]string{"--", "-checks=all"}, "checks", "", false},
		{[]string{"-json", "-driver", "-checks=all", "x.cfg"}, "driver", "", true},
		{[]string{"-checks", "-driver", "x.cfg"}, "driver", "", false}, // the value of -checks
		{[]string{"-driver=false", "x.cfg"}, "driver", "false", true},
		{[]string{"-json", "x.cfg"}, "driver", "", false},
	} {
		if got, set := scanFlag(tc.args, tc.name); got != tc.want || set != tc.set {
			t.Errorf("scanFlag(%q, %q) = %q, %v; want %q, %v", tc.args, tc.name, got, set, tc.want, tc.set)
		}
	}
}

func TestRecoverPanics(t *testing.T) {
	boom := &analysis.Analyzer{
		Name: "boom",
		Doc:  "panics",
		Run:  func(*analysis.Pass) (any, error) { panic("kaboom") },
	}
	fine := &analysis.Analyzer{
		Name: "fine",
		Doc:  "returns",
		Run:  func(*analysis.Pass) (any, error) { return 42, nil },
	}
	wrapped := recoverPanics([]*analysis.Analyzer{boom, fine})
	if wrapped[0] == boom || wrapped[0].Name != "boom" {
		t.Fatal("recoverPanics did not copy the analyzer")
	}
	_, err := wrapped[0].Run(&analysis.Pass{})
	if err == nil {
		t.Fatal("the panic was not turned into an error")
	}
	msg := err.Error()
	for _, want := range []string{"analyzer boom panicked", "kaboom", "goroutine", "TestRecoverPanics"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "runtime/debug.Stack") {
		t.Errorf("the stack shows the recovery's own frames:\n%s", msg)
	}
	if res, err := wrapped[1].Run(&analysis.Pass{}); err != nil || res != 42 {
		t.Errorf("fine analyzer: %v, %v", res, err)
	}
}
