package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// fieldNames are the field names check reads from each row.
type fieldNames struct {
	ids      []string // the first present one names the row
	digest   string
	hasher   string
	password string
	salt     string // check --salt-field; "" reads none
}

// fields are the values of one row. A field whose value is JSON null counts
// as absent; a digest, hasher or password that is not a string is recorded
// in notString.
type fields struct {
	id, digest, hasher, password      string
	idRank                            int // index in fieldNames.ids + 1; 0: no id
	hasDigest, hasHasher, hasPassword bool
	salt                              string // check --salt-field
	hasSalt                           bool
	notString                         uint32 // fieldDigest etc. whose value is not a string
}

// Bits naming fields; fieldID is shifted by the id name's index.
const (
	fieldDigest uint32 = 1 << iota
	fieldHasher
	fieldPassword
	fieldSalt
	fieldID
)

var errNotObject = errors.New("bad row: not a JSON object")

// parseObject extracts the named fields from one JSON object. It tries a
// scan of the common case first (a flat object, no escapes in keys or
// nested values) and falls back to encoding/json, which also words the
// error for invalid JSON.
func parseObject(s string, n *fieldNames, f *fields) error {
	*f = fields{}
	if scanObject(s, n, f) {
		return nil
	}
	*f = fields{}
	return decodeObject(s, n, f)
}

// decodeObject is parseObject's slow path.
func decodeObject(s string, n *fieldNames, f *fields) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return errNotObject
		}
		return fmt.Errorf("bad JSON: %w", err)
	}
	if m == nil { // the line is "null"
		return errNotObject
	}
	for i, name := range n.ids {
		if raw, ok := m[name]; ok {
			if v, ok := rawScalar(raw); ok {
				f.id, f.idRank = v, i+1
				break
			}
		}
	}
	set := func(name string, bit uint32, v *string, has *bool) {
		raw, ok := m[name]
		if !ok || string(raw) == "null" {
			return
		}
		if raw[0] != '"' {
			f.notString |= bit
			return
		}
		json.Unmarshal(raw, v) // valid: Unmarshal of m checked it
		*has = true
	}
	set(n.digest, fieldDigest, &f.digest, &f.hasDigest)
	set(n.hasher, fieldHasher, &f.hasher, &f.hasHasher)
	set(n.password, fieldPassword, &f.password, &f.hasPassword)
	if n.salt != "" {
		set(n.salt, fieldSalt, &f.salt, &f.hasSalt)
	}
	return nil
}

// rawScalar returns a string's value or a number's or boolean's text.
func rawScalar(raw json.RawMessage) (string, bool) {
	switch raw[0] {
	case '"':
		var s string
		json.Unmarshal(raw, &s)
		return s, true
	case '{', '[', 'n':
		return "", false
	}
	return string(raw), true
}

// scanObject is the fast path of parseObject. It reports false for
// anything it does not handle, valid or not; when it reports true, f holds
// what decodeObject would have produced.
func scanObject(s string, n *fieldNames, f *fields) bool {
	i := skipSpace(s, 0)
	if i >= len(s) || s[i] != '{' {
		return false
	}
	var seen uint32
	i = skipSpace(s, i+1)
	if i < len(s) && s[i] == '}' {
		return skipSpace(s, i+1) == len(s)
	}
	for {
		// Key: no escapes, ASCII only, so it compares byte for byte.
		if i >= len(s) || s[i] != '"' {
			return false
		}
		j, sp := scanString(s, i+1)
		if j < 0 || sp {
			return false
		}
		key := s[i+1 : j]
		i = skipSpace(s, j+1)
		if i >= len(s) || s[i] != ':' {
			return false
		}
		i = skipSpace(s, i+1)
		if i >= len(s) {
			return false
		}
		// Value.
		var (
			val   string
			isStr bool
		)
		switch c := s[i]; {
		case c == '"':
			j, sp := scanString(s, i+1)
			if j < 0 {
				return false
			}
			val, isStr = s[i+1:j], true
			// Escapes and control characters go the slow way; so does
			// invalid UTF-8, which encoding/json replaces.
			if sp && !plainUTF8(val) {
				return false
			}
			i = j + 1
		case c == '-' || (c >= '0' && c <= '9'):
			j := scanNumber(s, i)
			if j < 0 {
				return false
			}
			val, i = s[i:j], j
		case c == 't' || c == 'f' || c == 'n':
			lit := "null"
			if c == 't' {
				lit = "true"
			} else if c == 'f' {
				lit = "false"
			}
			if len(s)-i < len(lit) || s[i:i+len(lit)] != lit {
				return false
			}
			val, i = lit, i+len(lit)
		default: // nested objects and arrays go the slow way
			return false
		}
		if !scanAssign(key, val, isStr, n, f, &seen) {
			return false
		}
		i = skipSpace(s, i)
		if i >= len(s) {
			return false
		}
		if s[i] == '}' {
			return skipSpace(s, i+1) == len(s)
		}
		if s[i] != ',' {
			return false
		}
		i = skipSpace(s, i+1)
	}
}

// scanAssign stores a field's value. A wanted key that repeats sends the
// row the slow way, where the last one wins as in encoding/json.
func scanAssign(key, val string, isStr bool, n *fieldNames, f *fields, seen *uint32) bool {
	isNull := !isStr && val == "null"
	str := func(bit uint32, v *string, has *bool) bool {
		if *seen&bit != 0 {
			return false
		}
		*seen |= bit
		switch {
		case isNull:
		case isStr:
			*v, *has = val, true
		default:
			f.notString |= bit
		}
		return true
	}
	switch key {
	case n.digest:
		return str(fieldDigest, &f.digest, &f.hasDigest)
	case n.hasher:
		return str(fieldHasher, &f.hasher, &f.hasHasher)
	case n.password:
		return str(fieldPassword, &f.password, &f.hasPassword)
	}
	if n.salt != "" && key == n.salt {
		return str(fieldSalt, &f.salt, &f.hasSalt)
	}
	for r, name := range n.ids {
		if key != name {
			continue
		}
		bit := uint32(fieldID) << r
		if *seen&bit != 0 {
			return false
		}
		*seen |= bit
		if !isNull && (f.idRank == 0 || r+1 < f.idRank) {
			f.id, f.idRank = val, r+1
		}
		return true
	}
	return true
}

// special marks the bytes a string needs a closer look for: escapes,
// control characters (invalid in JSON strings) and non-ASCII.
var special = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c < 0x20 || c == '\\' || c >= 0x80
	}
	return t
}()

// scanString returns the index of the '"' closing the string whose text
// starts at s[i], or -1, and whether the text has a special byte. A
// backslash before the first '"' is reported as special; the caller then
// gives up, so an escaped quote is never taken for the end.
func scanString(s string, i int) (end int, hasSpecial bool) {
	n := strings.IndexByte(s[i:], '"')
	if n < 0 {
		return -1, false
	}
	return i + n, hasSpecialByte(s[i : i+n])
}

// hasSpecialByte reports whether s has a byte marked in special. It looks
// at 8 bytes at a time: in each of the three terms, a byte's high bit is
// set only by a special byte in it or below it (a borrow), so their union
// is non-zero exactly when one of the 8 bytes is special.
func hasSpecialByte(s string) bool {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	for len(s) >= 8 {
		x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		below20 := x - 0x20*ones            // bytes < 0x20 borrow
		backslash := (x ^ '\\'*ones) - ones // a '\\' becomes 0xff
		if (below20|backslash|x)&highs != 0 {
			return true
		}
		s = s[8:]
	}
	for i := 0; i < len(s); i++ {
		if special[s[i]] {
			return true
		}
	}
	return false
}

// plainUTF8 reports whether s has no escapes or control characters and is
// valid UTF-8.
func plainUTF8(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '\\' {
			return false
		}
	}
	return utf8.ValidString(s)
}

func skipSpace(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ' ', '\t', '\r', '\n':
			i++
		default:
			return i
		}
	}
	return i
}

// scanNumber returns the end of the JSON number starting at s[i], or -1.
func scanNumber(s string, i int) int {
	if s[i] == '-' {
		i++
	}
	digits := func() bool {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > start
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case !digits():
		return -1
	}
	if i < len(s) && s[i] == '.' {
		i++
		if !digits() {
			return -1
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return -1
		}
	}
	return i
}
