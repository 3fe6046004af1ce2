package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxRecord bounds one record: a longer line is a bad row, skipped without
// being held in memory.
const maxRecord = 1 << 20

var errRecordTooLong = fmt.Errorf("record longer than %d bytes", maxRecord)

var utf8BOM = []byte("\xef\xbb\xbf")

// jsonlSource reads JSON Lines: one object a line, blank lines skipped.
type jsonlSource struct {
	r      *bufio.Reader
	line   int
	offset int64
	long   []byte // a line longer than r's buffer, being assembled
	fatal  error
}

func newJSONLSource(r io.Reader) *jsonlSource {
	return &jsonlSource{r: bufio.NewReaderSize(r, 256<<10)}
}

func (s *jsonlSource) err() error { return s.fatal }

func (s *jsonlSource) next(b *batch) bool {
	type span struct{ start, end int }
	var spans [batchRows]span
	// The batch's text is built once and shared: the rows' fields are
	// slices of it. A Builder hands its bytes over as a string uncopied.
	var text strings.Builder
	text.Grow(batchBytes)
	more := true
	for len(b.rows) < batchRows && text.Len() < batchBytes {
		line, tooLong, err := s.readLine()
		if err != nil && err != io.EOF {
			s.fatal = err
			more = false
			break
		}
		if line != nil || tooLong {
			s.line++
			if s.line == 1 {
				line = bytes.TrimPrefix(line, utf8BOM)
			}
			if tooLong {
				spans[len(b.rows)] = span{text.Len(), text.Len()}
				b.rows = append(b.rows, row{line: s.line, err: errRecordTooLong})
			} else if t := bytes.TrimSpace(line); len(t) > 0 {
				start := text.Len()
				text.Write(t)
				spans[len(b.rows)] = span{start, text.Len()}
				b.rows = append(b.rows, row{line: s.line})
			}
		}
		if err == io.EOF {
			more = false
			break
		}
	}
	all := text.String()
	for i := range b.rows {
		b.rows[i].raw = all[spans[i].start:spans[i].end]
	}
	b.offset = s.offset
	return more
}

// readLine returns the next line without its "\n", or tooLong for a line
// over maxRecord, which is skipped. At the end of the input it returns the
// last line (nil if none) with io.EOF.
func (s *jsonlSource) readLine() (line []byte, tooLong bool, err error) {
	s.long = s.long[:0]
	for {
		chunk, err := s.r.ReadSlice('\n')
		s.offset += int64(len(chunk))
		switch {
		case err == bufio.ErrBufferFull:
			if !tooLong && len(s.long)+len(chunk) <= maxRecord {
				s.long = append(s.long, chunk...)
			} else {
				tooLong, s.long = true, s.long[:0]
			}
			continue
		case err != nil && err != io.EOF:
			return nil, false, err
		}
		if tooLong {
			return nil, true, err
		}
		if len(s.long) > 0 {
			chunk = append(s.long, chunk...)
			if len(chunk) > maxRecord+1 {
				return nil, true, err
			}
		}
		if len(chunk) == 0 && err == io.EOF {
			return nil, false, err
		}
		return bytes.TrimSuffix(chunk, []byte("\n")), false, err
	}
}

// jsonArraySource reads a JSON array of objects with json.Decoder, one
// element at a time. A syntax error ends the input: the decoder cannot
// find the next element after it.
type jsonArraySource struct {
	dec     *json.Decoder
	lines   *lineCounter
	started bool
	fatal   error
	lens    []int // the batch's elements' lengths in b.buf
	decoded int64 // bytes consumed by Decode, which its errors count from
}

func newJSONArraySource(r io.Reader) *jsonArraySource {
	lc := &lineCounter{r: r}
	return &jsonArraySource{dec: json.NewDecoder(lc), lines: lc}
}

func (s *jsonArraySource) err() error { return s.fatal }

// errJSONSyntax marks the fatal error of a broken JSON array.
type errJSONSyntax struct {
	line int
	err  error
}

func (e *errJSONSyntax) Error() string {
	return fmt.Sprintf("line %d: %v; the rest of the array cannot be read", e.line, e.err)
}

func (s *jsonArraySource) next(b *batch) bool {
	s.lens = s.lens[:0]
	defer s.finish(b)
	if !s.started {
		s.started = true
		tok, err := s.dec.Token()
		if err == io.EOF {
			s.fatal = errNoRows
			return false
		}
		if err != nil {
			s.fail(b, err)
			return false
		}
		if d, ok := tok.(json.Delim); !ok || d != '[' {
			s.fatal = fmt.Errorf("line %d: want a JSON array, found %s (for JSON Lines use --format jsonl)",
				s.lines.lineAt(s.dec.InputOffset()), describeToken(tok))
			return false
		}
	}
	var raw json.RawMessage
	for len(b.rows) < batchRows && len(b.buf) < batchBytes {
		if !s.dec.More() {
			if _, err := s.dec.Token(); err != nil { // the closing "]"
				s.fail(b, err)
				return false
			}
			if _, err := s.dec.Token(); err != io.EOF {
				s.fatal = fmt.Errorf("line %d: data after the JSON array", s.lines.lineAt(s.dec.InputOffset()))
			}
			return false
		}
		start := s.dec.InputOffset()
		if err := s.dec.Decode(&raw); err != nil {
			// Decode's syntax errors count the bytes of all the values
			// decoded so far, then "after reading Offset bytes": make
			// it the input offset of the offending byte.
			var se *json.SyntaxError
			if errors.As(err, &se) {
				se.Offset = start + (se.Offset - s.decoded) - 1
			}
			s.fail(b, err)
			return false
		}
		s.decoded += s.dec.InputOffset() - start
		line := s.lines.lineAt(s.dec.InputOffset() - int64(len(raw)))
		b.rows = append(b.rows, row{line: line})
		b.buf = append(b.buf, raw...)
		s.lens = append(s.lens, len(raw))
	}
	return true
}

// finish sets the rows' text, slices of one string made from b.buf, and
// the batch's end offset.
func (s *jsonArraySource) finish(b *batch) {
	b.offset = s.dec.InputOffset()
	text := string(b.buf)
	off := 0
	for i, n := range s.lens {
		b.rows[i].raw = text[off : off+n]
		off += n
	}
}

// fail records a syntax error as a bad row and ends the input.
func (s *jsonArraySource) fail(b *batch, err error) {
	var se *json.SyntaxError
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) {
		off := s.lines.read // unexpected EOF: the end of the input
		if se != nil {
			off = se.Offset
		}
		line := s.lines.lineAt(off)
		b.rows = append(b.rows, row{line: line, err: fmt.Errorf("bad JSON: %w", err)})
		s.fatal = &errJSONSyntax{line, err}
		return
	}
	s.fatal = err
}

func describeToken(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		return "'" + t.String() + "'"
	case string:
		return "a string"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", tok)
}

// lineCounter counts the lines of what passes through it, so offsets the
// decoder reports can be turned into line numbers. It keeps only the
// newlines between the last offset asked about and what was read.
type lineCounter struct {
	r       io.Reader
	read    int64   // bytes read so far
	pending []int64 // offsets of newlines not yet counted, ascending
	head    int
	counted int   // newlines before the last offset asked about
	lastAsk int64 // that offset
}

func (lc *lineCounter) Read(p []byte) (int, error) {
	n, err := lc.r.Read(p)
	for i := 0; i < n; {
		j := bytes.IndexByte(p[i:n], '\n')
		if j < 0 {
			break
		}
		lc.pending = append(lc.pending, lc.read+int64(i+j))
		i += j + 1
	}
	lc.read += int64(n)
	return n, err
}

// lineAt returns the 1-based line of offset off; offsets must not decrease.
func (lc *lineCounter) lineAt(off int64) int {
	if off < lc.lastAsk {
		off = lc.lastAsk
	}
	lc.lastAsk = off
	for lc.head < len(lc.pending) && lc.pending[lc.head] < off {
		lc.head++
		lc.counted++
	}
	if lc.head > 1024 && lc.head*2 > len(lc.pending) {
		lc.pending = append(lc.pending[:0], lc.pending[lc.head:]...)
		lc.head = 0
	}
	return lc.counted + 1
}

// csvSource reads CSV with a header row naming the fields.
type csvSource struct {
	r     *csv.Reader
	names *fieldNames
	cols  struct{ id, digest, hasher, password, salt int } // -1: absent
	width int
	fatal error
}

// csvHeaderError is a header without a required field.
type csvHeaderError struct {
	missing, have []string
}

func (e *csvHeaderError) Error() string {
	return fmt.Sprintf("the CSV header lacks the field %s (it has: %s)",
		strings.Join(e.missing, ", "), strings.Join(e.have, ", "))
}

// newCSVSource reads the header. required lists the fields that must be in
// it (the digest field always).
func newCSVSource(r io.Reader, names *fieldNames, required []string) (*csvSource, error) {
	s := &csvSource{r: csv.NewReader(r), names: names}
	s.r.FieldsPerRecord = -1 // a wrong count is the row's problem, not the file's
	s.r.ReuseRecord = true
	header, err := s.r.Read()
	if err == io.EOF {
		return nil, errNoRows
	}
	if err != nil {
		return nil, err
	}
	header = append([]string(nil), header...)
	if len(header) > 0 {
		header[0] = strings.TrimPrefix(header[0], string(utf8BOM))
	}
	index := func(name string) int {
		for i, h := range header {
			if h == name {
				return i
			}
		}
		return -1
	}
	var missing []string
	for _, name := range required {
		if index(name) < 0 {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		return nil, &csvHeaderError{missing, header}
	}
	s.cols.id = -1
	for _, name := range names.ids {
		if i := index(name); i >= 0 {
			s.cols.id = i
			break
		}
	}
	s.cols.digest, s.cols.hasher, s.cols.password = index(names.digest), index(names.hasher), index(names.password)
	s.cols.salt = -1
	if names.salt != "" {
		s.cols.salt = index(names.salt)
	}
	s.width = len(header)
	return s, nil
}

func (s *csvSource) err() error { return s.fatal }

func (s *csvSource) next(b *batch) bool {
	for len(b.rows) < batchRows {
		rec, err := s.r.Read()
		if err == io.EOF {
			b.offset = s.r.InputOffset()
			return false
		}
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			b.rows = append(b.rows, row{line: pe.StartLine, err: fmt.Errorf("bad CSV: %w", pe.Err)})
			continue
		case err != nil:
			s.fatal = err
			return false
		}
		line, _ := s.r.FieldPos(0)
		if len(rec) != s.width {
			b.rows = append(b.rows, row{line: line,
				err: fmt.Errorf("bad CSV: %d fields, the header has %d", len(rec), s.width)})
			continue
		}
		r := row{line: line}
		get := func(col int, v *string, has *bool) {
			if col >= 0 && rec[col] != "" {
				*v, *has = rec[col], true
			}
		}
		var hasID bool
		get(s.cols.id, &r.f.id, &hasID)
		if hasID {
			r.f.idRank = 1
		}
		get(s.cols.digest, &r.f.digest, &r.f.hasDigest)
		get(s.cols.hasher, &r.f.hasher, &r.f.hasHasher)
		get(s.cols.password, &r.f.password, &r.f.hasPassword)
		get(s.cols.salt, &r.f.salt, &r.f.hasSalt)
		b.rows = append(b.rows, r)
	}
	b.offset = s.r.InputOffset()
	return true
}
