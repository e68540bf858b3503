// WL6001/WL6002/WL6005 negative, and a real, working signed build: the
// end-to-end test (analyzers/buildflags/signed_test.go) runs these
// directives with go generate next to a throwaway test.crt/test.key and
// verifies the result with osslsigncode verify -CAfile test.crt.
//
// A stripped, trimmed GUI binary signs and verifies: -s -w, -trimpath and
// -H windowsgui do not break Authenticode (FACTS F). The program writes
// nothing to the console, so -H windowsgui is right for it.
package main

//go:generate env GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go build -trimpath "-ldflags=-s -w -H windowsgui" -o app.exe
//go:generate osslsigncode sign -certs test.crt -key test.key -h sha256 -n "winlint test" -in app.exe -out app.signed.exe

import "os"

func main() {
	if len(os.Args) > 1 {
		os.Exit(2)
	}
}
