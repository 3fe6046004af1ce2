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
	"github.com/pwdigest/pwdigest/internal/pbkdf2core/internal/consts"
)

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
	k := consts.K256
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
	h := gen.BlockStart("block256NI", RAX, 6)
	Attributes(NOSPLIT)
	LEAQ(kTable, RDI)
	MOVOU(bswap32, X15)
	gen.Load2(h, X1, X2)
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
	gen.Store2(X3, X4, h)
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
	gen.Load2(is, X8, X9)
	toState(X8, X9, X7)
	gen.Load2(os, X10, X11)
	toState(X10, X11, X7)
	gen.Load2(u, X12, X13)
	gen.Load2(acc, X14, X15)

	// half compresses X3, X4 || padding under the chaining value c0, c1
	// and leaves the digest in natural word order in lo, hi.
	half := func(c0, c1, lo, hi VecPhysical) {
		MOVO(c0, X1)
		MOVO(c1, X2)
		gen.Load2(padTable, X5, X6)
		rounds(true, laneA)
		PADDD(c0, X1)
		PADDD(c1, X2)
		fromState(X1, X2, lo, hi)
	}

	Label("loop")
	// Inner hash: U || padding under the inner key, then the outer hash of
	// the inner digest under the outer key.
	MOVO(X12, X3)
	MOVO(X13, X4)
	half(X8, X9, X3, X4)
	half(X10, X11, X12, X13)
	PXOR(X12, X14)
	PXOR(X13, X15)
	DECQ(RCX)
	JNZ(LabelRef("loop"))

	gen.Store2(X12, X13, u)
	gen.Store2(X14, X15, acc)
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
		gen.Load2(gen.Addr(from), X1, X2)
		toState(X1, X2, X7)
		gen.Store2(X1, X2, to)
	}
	spill(a.Field("is"), isA)
	spill(a.Field("os"), osA)
	spill(b.Field("is"), isB)
	spill(b.Field("os"), osB)
	uA, uB := gen.Addr(a.Field("u")), gen.Addr(b.Field("u"))
	gen.Load2(uA, X3, X4)
	gen.Load2(uB, X10, X11)

	// half compresses U || padding of both lanes under the chaining values
	// at ca and cb and leaves the results in natural word order as the
	// next U.
	half := func(ca, cb Mem) {
		gen.Load2(ca, X1, X2)
		gen.Load2(cb, X8, X9)
		gen.Load2(padTable, X5, X6)
		gen.Load2(padTable, X12, X13)
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

	Label("loop")
	half(isA, isB)
	half(osA, osB)
	gen.XorInto(X3, X4, gen.Addr(a.Field("acc")), X15)
	gen.XorInto(X10, X11, gen.Addr(b.Field("acc")), X15)
	DECQ(RCX)
	JNZ(LabelRef("loop"))

	gen.Store2(X3, X4, uA)
	gen.Store2(X10, X11, uB)
	Label("done")
	RET()
}
