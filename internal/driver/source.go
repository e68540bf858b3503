package driver

import (
	"os"
	"slices"
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
	lines := s.lineStarts(src)
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

// lineStarts returns the offsets of the line starts of src, computed once.
func (s *Sources) lineStarts(src *source) []int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if src.lines == nil {
		src.lines = []int{0}
		for i, b := range src.data {
			if b == '\n' {
				src.lines = append(src.lines, i+1)
			}
		}
	}
	return src.lines
}

// LineColumn converts a 0-based byte offset of file to a 1-based line and
// 1-based byte column, in time logarithmic in the file's lines; ok is
// false if the file cannot be read or the offset is out of range.
func (s *Sources) LineColumn(file string, offset int) (line, column int, ok bool) {
	src := s.get(file)
	if src.err != nil || offset < 0 || offset > len(src.data) {
		return 0, 0, false
	}
	lines := s.lineStarts(src)
	i, found := slices.BinarySearch(lines, offset)
	if !found {
		i-- // the line starting before offset
	}
	return i + 1, offset - lines[i] + 1, true
}
