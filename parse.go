package pwdigest

import (
	"encoding/base64"
	"errors"
	"math"
	"strings"
	"unicode/utf8"
)

// Strict field parsers shared by the schemes. Each accepts one canonical
// form only, so that a digest has a single spelling and garbage is refused.

// parseDecimal parses a canonical unsigned decimal: ASCII digits, no sign,
// no leading zero (except "0" itself), no overflow past max.
func parseDecimal(s string, max uint64) (uint64, bool) {
	if len(s) == 0 || len(s) > 20 || (len(s) > 1 && s[0] == '0') {
		return 0, false
	}
	var n uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		d := uint64(c - '0')
		if n > (math.MaxUint64-d)/10 {
			return 0, false
		}
		n = n*10 + d
	}
	return n, n <= max
}

// parseCount parses a canonical decimal that must fit an int. Values above
// math.MaxInt32 are rejected as malformed: no producer writes them.
func parseCount(s string) (int, bool) {
	n, ok := parseDecimal(s, math.MaxInt32)
	return int(n), ok
}

// isHex reports whether s is non-empty, even-length hex, all lowercase or
// all uppercase: producers write one case, mixed case is corruption.
func isHex(s string) bool {
	if len(s) == 0 || len(s)%2 != 0 {
		return false
	}
	var lower, upper bool
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'f':
			lower = true
		case c >= 'A' && c <= 'F':
			upper = true
		case c < '0' || c > '9':
			return false
		}
	}
	return !(lower && upper)
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// decodeHex decodes hex of either case into dst, which must be len(s)/2 long.
func decodeHex(dst []byte, s string) bool {
	if len(s) != 2*len(dst) {
		return false
	}
	for i := range dst {
		a, b := unhex(s[2*i]), unhex(s[2*i+1])
		if a < 0 || b < 0 {
			return false
		}
		dst[i] = byte(a<<4 | b)
	}
	return true
}

var (
	stdB64    = base64.StdEncoding.Strict()
	rawStdB64 = base64.RawStdEncoding.Strict()
	urlB64    = base64.URLEncoding.Strict()
)

// decodeB64 decodes s strictly with enc (canonical trailing bits, no
// newlines, correct padding). Empty input is refused. Invalid input is
// refused before anything is allocated.
func decodeB64(enc *base64.Encoding, s string) ([]byte, bool) {
	if _, ok := b64Len(enc, s); !ok {
		return nil, false
	}
	b, err := enc.DecodeString(s)
	if err != nil {
		return nil, false
	}
	return b, true
}

// Base64 alphabets, by their two last characters.
const (
	alphaStd  = iota // "+/"
	alphaURL         // "-_"
	alphaAB64        // "./", passlib's adapted base64
)

// b64Len checks s as strict, non-empty base64 of enc (one of the three
// above or passlib's ab64) without allocating and returns its decoded
// length.
func b64Len(enc *base64.Encoding, s string) (int, bool) {
	alpha, padded := alphaStd, false
	switch enc {
	case stdB64:
		padded = true
	case urlB64:
		alpha, padded = alphaURL, true
	case ab64:
		alpha = alphaAB64
	case rawStdB64:
	default:
		panic("pwdigest: b64Len of an encoding it does not know") // a bug: no input reaches it
	}
	if padded {
		if len(s)%4 != 0 {
			return 0, false
		}
		// At most two "=", and only at the end.
		for i := 0; i < 2 && len(s) > 0 && s[len(s)-1] == '='; i++ {
			s = s[:len(s)-1]
		}
	}
	if len(s) == 0 || len(s)%4 == 1 {
		return 0, false
	}
	var last int
	for i := 0; i < len(s); i++ {
		if last = b64Value(s[i], alpha); last < 0 {
			return 0, false
		}
	}
	// The last character's unused low bits must be zero (Strict).
	switch len(s) % 4 {
	case 2:
		if last&0xf != 0 {
			return 0, false
		}
	case 3:
		if last&0x3 != 0 {
			return 0, false
		}
	}
	return len(s)/4*3 + max(len(s)%4-1, 0), true
}

// b64Value is the 6-bit value of c in the alphabet, -1 for any other byte.
func b64Value(c byte, alpha int) int {
	switch {
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 26
	case c >= '0' && c <= '9':
		return int(c-'0') + 52
	case c == "+-."[alpha]:
		return 62
	case c == "/_/"[alpha]:
		return 63
	}
	return -1
}

// validRawSalt reports whether s can be a salt that is used as its bytes
// (Django, Werkzeug): non-empty UTF-8 without "$", whitespace or control
// characters. Producers draw such salts from letters and digits; a space,
// tab or newline in one is a damaged import line.
func validRawSalt(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c == '$' || c == 0x7f {
			return false
		}
	}
	return true
}

// splitN splits s on sep into exactly n fields, without allocating beyond
// the result array.
func splitN(s string, sep byte, dst []string) bool {
	for i := 0; i < len(dst)-1; i++ {
		j := strings.IndexByte(s, sep)
		if j < 0 {
			return false
		}
		dst[i], s = s[:j], s[j+1:]
	}
	if strings.IndexByte(s, sep) >= 0 {
		return false
	}
	dst[len(dst)-1] = s
	return true
}

func isOutOfRange(err error) bool { return errors.Is(err, ErrParamsOutOfRange) }
