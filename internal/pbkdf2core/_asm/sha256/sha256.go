// Command sha256 writes sha256_amd64.s: SHA-256 (FIPS 180-4 section 6.2)
// with the x86 SHA extensions (Intel SDM: SHA256RNDS2, SHA256MSG1,
// SHA256MSG2), and the PBKDF2-HMAC-SHA-256 iteration loops, one output
// block at a time or two interleaved.
//
// SHA256RNDS2 is bound by its latency; two independent lanes with their
// instructions interleaved run in about the time of one.
package main

import (
	. "github.com/mmcloughlin/avo/build"
	"github.com/mmcloughlin/avo/gotypes"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"github.com/pwdigest/pwdigest/internal/pbkdf2core/_asm/internal/gen"
)

// FIPS 180-4 section 4.2.2.
var k = [64]uint32{
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
}

// pad is W[8..15] of the fixed-shape PBKDF2 message: 0x80 after the
// 32-byte U, then the length, 768 bits (64+32 bytes).
var pad = [8]uint32{0x80000000, 0, 0, 0, 0, 0, 0, 768}

// lane is the registers of one compression:
//
//	s0, s1  the state as ABEF and CDGH (A in the high dword)
//	m       message words W[4i..4i+3] for i mod 4 = 0..3 (W[4i] low)
//	t       scratch
//
// X0 holds W+K of the next rounds (the implicit operand of SHA256RNDS2),
// shared by the lanes; DI points at the round constants.
type lane struct {
	s0, s1 VecPhysical
	m      [4]VecPhysical
	t      VecPhysical
}

var (
	laneA = lane{X1, X2, [4]VecPhysical{X3, X4, X5, X6}, X7}
	laneB = lane{X8, X9, [4]VecPhysical{X10, X11, X12, X13}, X14}
)

var kTable, padTable, kwPad, bswap32 Mem

// rnds4 runs two rounds with W+K from the low half of X0, then two with
// the high half.
func rnds4(l lane) {
	SHA256RNDS2(X0, l.s0, l.s1)
	PSHUFD(U8(0x0e), X0, X0)
	SHA256RNDS2(X0, l.s1, l.s0)
}

// wk loads W+K of group i into X0. For the fixed-shape message (fixed)
// groups 2 and 3, W[8..15], come precomputed.
func wk(l lane, i int, fixed bool) {
	if fixed && (i == 2 || i == 3) {
		MOVOU(kwPad.Offset(16*(i-2)), X0)
		return
	}
	MOVO(l.m[i%4], X0)
	PADDD(Mem{Base: RDI, Disp: 16 * i}, X0)
}

// group runs rounds 4i..4i+3 of l with W+K in X0 and advances the schedule
// W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) + W[t-16]: SHA256MSG1 adds σ0
// into mp = W[4i-4..] (groups 1-12); PALIGNR, PADDD and SHA256MSG2 finish
// W[4i+4..] in mn, which held W[4i-12..] (groups 3-14).
func group(l lane, i int) {
	m, mp, mn := l.m[i%4], l.m[(i+3)%4], l.m[(i+1)%4]
	if i < 3 || i == 15 {
		rnds4(l)
	} else {
		SHA256RNDS2(X0, l.s0, l.s1)
		MOVO(m, l.t)
		PALIGNR(U8(4), mp, l.t)
		PADDD(l.t, mn)
		SHA256MSG2(m, mn)
		PSHUFD(U8(0x0e), X0, X0)
		SHA256RNDS2(X0, l.s1, l.s0)
	}
	if 1 <= i && i <= 12 {
		SHA256MSG1(m, mp)
	}
}

// rounds runs the 64 rounds of the lanes, interleaved group by group.
func rounds(fixed bool, lanes ...lane) {
	for i := range 16 {
		for _, l := range lanes {
			wk(l, i, fixed)
			group(l, i)
		}
	}
}

// toState turns a = [A,B,C,D], e = [E,F,G,H] (A in the low dword) into
// a = ABEF, e = CDGH.
func toState(a, e, t VecPhysical) {
	PSHUFD(U8(0x1b), a, a)
	PSHUFD(U8(0x1b), e, e)
	MOVO(e, t)
	PUNPCKHQDQ(a, t)
	PUNPCKLQDQ(a, e)
	MOVO(t, a)
}

// fromState is the reverse of toState, into lo and hi.
func fromState(a, e, lo, hi VecPhysical) {
	PSHUFD(U8(0x1b), a, a)
	PSHUFD(U8(0x1b), e, e)
	MOVO(a, lo)
	PUNPCKLQDQ(e, lo)
	MOVO(a, hi)
	PUNPCKHQDQ(e, hi)
}

func main() {
	gen.Start()
	// PSHUFB mask that byte-swaps each 32-bit word.
	bswap32 = gen.Words64("bswap32", []uint64{0x0405060700010203, 0x0c0d0e0f08090a0b})
	padTable = gen.Words32("pad256", pad[:])
	kTable = gen.Words32("k256", k[:])
	var kw [8]uint32
	for i := range kw {
		kw[i] = k[8+i] + pad[i]
	}
	kwPad = gen.Words32("kwpad256", kw[:])
	block()
	loop()
	loop2()
	Generate()
}

func block() {
	Implement("block256NI")
	Attributes(NOSPLIT)
	h := gen.Addr(Param("h").Dereference(Load(Param("h"), RAX)))
	Load(Param("p").Base(), RSI)
	Load(Param("p").Len(), RDX)
	SHRQ(U8(6), RDX)
	JZ(LabelRef("done"))
	LEAQ(kTable, RDI)
	MOVOU(bswap32, X15)
	MOVOU(h, X1)
	MOVOU(h.Offset(16), X2)
	toState(X1, X2, X7)

	Label("loop")
	MOVO(X1, X8)
	MOVO(X2, X9)
	for i, m := range laneA.m {
		MOVOU(Mem{Base: RSI, Disp: 16 * i}, m)
		PSHUFB(X15, m)
	}
	rounds(false, laneA)
	PADDD(X8, X1)
	PADDD(X9, X2)
	ADDQ(U8(64), RSI)
	DECQ(RDX)
	JNZ(LabelRef("loop"))

	fromState(X1, X2, X3, X4)
	MOVOU(X3, h)
	MOVOU(X4, h.Offset(16))
	Label("done")
	RET()
}

// loop256NI: X8, X9 and X10, X11 hold the HMAC inner and outer chaining
// values (ABEF, CDGH), X12, X13 U, X14, X15 the XOR of the U so far
// (natural word order).
func loop() {
	Implement("loop256NI")
	Attributes(NOSPLIT)
	s := Param("s").Dereference(Load(Param("s"), RAX))
	is, os, u, acc := gen.Addr(s.Field("is")), gen.Addr(s.Field("os")), gen.Addr(s.Field("u")), gen.Addr(s.Field("acc"))
	Load(Param("n"), RCX)
	TESTQ(RCX, RCX)
	JLE(LabelRef("done"))
	LEAQ(kTable, RDI)
	MOVOU(is, X8)
	MOVOU(is.Offset(16), X9)
	toState(X8, X9, X7)
	MOVOU(os, X10)
	MOVOU(os.Offset(16), X11)
	toState(X10, X11, X7)
	MOVOU(u, X12)
	MOVOU(u.Offset(16), X13)
	MOVOU(acc, X14)
	MOVOU(acc.Offset(16), X15)

	Label("loop")
	// Inner hash: U || padding under the inner key.
	MOVO(X8, X1)
	MOVO(X9, X2)
	MOVO(X12, X3)
	MOVO(X13, X4)
	MOVOU(padTable, X5)
	MOVOU(padTable.Offset(16), X6)
	rounds(true, laneA)
	PADDD(X8, X1)
	PADDD(X9, X2)
	fromState(X1, X2, X3, X4)
	// Outer hash: the inner digest || padding under the outer key.
	MOVO(X10, X1)
	MOVO(X11, X2)
	MOVOU(padTable, X5)
	MOVOU(padTable.Offset(16), X6)
	rounds(true, laneA)
	PADDD(X10, X1)
	PADDD(X11, X2)
	fromState(X1, X2, X12, X13)
	PXOR(X12, X14)
	PXOR(X13, X15)
	DECQ(RCX)
	JNZ(LabelRef("loop"))

	MOVOU(X12, u)
	MOVOU(X13, u.Offset(16))
	MOVOU(X14, acc)
	MOVOU(X15, acc.Offset(16))
	Label("done")
	RET()
}

// loop256NIx2 is loop256NI for two output blocks at once, as lanes A and B.
// The chaining values of both live on the stack as ABEF, CDGH; U stays in
// X3, X4 and X10, X11; the XOR of the U is kept in a and b.
func loop2() {
	Implement("loop256NIx2")
	Attributes(NOSPLIT)
	isA, osA, isB, osB := AllocLocal(32), AllocLocal(32), AllocLocal(32), AllocLocal(32)
	a := Param("a").Dereference(Load(Param("a"), RAX))
	b := Param("b").Dereference(Load(Param("b"), RBX))
	Load(Param("n"), RCX)
	TESTQ(RCX, RCX)
	JLE(LabelRef("done"))
	LEAQ(kTable, RDI)
	spill := func(from gotypes.Component, to Mem) {
		m := gen.Addr(from)
		MOVOU(m, X1)
		MOVOU(m.Offset(16), X2)
		toState(X1, X2, X7)
		MOVOU(X1, to)
		MOVOU(X2, to.Offset(16))
	}
	spill(a.Field("is"), isA)
	spill(a.Field("os"), osA)
	spill(b.Field("is"), isB)
	spill(b.Field("os"), osB)
	uA, uB := gen.Addr(a.Field("u")), gen.Addr(b.Field("u"))
	MOVOU(uA, X3)
	MOVOU(uA.Offset(16), X4)
	MOVOU(uB, X10)
	MOVOU(uB.Offset(16), X11)

	// half compresses U || padding of both lanes under the chaining values
	// at ca and cb and leaves the results in natural word order as the
	// next U.
	half := func(ca, cb Mem) {
		MOVOU(ca, X1)
		MOVOU(ca.Offset(16), X2)
		MOVOU(cb, X8)
		MOVOU(cb.Offset(16), X9)
		MOVOU(padTable, X5)
		MOVOU(padTable.Offset(16), X6)
		MOVOU(padTable, X12)
		MOVOU(padTable.Offset(16), X13)
		rounds(true, laneA, laneB)
		for _, x := range []struct {
			c Mem
			s VecPhysical
		}{{ca, X1}, {ca.Offset(16), X2}, {cb, X8}, {cb.Offset(16), X9}} {
			MOVOU(x.c, X15)
			PADDD(X15, x.s)
		}
		fromState(X1, X2, X3, X4)
		fromState(X8, X9, X10, X11)
	}
	// acc XORs lo and hi into the accumulator at m.
	acc := func(lo, hi VecPhysical, m Mem) {
		MOVOU(m, X15)
		PXOR(lo, X15)
		MOVOU(X15, m)
		MOVOU(m.Offset(16), X15)
		PXOR(hi, X15)
		MOVOU(X15, m.Offset(16))
	}

	Label("loop")
	half(isA, isB)
	half(osA, osB)
	acc(X3, X4, gen.Addr(a.Field("acc")))
	acc(X10, X11, gen.Addr(b.Field("acc")))
	DECQ(RCX)
	JNZ(LabelRef("loop"))

	MOVOU(X3, uA)
	MOVOU(X4, uA.Offset(16))
	MOVOU(X10, uB)
	MOVOU(X11, uB.Offset(16))
	Label("done")
	RET()
}
