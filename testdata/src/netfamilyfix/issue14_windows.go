// Fixes that must compile (issue 14): the fixes copy the source text of
// sub-expressions (types.ExprString abbreviates composite and function
// literals), keep comments inside them, are not offered when a comment
// would be lost, and name net and strconv as the file can at the edit
// (no fix when a parameter shadows them).
package netfamilyfix

import (
	"fmt"
	"net"
	"net/http"
	"strconv"
)

var _, _ = net.IPv4len, strconv.Itoa

func literals(port int) {
	http.ListenAndServe(fmt.Sprintf("%s:%d", []string{"a", "b"}[0], port), nil)          // want `use net.JoinHostPort`
	http.ListenAndServe(fmt.Sprintf("%s:%s", func() string { return "h" }(), "80"), nil) // want `use net.JoinHostPort`
}

func commentInside(hosts []string, port string) {
	http.ListenAndServe(hosts[ /* the first */ 0]+":"+port, nil) // want `use net.JoinHostPort`
}

func commentOutside(host, port string) {
	http.ListenAndServe(fmt.Sprintf("%s:%s", host /* primary */, port), nil) // want `use net.JoinHostPort`
}

func Serve(host, port string, net http.Handler) {
	http.ListenAndServe(host+":"+port, net) // want `use net.JoinHostPort`
}
