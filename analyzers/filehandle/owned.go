package filehandle

import (
	"go/types"

	"github.com/winlint/winlint/internal/resource"
)

// checkOwned reports WL1001/WL1005 for resources owned by a struct: stored
// in a field of a type whose release method (Close, Stop, Shutdown…)
// never releases that field, or returns early without releasing it.
func (c *checker) checkOwned() {
	for _, l := range c.eng.OwnedLeaks() {
		check := WL1001
		verb, verbed, verbing, noun := "close", "closed", "closing", "file"
		if l.Spec.Class != resource.File {
			check = WL1005
			verb, verbed, verbing, noun = "release", "released", "releasing", "handle"
		}
		recv := "(*" + l.Type.Obj().Name() + ")." + l.Method.Name()
		if sig, ok := l.Method.Type().(*types.Signature); ok && sig.Recv() != nil {
			if _, ptr := sig.Recv().Type().(*types.Pointer); !ptr {
				recv = l.Type.Obj().Name() + "." + l.Method.Name()
			}
		}
		what := shortFunc(l.Spec.Func)
		if l.Return == nil {
			check.Report(c.pass, l.Call, "the %s from %s stored in field %s of %s is never %s by %s: it stays open after its owner is done; %s %s in %s",
				noun, what, l.Field.Name(), l.Type.Obj().Name(), verbed, recv, verb, l.Field.Name(), l.Method.Name())
			continue
		}
		check.Report(c.pass, l.Return, "%s returns here without %s field %s (from %s), which stays open when an earlier release fails; %s every resource and return the first error (or errors.Join)",
			recv, verbing, l.Field.Name(), what, verb)
	}
}

// shortFunc turns a qualified name into its short form: os.Open,
// windows.CreateFile, registry.OpenKey.
func shortFunc(name string) string {
	a := &resource.Acquire{Spec: &resource.Spec{Func: name}}
	return (&checker{}).what(a)
}
