// A fix that needs net and strconv adds their imports (issue 14).
package netfamilyfix

import (
	"fmt"
	"net/http"
)

func addImports(host string, port int) {
	http.ListenAndServe(fmt.Sprintf("%s:%d", host, port), nil) // want `use net.JoinHostPort`
}

func Wait(os []string, host, port string) {
	http.ListenAndServe(host+":"+port, nil) // want `use net.JoinHostPort`
}
