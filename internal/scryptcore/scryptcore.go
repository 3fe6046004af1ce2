// Package scryptcore computes scrypt (RFC 7914).
//
// The working memory is kept in a bounded pool between calls (see
// SetPoolLimit); on Linux it is mapped outside the Go heap with transparent
// huge pages requested, since ROMix reads it at random. Each 64-byte Salsa20
// block is held with its words in diagonal order (see perm), the layout the
// SIMD BlockMix on amd64 (AVX, or SSE2 without it) works in, so that no call
// shuffles words. Elsewhere, or with the purego tag, a portable Go BlockMix
// is used.
package scryptcore

import (
	"crypto/pbkdf2"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math"
)

var (
	errN      = errors.New("scryptcore: N must be a power of two greater than 1")
	errRP     = errors.New("scryptcore: r and p must be positive with r·p < 2^30")
	errMemory = errors.New("scryptcore: parameters are too large")
	errKeyLen = errors.New("scryptcore: key length out of range")
)

// perm lists, for each position of a block as stored, the Salsa20 word held
// there: the four diagonals (x0,x5,x10,x15), (x4,x9,x14,x3), (x8,x13,x2,x7),
// (x12,x1,x6,x11).
var perm = [16]int{0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11}

// check validates the costs and returns the number of uint32 words Key
// holds: V (32·r·N), B (32·r·p) and the X/Y scratch (64·r).
func check(N, r, p int) (int, error) {
	if N < 2 || N&(N-1) != 0 {
		return 0, errN
	}
	if r < 1 || p < 1 || uint64(r)*uint64(p) >= 1<<30 {
		return 0, errRP
	}
	// 32·r·(N+p+2) words must fit an int, and its bytes an int64.
	words := uint64(32) * uint64(r) // below 2^35
	total := uint64(N) + uint64(p) + 2
	if total > math.MaxInt64/4/words || total > uint64(math.MaxInt)/words {
		return 0, errMemory
	}
	return int(words * total), nil
}

// MemoryBytes returns the bytes Key holds for these costs: 128·r·N for V,
// 128·r·p for B and 256·r of scratch. It returns -1 for invalid costs.
func MemoryBytes(N, r, p int) int64 {
	w, err := check(N, r, p)
	if err != nil {
		return -1
	}
	return 4 * int64(w)
}

// Key derives a keyLen-byte key from password and salt with scrypt's costs
// N (a power of two greater than 1), r and p (r·p < 2^30), as
// golang.org/x/crypto/scrypt.Key does. Invalid arguments give an error.
func Key(password, salt []byte, N, r, p, keyLen int) ([]byte, error) {
	words, err := check(N, r, p)
	if err != nil {
		return nil, err
	}
	// x/crypto panics on a zero length; this is an error here.
	if keyLen < 1 || int64(keyLen) > (1<<32-1)*32 {
		return nil, errKeyLen
	}
	pw := string(password)
	b, err := pbkdf2.Key(sha256.New, pw, salt, 1, p*128*r)
	if err != nil {
		return nil, err
	}
	mem, err := getBuf(words)
	if err != nil {
		return nil, err
	}
	n := 32 * r // words per ROMix block
	v := mem[:N*n]
	xy := mem[N*n : (N+2)*n]
	bw := mem[(N+2)*n : (N+2+p)*n]
	load(bw, b)
	for i := 0; i < p; i++ {
		romix(bw[i*n:(i+1)*n], v, xy, N, r)
	}
	store(b, bw)
	putBuf(mem) // clears V, X, Y and B
	key, err := pbkdf2.Key(sha256.New, pw, b, 1, keyLen)
	clear(b)
	return key, err
}

// load reads little-endian words from src into dst, block by block in
// diagonal order.
func load(dst []uint32, src []byte) {
	for len(dst) >= 16 && len(src) >= 64 {
		d := (*[16]uint32)(dst)
		for i, w := range perm {
			d[i] = binary.LittleEndian.Uint32(src[4*w:])
		}
		dst, src = dst[16:], src[64:]
	}
}

// store is the inverse of load.
func store(dst []byte, src []uint32) {
	for len(src) >= 16 && len(dst) >= 64 {
		s := (*[16]uint32)(src)
		for i, w := range perm {
			binary.LittleEndian.PutUint32(dst[4*w:], s[i])
		}
		dst, src = dst[64:], src[16:]
	}
}

// romix is scryptROMix (RFC 7914 section 5) on b, with v of 32·r·N words
// and xy of 64·r words as scratch.
func romix(b, v, xy []uint32, N, r int) {
	n := 32 * r
	v = v[:N*n]
	copy(v[:n], b)
	// V[i+1] = BlockMix(V[i]), written in place; X = BlockMix(V[N-1]).
	for i := 0; i < N-1; i++ {
		blockMix(v[(i+1)*n:(i+2)*n], v[i*n:(i+1)*n], nil, r)
	}
	x, y := xy[:n], xy[n:2*n]
	blockMix(x, v[(N-1)*n:], nil, r)
	mask := uint64(N - 1)
	for i := 0; i < N; i += 2 {
		j := int(integerify(x, n) & mask)
		blockMix(y, x, v[j*n:(j+1)*n], r)
		j = int(integerify(y, n) & mask)
		blockMix(x, y, v[j*n:(j+1)*n], r)
	}
	copy(b, x)
}

// integerify returns the first 64 bits of the last Salsa20 block of x as a
// little-endian integer: words 0 and 1, stored at positions 0 and 13.
func integerify(x []uint32, n int) uint64 {
	last := (*[16]uint32)(x[n-16 : n])
	return uint64(last[0]) | uint64(last[13])<<32
}
