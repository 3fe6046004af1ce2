package pbkdf2core

import (
	"encoding/binary"
	"math/bits"
)

// SHA-1 from FIPS 180-4, section 6.1. Constants: section 4.2.1 and 5.3.1.

var iv1 = [5]uint32{0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0}

// iter1 is the state of the PBKDF2-HMAC-SHA-1 iteration loop (see iter256).
// The assembly relies on this layout.
type iter1 struct {
	is, os, u, acc [5]uint32
}

// compress1 runs the SHA-1 compression function on one block given as
// message words.
func compress1(h *[5]uint32, m *[16]uint32) {
	var w [80]uint32
	copy(w[:], m[:])
	for t := 16; t < 80; t++ {
		w[t] = bits.RotateLeft32(w[t-3]^w[t-8]^w[t-14]^w[t-16], 1)
	}
	a, b, c, d, e := h[0], h[1], h[2], h[3], h[4]
	for t := range 80 {
		var f, k uint32
		switch {
		case t < 20:
			f, k = b&c|^b&d, 0x5a827999
		case t < 40:
			f, k = b^c^d, 0x6ed9eba1
		case t < 60:
			f, k = b&c|b&d|c&d, 0x8f1bbcdc
		default:
			f, k = b^c^d, 0xca62c1d6
		}
		t1 := bits.RotateLeft32(a, 5) + f + e + k + w[t]
		e, d, c, b, a = d, c, bits.RotateLeft32(b, 30), a, t1
	}
	h[0] += a
	h[1] += b
	h[2] += c
	h[3] += d
	h[4] += e
}

// block1Generic compresses the whole 64-byte blocks of p into h.
func block1Generic(h *[5]uint32, p []byte) {
	var m [16]uint32
	for ; len(p) >= 64; p = p[64:] {
		for i := range m {
			m[i] = binary.BigEndian.Uint32(p[4*i:])
		}
		compress1(h, &m)
	}
}

// loop1Generic runs n PBKDF2 iterations: U = HMAC(P, U), acc ^= U.
func loop1Generic(s *iter1, n int) {
	// U is 20 bytes after a 64-byte key block: padding and length
	// (84 bytes = 672 bits) are the same in every message.
	m := [16]uint32{5: 0x80000000, 15: 672}
	for range n {
		copy(m[:5], s.u[:])
		h := s.is
		compress1(&h, &m)
		copy(m[:5], h[:])
		s.u = s.os
		compress1(&s.u, &m)
		for i := range s.acc {
			s.acc[i] ^= s.u[i]
		}
	}
}

// hash1 finishes a SHA-1 computation whose state h has absorbed done bytes
// (a multiple of 64) with msg, and returns the final state.
func hash1(h [5]uint32, done int, msg []byte) [5]uint32 {
	n := len(msg) &^ 63
	block1(&h, msg[:n])
	var tail [128]byte
	r := copy(tail[:], msg[n:])
	tail[r] = 0x80
	t := 64
	if r+9 > 64 {
		t = 128
	}
	binary.BigEndian.PutUint64(tail[t-8:], uint64(done+len(msg))*8)
	block1(&h, tail[:t])
	return h
}

func put1(b []byte, h *[5]uint32) {
	for i, v := range h {
		binary.BigEndian.PutUint32(b[4*i:], v)
	}
}

type prf1 struct{ is, os [5]uint32 }

func newPRF1(password []byte) *prf1 {
	k := hmacKey(password, 64, func(b []byte) []byte {
		h := hash1(iv1, 0, b)
		d := make([]byte, 20)
		put1(d, &h)
		return d
	})
	p := &prf1{is: iv1, os: iv1}
	block1(&p.is, xorPad(k, 0x36))
	block1(&p.os, xorPad(k, 0x5c))
	return p
}

func (p *prf1) lanes() int { return lanes1() }

func (p *prf1) blocks(dst, msg []byte, first uint32, iter int) {
	var s [2]iter1
	var d [40]byte
	n := (len(dst)-1)/20 + 1
	for j := range n {
		setIndex(msg, first+uint32(j))
		s[j].is, s[j].os = p.is, p.os
		in := hash1(p.is, 64, msg)
		put1(d[:], &in)
		s[j].u = hash1(p.os, 64, d[:20])
		s[j].acc = s[j].u
	}
	for left := iter - 1; left > 0; left -= chunk1 {
		k := min(left, chunk1)
		if n == 2 {
			loop1x2(&s[0], &s[1], k)
		} else {
			loop1(&s[0], k)
		}
	}
	for j := range n {
		put1(d[20*j:], &s[j].acc)
	}
	copy(dst, d[:])
}
