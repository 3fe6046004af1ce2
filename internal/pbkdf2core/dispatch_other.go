//go:build !amd64 || !gc || purego

package pbkdf2core

// portable has no effect here: there is only the portable code.
var portable bool

func block1(h *[5]uint32, p []byte)    { block1Generic(h, p) }
func block256(h *[8]uint32, p []byte)  { block256Generic(h, p) }
func block512(h *[8]uint64, p []byte)  { block512Generic(h, p) }
func loop1(s *iter1, n int)            { loop1Generic(s, n) }
func loop256(s *iter256, n int)        { loop256Generic(s, n) }
func lanes1() int                      { return 1 }
func loop1x2(a, b *iter1, n int)       { loop1Generic(a, n); loop1Generic(b, n) }
func lanes256() int                    { return 1 }
func loop256x2(a, b *iter256, n int)   { loop256Generic(a, n); loop256Generic(b, n) }
func loop512(s *iter512, n, words int) { loop512Generic(s, n, words) }

// Accelerated reports whether h runs on assembly here. Where it does not,
// the standard library's crypto/pbkdf2 is faster than our portable code;
// tests skip the slowest vectors on the portable code.
func Accelerated(Hash) bool { return false }
