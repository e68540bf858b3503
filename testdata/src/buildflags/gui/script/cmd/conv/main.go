// A command-line tool that parses flags: -h prints usage to os.Stderr.
package main

import "flag"

var quality = flag.Int("q", 80, "quality")

func main() {
	flag.Parse()
	_ = *quality
}
