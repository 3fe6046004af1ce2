// Package yescryptcore computes yescrypt, the password hashing scheme of
// libxcrypt's "$y$" (the default of Debian 11+, Ubuntu 22.04+, Fedora 35+),
// written from the yescrypt specification and its reference code
// (openwall/yescrypt yescrypt-ref.c, as libxcrypt's alg-yescrypt-opt.c
// computes it). It covers the three flavors a crypt(3) setting can name:
// classic scrypt (flags 0, also "$7$"), YESCRYPT_WORM and libxcrypt's only
// read-write flavor YESCRYPT_DEFAULTS, without ROM (NROM) and without hash
// upgrades (g), which libxcrypt's crypt(3) refuses too.
//
// It is portable Go; its loops are preemptible. Blocks are kept as 64-bit
// words, each 64-byte sub-block in the "SIMD shuffled" order of the reference
// code (position i holds Salsa20 word 5·i mod 16), the order pwxform reads.
package yescryptcore

import (
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"math"
	"math/bits"

	"github.com/pwdigest/pwdigest/internal/scryptcore"
)

// Flags values accepted by Key.
const (
	// Scrypt is classic scrypt (RFC 7914).
	Scrypt uint32 = 0
	// WORM is YESCRYPT_WORM: scrypt with the t cost and yescrypt's
	// pre- and post-hashing.
	WORM uint32 = 1
	// RW is the read-write mode bit.
	RW uint32 = 0x002
	// Defaults is YESCRYPT_DEFAULTS: RW with 6 pwxform rounds, gather 4,
	// simple 2 and 12 KiB S-boxes; the only RW flavor libxcrypt computes.
	Defaults uint32 = RW | 0x004 | 0x010 | 0x020 | 0x080

	// prehash is YESCRYPT_PREHASH, used internally for large N.
	prehash uint32 = 0x10000000
)

// pwxform settings of YESCRYPT_DEFAULTS, in 64-bit words.
const (
	sboxWords = 512           // S0, S1 and S2 each: 2^Swidth · PWXsimple
	sWords    = 3 * sboxWords // one lane's S: Sbytes (12288) / 8
	smask     = 0xff0         // (2^Swidth - 1) · PWXsimple · 8, a byte offset
)

// Params are yescrypt's costs.
type Params struct {
	Flags uint32 // Scrypt, WORM or Defaults
	N     uint64 // block count: a power of two, 4 ≤ N < 2^32
	R     uint32 // block size in 128 bytes, r·p < 2^30
	P     uint32 // parallelism
	T     uint32 // time cost (0 for Scrypt)
}

var (
	errFlags  = errors.New("yescryptcore: unsupported flags")
	errN      = errors.New("yescryptcore: N must be a power of two, 4 ≤ N < 2^32 (and N/p > 3 for RW)")
	errRP     = errors.New("yescryptcore: r and p must be positive with r·p < 2^30")
	errT      = errors.New("yescryptcore: t must be 0 for classic scrypt")
	errMemory = errors.New("yescryptcore: parameters are too large")
	errKeyLen = errors.New("yescryptcore: key length out of range")
)

// Check reports whether libxcrypt's yescrypt computes these costs, with the
// same tests alg-yescrypt-opt.c applies.
func (p Params) Check() error {
	switch p.Flags {
	case Scrypt:
		if p.T != 0 {
			return errT
		}
	case WORM, Defaults:
	default:
		return errFlags
	}
	if p.R < 1 || p.P < 1 || uint64(p.R)*uint64(p.P) >= 1<<30 {
		return errRP
	}
	if p.N < 4 || p.N > math.MaxUint32 || p.N&(p.N-1) != 0 {
		return errN
	}
	if p.Flags&RW != 0 && p.N/uint64(p.P) <= 3 {
		return errN
	}
	if p.words() < 0 {
		return errMemory
	}
	return nil
}

// words returns the 64-bit words Key holds at once: V (16·r·N), the X and Y
// blocks (32·r) and, for RW, the S-boxes (1536·p); B (16·r·p) is counted
// too. -1 if that does not fit an int.
func (p Params) words() int {
	r, n, lanes := uint64(p.R), p.N, uint64(p.P)
	// r·p < 2^30 and N < 2^32: the terms below fit a uint64.
	total := 16*r*n + 32*r + 16*r*lanes
	if p.Flags&RW != 0 {
		total += sWords * lanes
	}
	if total > math.MaxInt/8 {
		return -1
	}
	return int(total)
}

// MemoryBytes returns the bytes Key holds for these costs (V, B, the
// working blocks and the S-boxes), or -1 if Check refuses them.
func (p Params) MemoryBytes() int64 {
	if p.Check() != nil {
		return -1
	}
	return 8 * int64(p.words())
}

// Key derives a keyLen-byte key (1 ≤ keyLen ≤ 64) from password and salt, as
// libxcrypt's yescrypt_kdf does without a ROM. Classic scrypt is handed to
// internal/scryptcore, whose BlockMix is SIMD assembly on amd64.
func Key(password, salt []byte, p Params, keyLen int) ([]byte, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	if keyLen < 1 || keyLen > 64 {
		return nil, errKeyLen
	}
	if p.Flags == Scrypt {
		return scryptcore.Key(password, salt, int(p.N), int(p.R), int(p.P), keyLen)
	}
	return key(password, salt, p, keyLen)
}

// key is Key for every flavor in portable Go.
func key(password, salt []byte, p Params, keyLen int) ([]byte, error) {
	mem, err := pool.Get(p.words() - 16*int(p.R)*int(p.P))
	if err != nil {
		return nil, err
	}
	defer pool.Put(mem) // which clears it
	n := uint64(p.N) / uint64(p.P)
	if p.Flags&RW != 0 && n >= 0x100 && n*uint64(p.R) >= 0x20000 {
		// Large costs first hash at N/64 to derive the password, so that a
		// hash is not cheaper to try out with less memory (yescrypt_kdf).
		pre := p
		pre.Flags |= prehash
		pre.N >>= 6
		pre.T = 0
		dk := body(mem, password, salt, pre, 32)
		defer clear(dk)
		password = dk
	}
	return body(mem, password, salt, p, keyLen), nil
}

// body is yescrypt_kdf_body for checked costs, with mem for V, X, Y and S.
func body(mem []uint64, password, salt []byte, p Params, keyLen int) []byte {
	r := int(p.R)
	s := 16 * r
	v := mem[:int(p.N)*s]
	rest := mem[int(p.N)*s:]
	xy := rest[:2*s]
	sbox := rest[2*s:]

	var pre [32]byte
	if p.Flags != 0 {
		key := "yescrypt-prehash"
		if p.Flags&prehash == 0 {
			key = key[:8]
		}
		h := hmac.New(sha256.New, []byte(key))
		h.Write(password)
		h.Sum(pre[:0])
		password = pre[:]
	}
	defer clear(pre[:])

	b, _ := pbkdf2.Key(sha256.New, string(password), salt, 1, 128*r*int(p.P))
	defer clear(b)
	if p.Flags != 0 {
		// From here on the password is the first 32 bytes of B (and, for
		// RW, their HMAC in smix).
		copy(pre[:], b)
	}
	if p.Flags&RW != 0 {
		smix(b, p, v, xy, sbox, &pre)
	} else {
		one := p
		one.P = 1
		for i := 0; i < int(p.P); i++ {
			smix(b[128*r*i:128*r*(i+1)], one, v, xy, nil, nil)
		}
	}

	out, _ := pbkdf2.Key(sha256.New, string(password), b, 1, keyLen)
	if p.Flags != 0 && p.Flags&prehash == 0 {
		// ClientKey and StoredKey as in SCRAM (RFC 5802), over the first 32
		// bytes of a 32-byte (or longer) PBKDF2 output.
		dk := out
		if keyLen < 32 {
			dk, _ = pbkdf2.Key(sha256.New, string(password), b, 1, 32)
			defer clear(dk)
		}
		h := hmac.New(sha256.New, dk[:32])
		h.Write([]byte("Client Key"))
		client := h.Sum(nil)
		stored := sha256.Sum256(client)
		clear(client)
		copy(out, stored[:])
		clear(stored[:])
	}
	return out
}

// smix is SMix over the p lanes of b (128·r·p bytes) with V v, the X/Y
// scratch xy and, for RW, the lanes' S-boxes and the 32-byte password pw
// (replaced by its HMAC keyed with lane 0's last sub-block).
func smix(b []byte, p Params, v, xy, sbox []uint64, pw *[32]byte) {
	r := int(p.R)
	s := 16 * r
	lanes := uint64(p.P)
	rw := p.Flags&RW != 0

	nchunk := p.N / lanes
	nloopAll := nchunk
	if rw {
		if p.T <= 1 {
			if p.T != 0 {
				nloopAll *= 2
			}
			nloopAll = (nloopAll + 2) / 3
		} else {
			nloopAll *= uint64(p.T) - 1
		}
	} else if p.T != 0 {
		if p.T == 1 {
			nloopAll += (nloopAll + 1) / 2
		}
		nloopAll *= uint64(p.T)
	}
	var nloopRW uint64
	if rw {
		nloopRW = nloopAll / lanes
	}
	nchunk &^= 1
	nloopAll = (nloopAll + 1) &^ 1
	nloopRW = (nloopRW + 1) &^ 1

	x := xy[:s]
	y := xy[s : 2*s]
	var ctx []pwxform
	if rw {
		ctx = make([]pwxform, lanes)
	}
	var vchunk uint64
	for i := range int(lanes) {
		np := nchunk
		if i == int(lanes)-1 {
			np = p.N - vchunk
		}
		bp := b[128*r*i : 128*r*(i+1)]
		vp := v[int(vchunk)*s:]
		var c *pwxform
		if rw {
			c = &ctx[i]
			c.s = sbox[i*sWords : (i+1)*sWords]
			// The S-boxes are SMix1 of B_i's first 128 bytes, with r=1.
			load(x[:16], bp[:128])
			smix1(x[:16], 1, sWords/16, false, c.s, y[:16], nil)
			store(bp[:128], x[:16])
			c.s2, c.s1, c.s0 = 0, sboxWords, 2*sboxWords
			c.w = 0
			if i == 0 {
				h := hmac.New(sha256.New, bp[128*r-64:])
				h.Write(pw[:])
				h.Sum(pw[:0])
			}
		}
		load(x, bp)
		smix1(x, r, np, rw, vp, y, c)
		smix2(x, r, p2floor(np), nloopRW, rw, vp, y, c)
		store(bp, x)
		vchunk += nchunk
	}
	for i := range int(lanes) {
		bp := b[128*r*i : 128*r*(i+1)]
		var c *pwxform
		if rw {
			c = &ctx[i]
		}
		load(x, bp)
		smix2(x, r, p.N, nloopAll-nloopRW, false, v, y, c)
		store(bp, x)
	}
	for i := range ctx {
		ctx[i] = pwxform{}
	}
}

// smix1 is SMix1: V_i = X, X = H(X) for N blocks, reading back earlier
// blocks when rw. c nil means BlockMix with Salsa20/8, else pwxform.
func smix1(x []uint64, r int, n uint64, rw bool, v, y []uint64, c *pwxform) {
	s := 16 * r
	for i := uint64(0); i < n; i++ {
		copy(v[int(i)*s:int(i+1)*s], x)
		if rw && i > 1 {
			j := wrap(integerify(x, r), i)
			xorBlocks(x, v[int(j)*s:int(j+1)*s])
		}
		mix(x, y, r, c)
	}
}

// smix2 is SMix2 for nloop steps over the first n (a power of two) blocks
// of v, writing each block back when rw.
func smix2(x []uint64, r int, n, nloop uint64, rw bool, v, y []uint64, c *pwxform) {
	s := 16 * r
	for range nloop {
		j := int(integerify(x, r) & (n - 1))
		vj := v[j*s : (j+1)*s]
		xorBlocks(x, vj)
		if rw {
			copy(vj, x)
		}
		mix(x, y, r, c)
	}
}

func mix(x, y []uint64, r int, c *pwxform) {
	if c == nil {
		blockMixSalsa8(x, y, r)
	} else {
		blockMixPwxform(x, c, r)
	}
}

// integerify returns the first 64 bits of the last sub-block, Salsa20 words
// 0 and 1: positions 0 and 13 in the shuffled order.
func integerify(x []uint64, r int) uint64 {
	last := x[(2*r-1)*8:]
	return last[0]&0xffffffff | last[6]&^0xffffffff
}

// p2floor is the largest power of two not above x.
func p2floor(x uint64) uint64 {
	return 1 << (63 - bits.LeadingZeros64(x))
}

// wrap maps x into [0, i): its low bits below p2floor(i), counted from the
// top so that the most recent blocks are read.
func wrap(x, i uint64) uint64 {
	n := p2floor(i)
	return x&(n-1) + (i - n)
}

func xorBlocks(dst, src []uint64) {
	src = src[:len(dst)]
	for i := range dst {
		dst[i] ^= src[i]
	}
}

// shuffled lists, for each 32-bit position of a sub-block as stored, the
// Salsa20 word held there.
var shuffled = [16]int{0, 5, 10, 15, 4, 9, 14, 3, 8, 13, 2, 7, 12, 1, 6, 11}

// load reads the little-endian words of src into x, sub-block by sub-block
// in shuffled order.
func load(x []uint64, src []byte) {
	for len(x) >= 8 && len(src) >= 64 {
		for i := range 8 {
			lo := binary.LittleEndian.Uint32(src[4*shuffled[2*i]:])
			hi := binary.LittleEndian.Uint32(src[4*shuffled[2*i+1]:])
			x[i] = uint64(lo) | uint64(hi)<<32
		}
		x, src = x[8:], src[64:]
	}
}

// store is the inverse of load.
func store(dst []byte, x []uint64) {
	for len(x) >= 8 && len(dst) >= 64 {
		for i := range 8 {
			binary.LittleEndian.PutUint32(dst[4*shuffled[2*i]:], uint32(x[i]))
			binary.LittleEndian.PutUint32(dst[4*shuffled[2*i+1]:], uint32(x[i]>>32))
		}
		x, dst = x[8:], dst[64:]
	}
}
