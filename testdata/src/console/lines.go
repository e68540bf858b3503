package console

import (
	"bufio"
	"bytes"
	"fmt"
	"net"
	"os"
	"runtime"
	"strconv"
	"strings"
)

// go-input#12: the console's "\r" stays in the answer.
func confirm() bool {
	fmt.Print("Continue? [y/N] ")
	r := bufio.NewReader(os.Stdin)
	answer, _ := r.ReadString('\n')
	answer = strings.TrimSuffix(answer, "\n") // want `answer is read from the console with ReadString\('\\n'\) and trimmed of "\\n" only, then compared: the Windows console ends lines with "\\r\\n"`
	return answer == "y"
}

func menu() int {
	reader := bufio.NewReader(os.Stdin)
	text, err := reader.ReadString('\n')
	if err != nil {
		return -1
	}
	choice, err := strconv.Atoi(strings.TrimRight(text, "\n")) // want `text is read from the console.*then parsed with strconv.Atoi`
	if err != nil {
		return -1
	}
	return choice
}

func command() {
	in := bufio.NewReader(os.Stdin)
	for {
		line, err := in.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.Replace(line, "\n", "", -1) // want `line is read from the console.*then switched on`
		switch cmd {
		case "quit":
			return
		case "help":
			fmt.Println("help")
		}
	}
}

func sliced() bool {
	r := bufio.NewReader(os.Stdin)
	s, _ := r.ReadString('\n')
	s = s[:len(s)-1] // want `s is read from the console.*then compared`
	return s != "n"
}

func replaceAll(handlers map[string]func()) {
	r := bufio.NewReader(os.Stdin)
	name, _ := r.ReadString('\n')
	name = strings.ReplaceAll(name, "\n", "") // want `name is read from the console.*used as a map key`
	if h, ok := handlers[name]; ok {
		h()
	}
}

func bytesLine() bool {
	r := bufio.NewReader(os.Stdin)
	b, _ := r.ReadBytes('\n')
	b = bytes.TrimSuffix(b, []byte("\n")) // want `b is read from the console with ReadBytes\('\\n'\).*then compared`
	return bytes.Equal(b, []byte("yes"))
}

func equalFold() bool {
	r := bufio.NewReaderSize(os.Stdin, 1024)
	s, _ := r.ReadString('\n')
	return strings.EqualFold(strings.TrimSuffix(s, "\n"), "yes") // want `s is read from the console.*then compared`
}

func parseBool() (bool, error) {
	r := bufio.NewReader(os.Stdin)
	s, _ := r.ReadString('\n')
	v := strings.TrimRight(s, "\n") // want `then parsed with strconv.ParseBool`
	return strconv.ParseBool(v)
}

func onWindows() bool {
	if runtime.GOOS == "windows" {
		r := bufio.NewReader(os.Stdin)
		s, _ := r.ReadString('\n')
		return strings.TrimSuffix(s, "\n") == "y" // want `then compared`
	}
	return false
}

// --- silent ---

func trimSpace() bool {
	r := bufio.NewReader(os.Stdin)
	answer, _ := r.ReadString('\n')
	return strings.TrimSpace(answer) == "y"
}

func trimCRLF() bool {
	r := bufio.NewReader(os.Stdin)
	answer, _ := r.ReadString('\n')
	answer = strings.TrimRight(answer, "\r\n")
	return answer == "y"
}

func trimThenSpace() bool {
	r := bufio.NewReader(os.Stdin)
	answer, _ := r.ReadString('\n')
	answer = strings.TrimSuffix(answer, "\n")
	answer = strings.TrimSpace(answer)
	return answer == "y"
}

func scanner() bool {
	sc := bufio.NewScanner(os.Stdin)
	sc.Scan()
	return sc.Text() == "y"
}

func readLine() bool {
	r := bufio.NewReader(os.Stdin)
	line, _, _ := r.ReadLine()
	return string(line) == "y"
}

// A network protocol that ends its lines with "\n".
func protocol(conn net.Conn) bool {
	r := bufio.NewReader(conn)
	status, _ := r.ReadString('\n')
	status = strings.TrimSuffix(status, "\n")
	return status == "OK"
}

func printedOnly() {
	r := bufio.NewReader(os.Stdin)
	s, _ := r.ReadString('\n')
	fmt.Println(strings.TrimSuffix(s, "\n"))
}

func linesUnixOnly() bool {
	if runtime.GOOS != "windows" {
		r := bufio.NewReader(os.Stdin)
		s, _ := r.ReadString('\n')
		return strings.TrimSuffix(s, "\n") == "y"
	}
	return false
}

func otherDelimiter() bool {
	r := bufio.NewReader(os.Stdin)
	s, _ := r.ReadString(';')
	return strings.TrimSuffix(s, ";") == "y"
}
