package consolefix

import (
	"bufio"
	"os"
	"strings"
)

func confirm() bool {
	r := bufio.NewReader(os.Stdin)
	answer, _ := r.ReadString('\n')
	answer = strings.TrimSuffix(answer, "\n") // want `answer is read from the console`
	return answer == "y"
}

func menu() bool {
	r := bufio.NewReader(os.Stdin)
	s, _ := r.ReadString('\n')
	return strings.TrimRight(s, "\n") == "1" // want `s is read from the console`
}
