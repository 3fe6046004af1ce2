// Package saslprep prepares a password with SASLprep (RFC 4013) exactly as
// PostgreSQL's pg_saslprep (src/common/saslprep.c) does before it derives a
// SCRAM secret:
//
//   - a password of pure ASCII is used unchanged (control characters
//     included);
//   - otherwise it must be valid UTF-8; C.1.2 spaces are mapped to U+0020
//     and B.1 characters to nothing; an empty result is refused;
//   - the prohibited (C.1.2 to C.9) and unassigned (A.1) checks and the
//     bidirectional rule (RFC 3454 section 6) are applied to the mapped
//     characters, before normalization, as PostgreSQL applies them;
//   - the result is the NFKC normalization of the mapped characters.
//
// When Prepare refuses a password, PostgreSQL uses the password's raw
// bytes instead; callers do the same.
package saslprep

import (
	"sort"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// table is a sorted list of inclusive code point ranges.
type table [][2]rune

func (t table) contains(r rune) bool {
	i := sort.Search(len(t), func(i int) bool { return t[i][1] >= r })
	return i < len(t) && t[i][0] <= r
}

// Prepare returns the SASLprep form of password, or false where
// pg_saslprep refuses it (invalid UTF-8, prohibited or unassigned
// characters, a bidirectional string breaking RFC 3454's rule, or nothing
// left after mapping).
func Prepare(password string) (string, bool) {
	ascii := true
	for i := 0; i < len(password); i++ {
		if password[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return password, true
	}
	if !utf8.ValidString(password) {
		return "", false
	}
	mapped := make([]rune, 0, len(password))
	for _, r := range password {
		switch {
		case nonASCIISpace.contains(r):
			mapped = append(mapped, ' ')
		case mappedToNothing.contains(r):
		default:
			mapped = append(mapped, r)
		}
	}
	defer clear(mapped)
	if len(mapped) == 0 {
		return "", false
	}
	randAL := false
	for _, r := range mapped {
		if prohibited.contains(r) || unassigned.contains(r) {
			return "", false
		}
		if randALCat.contains(r) {
			randAL = true
		}
	}
	if randAL {
		for _, r := range mapped {
			if lCat.contains(r) {
				return "", false
			}
		}
		if !randALCat.contains(mapped[0]) || !randALCat.contains(mapped[len(mapped)-1]) {
			return "", false
		}
	}
	return norm.NFKC.String(string(mapped)), true
}
