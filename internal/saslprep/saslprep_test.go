package saslprep

import "testing"

func TestPrepare(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"password", "password", true},
		{"tab\there\x01", "tab\there\x01", true}, // ASCII: unchanged, controls too
		{"\u2168", "IX", true},                   // ROMAN NUMERAL NINE, NFKC
		{"\ufb01x", "fix", true},                 // fi ligature
		{"I\u00adX", "IX", true},                 // soft hyphen: mapped to nothing
		{"a\u00a0b", "a b", true},                // no-break space: mapped to space
		{"a\u2003b", "a b", true},                // em space
		{"p\u00e4ssw\u00f6rd", "p\u00e4ssw\u00f6rd", true},
		{"pa\u0308", "p\u00e4", true},          // NFKC composes
		{"\u05d0\u05d1", "\u05d0\u05d1", true}, // Hebrew only
		{"\u00ad", "", false},                  // nothing left
		{"a\u0007\u00e9", "", false},           // control with non-ASCII: prohibited
		{"\ue000\u00e9", "", false},            // private use
		{"\u0221", "", false},                  // unassigned in Unicode 3.2
		{"\u05d0a", "", false},                 // RandALCat with LCat
		{"\u05d01", "", false},                 // RandALCat not last
		{"\xff\xfe", "", false},                // invalid UTF-8
		{"\xed\xa0\x80\u00e9", "", false},      // UTF-8 surrogate
		{"\u1680\u00e9", " \u00e9", true},      // OGHAM SPACE MARK mapped before the check
		{"\u200b\u00e9", " \u00e9", true},      // ZWSP is in C.1.2 first: space
		{"\U0001D7CE\u00e9", "0\u00e9", true},  // MATHEMATICAL BOLD DIGIT ZERO
		{"\U0001F511 key", "", false},          // emoji: unassigned in 3.2
	} {
		got, ok := Prepare(c.in)
		if ok != c.ok || got != c.want {
			t.Errorf("Prepare(%+q) = %+q, %v; want %+q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// TestTablesMatchPostgres samples the ranges of PostgreSQL's saslprep.c
// (master 11b7de4a784135d7a9bce4a29ede092797749efc), which transcribes
// RFC 3454 independently of Python's stringprep module.
func TestTablesMatchPostgres(t *testing.T) {
	for _, c := range []struct {
		name  string
		tab   table
		first [2]rune
		last  [2]rune
		n     int
	}{
		{"non_ascii_space", nonASCIISpace, [2]rune{0x00A0, 0x00A0}, [2]rune{0x3000, 0x3000}, 6},
		{"commonly_mapped_to_nothing", mappedToNothing, [2]rune{0x00AD, 0x00AD}, [2]rune{0xFEFF, 0xFEFF}, 8},
		{"RandALCat", randALCat, [2]rune{0x05BE, 0x05BE}, [2]rune{0xFE76, 0xFEFC}, 34},
		{"unassigned", unassigned, [2]rune{0x0221, 0x0221}, [2]rune{0xE0080, 0xEFFFD}, -1},
		{"LCat", lCat, [2]rune{0x0041, 0x005A}, [2]rune{0x100000, 0x10FFFD}, -1},
		{"prohibited", prohibited, [2]rune{0x0000, 0x001F}, [2]rune{0xEFFFE, 0x10FFFF}, 34},
	} {
		if c.tab[0] != c.first || c.tab[len(c.tab)-1] != c.last || c.n >= 0 && len(c.tab) != c.n {
			t.Errorf("%s: %d ranges, first %X, last %X", c.name, len(c.tab), c.tab[0], c.tab[len(c.tab)-1])
		}
	}
	if !lCat.contains(0xD800) || !lCat.contains(0xFA2D) || lCat.contains(0xFA2E) {
		t.Error("LCat lacks PostgreSQL's 0xD800..0xFA2D")
	}
	for _, r := range []rune{0x0221, 0x024F, 0x07B2, 0x0900, 0x1D455, 0x2FA1E} {
		if !unassigned.contains(r) {
			t.Errorf("U+%04X not unassigned", r)
		}
	}
}
