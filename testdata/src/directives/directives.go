// Fixtures of the directives analyzer (WL0001).
package directives

import "net"

func listen() {
	//winlint:ignore WL2001 the service is IPv6-only by design
	net.Listen("tcp6", ":8080")
	net.Listen("tcp6", ":8081") //winlint:ignore WL2001,WL2005 end-of-line form with a reason

	//winlint:file-ignore WL2* reasons may be long, globs are fine

	/* want `//winlint:ignore gives no reason` */ //winlint:ignore WL2001
	net.Listen("tcp6", ":8082")

	/* want `//winlint:ignore names no check` */ //winlint:ignore

	/* want `names W2001, not a check ID or glob` */ //winlint:ignore W2001 misspelled

	/* want `//winlint:nolint is not a directive` */ //winlint:nolint WL2001 wrong verb

	/* want `//winlint:file-ignore gives no reason` */ //winlint:file-ignore WL2001

	/* //winlint:ignore WL2001 block comments are not directives */
	_ = "//winlint:ignore WL2001 nor are strings"
	// winlint:ignore WL2001 nor comments with a space
}
