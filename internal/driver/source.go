package driver

import (
	"os"
	"sync"
)

// Sources reads and caches source files, so that every stage (offsets,
// filters, fixes) sees one version of each file.
type Sources struct {
	mu    sync.Mutex
	files map[string]*source
}

type source struct {
	data  []byte
	err   error
	lines []int // offsets of line starts, computed on demand
}

// Read returns the contents of the named file.
func (s *Sources) Read(file string) ([]byte, error) {
	src := s.get(file)
	return src.data, src.err
}

func (s *Sources) get(file string) *source {
	s.mu.Lock()
	defer s.mu.Unlock()
	if src, ok := s.files[file]; ok {
		return src
	}
	if s.files == nil {
		s.files = make(map[string]*source)
	}
	data, err := os.ReadFile(file)
	src := &source{data: data, err: err}
	s.files[file] = src
	return src
}

// Offset returns the byte offset of the 1-based line and column in file, or
// -1 if the file cannot be read or has no such position (as happens with
// //line directives).
func (s *Sources) Offset(file string, line, column int) int {
	src := s.get(file)
	if src.err != nil || line < 1 {
		return -1
	}
	s.mu.Lock()
	if src.lines == nil {
		src.lines = []int{0}
		for i, b := range src.data {
			if b == '\n' {
				src.lines = append(src.lines, i+1)
			}
		}
	}
	lines := src.lines
	s.mu.Unlock()
	if line > len(lines) {
		return -1
	}
	start := lines[line-1]
	if column < 1 {
		column = 1
	}
	off := start + column - 1
	end := len(src.data) // the last line: the column may point at EOF
	if line < len(lines) {
		end = lines[line] - 1 // the column may point at the newline, not past it
	}
	if off > end {
		return -1
	}
	return off
}
