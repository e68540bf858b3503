package a

// Not directives: a block comment, a string and a comment that does not
// start with the prefix.

/*winlint:ignore WL2001 block comments are not directives */

const s = "//winlint:ignore WL2001 in a string"

// see //winlint:ignore in the docs
var _ = s
