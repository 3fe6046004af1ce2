// Command sha1 writes sha1_amd64.s: SHA-1 (FIPS 180-4 section 6.1) with the
// x86 SHA extensions (Intel SDM: SHA1RNDS4, SHA1NEXTE, SHA1MSG1, SHA1MSG2),
// and the PBKDF2-HMAC-SHA-1 iteration loops, one output block at a time or
// two interleaved.
//
// SHA1RNDS4 is bound by its latency; two independent lanes with their
// instructions interleaved run in about the time of one.
package main

import (
	. "github.com/mmcloughlin/avo/build"
	"github.com/mmcloughlin/avo/gotypes"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"github.com/pwdigest/pwdigest/internal/pbkdf2core/_asm/internal/gen"
)

// lane is the registers of one compression:
//
//	abcd  A, B, C, D (A in the high dword)
//	e     E (high dword) plus W for the next four rounds; the two
//	      alternate, one holding ABCD of four rounds back
//	m     message words W[4i..4i+3] for i mod 4 = 0..3 (W[4i] high)
//
// On entry e[0] holds E with the low three dwords zero; after the rounds
// e[0] holds ABCD from before the last four rounds.
type lane struct {
	abcd VecPhysical
	e    [2]VecPhysical
	m    [4]VecPhysical
}

var (
	laneA = lane{X1, [2]VecPhysical{X2, X3}, [4]VecPhysical{X4, X5, X6, X7}}
	laneB = lane{X8, [2]VecPhysical{X9, X10}, [4]VecPhysical{X11, X12, X13, X14}}
)

// group runs rounds 4i..4i+3 of l and advances its schedule
// W[t] = rol1(W[t-3]^W[t-8]^W[t-14]^W[t-16]): SHA1MSG1 of W[4i-4..] with
// W[4i..] (groups 1-16), the XOR with W[4i..] into W[4i-8..] (groups 2-17)
// and SHA1MSG2 finishing W[4i+4..] (groups 3-18). SHA1RNDS4's immediate
// picks the round function and constant.
func group(l lane, i int) {
	cur, next, m := l.e[i%2], l.e[(i+1)%2], l.m[i%4]
	if i == 0 {
		PADDD(m, cur)
	} else {
		SHA1NEXTE(m, cur)
	}
	MOVO(l.abcd, next)
	SHA1RNDS4(U8(i/5), cur, l.abcd)
	if 3 <= i && i <= 18 {
		SHA1MSG2(m, l.m[(i+1)%4])
	}
	if 1 <= i && i <= 16 {
		SHA1MSG1(m, l.m[(i+3)%4])
	}
	if 2 <= i && i <= 17 {
		PXOR(m, l.m[(i+2)%4])
	}
}

// rounds runs the 80 rounds of the lanes, interleaved group by group.
func rounds(lanes ...lane) {
	for i := range 20 {
		for _, l := range lanes {
			group(l, i)
		}
	}
}

// loadState loads the state at m (A..E) into abcd and e (E high, the rest
// zero).
func loadState(m Mem, abcd, e VecPhysical) {
	MOVOU(m, abcd)
	PSHUFD(U8(0x1b), abcd, abcd)
	MOVOU(m.Offset(16), e)
	PSLLDQ(U8(12), e)
}

// storeState stores abcd and e (E high) at m as A..E, and zeros the three
// words after E; it clobbers e and X0.
func storeState(abcd, e VecPhysical, m Mem) {
	PSHUFD(U8(0x1b), abcd, X0)
	MOVOU(X0, m)
	PSRLDQ(U8(12), e)
	MOVOU(e, m.Offset(16))
}

var bswapAll, pad Mem

func main() {
	gen.Start()
	// PSHUFB mask reversing all 16 bytes: big-endian W[0..3], W[0] high.
	bswapAll = gen.Words64("bswapall", []uint64{0x08090a0b0c0d0e0f, 0x0001020304050607})
	// The fixed-shape PBKDF2 message after the 20-byte U: W[5] = 0x80000000
	// (OR-ed into the register holding E as W[4]) and W[15] = 672, the
	// length in bits of 64+20 bytes; W[4i] high, as in the m registers.
	pad = gen.Words32("pad1", []uint32{0, 0, 0x80000000, 0, 672, 0, 0, 0})
	block()
	loop()
	loop2()
	Generate()
}

func block() {
	h := gen.BlockStart("block1NI", RAX, 6)
	Attributes(NOSPLIT)
	MOVOU(bswapAll, X15)
	loadState(h, X1, X2)

	Label("loop")
	MOVO(X1, X8)
	MOVO(X2, X9)
	for i, m := range laneA.m {
		MOVOU(Mem{Base: RSI, Disp: 16 * i}, m)
		PSHUFB(X15, m)
	}
	rounds(laneA)
	SHA1NEXTE(X9, X2)
	PADDD(X8, X1)
	ADDQ(U8(64), RSI)
	DECQ(RDX)
	JNZ(LabelRef("loop"))

	storeState(X1, X2, h)
	Label("done")
	RET()
}

// message loads the fixed-shape PBKDF2 message abcd || e || padding into
// l's message registers; it clobbers X0.
func message(abcd, e VecPhysical, l lane) {
	MOVO(abcd, l.m[0])
	MOVO(e, l.m[1])
	MOVOU(pad, X0)
	POR(X0, l.m[1])
	PXOR(l.m[2], l.m[2])
	MOVOU(pad.Offset(16), l.m[3])
}

// loop1NI: X8, X9 and X10, X11 hold the HMAC inner and outer chaining
// values, X12, X13 U, X14, X15 the XOR of the U so far.
func loop() {
	Implement("loop1NI")
	Attributes(NOSPLIT)
	s := Param("s").Dereference(Load(Param("s"), RAX))
	Load(Param("n"), RCX)
	TESTQ(RCX, RCX)
	JLE(LabelRef("done"))
	loadState(gen.Addr(s.Field("is")), X8, X9)
	loadState(gen.Addr(s.Field("os")), X10, X11)
	loadState(gen.Addr(s.Field("u")), X12, X13)
	loadState(gen.Addr(s.Field("acc")), X14, X15)

	// half compresses abcd, e || padding under the chaining value c0, c1,
	// leaving the digest in X1, X2.
	half := func(abcd, e, c0, c1 VecPhysical) {
		message(abcd, e, laneA)
		MOVO(c0, X1)
		MOVO(c1, X2)
		rounds(laneA)
		SHA1NEXTE(c1, X2)
		PADDD(c0, X1)
	}

	Label("loop")
	// Inner hash: U || padding under the inner key, then the outer hash of
	// the inner digest under the outer key.
	half(X12, X13, X8, X9)
	half(X1, X2, X10, X11)
	MOVO(X1, X12)
	MOVO(X2, X13)
	PXOR(X1, X14)
	PXOR(X2, X15)
	DECQ(RCX)
	JNZ(LabelRef("loop"))

	storeState(X12, X13, gen.Addr(s.Field("u")))
	storeState(X14, X15, gen.Addr(s.Field("acc")))
	Label("done")
	RET()
}

// loop1NIx2 is loop1NI for two output blocks at once, as lanes A and B.
// The chaining values and accumulators of both live on the stack in
// register form (ABCD, then E in the high dword and zeros); U stays in X1,
// X2 and X8, X9.
func loop2() {
	Implement("loop1NIx2")
	Attributes(NOSPLIT)
	isA, osA, isB, osB := AllocLocal(32), AllocLocal(32), AllocLocal(32), AllocLocal(32)
	accA, accB := AllocLocal(32), AllocLocal(32)
	a := Param("a").Dereference(Load(Param("a"), RAX))
	b := Param("b").Dereference(Load(Param("b"), RBX))
	Load(Param("n"), RCX)
	TESTQ(RCX, RCX)
	JLE(LabelRef("done"))
	spill := func(from gotypes.Component, to Mem) {
		loadState(gen.Addr(from), X1, X2)
		gen.Store2(X1, X2, to)
	}
	spill(a.Field("is"), isA)
	spill(a.Field("os"), osA)
	spill(a.Field("acc"), accA)
	spill(b.Field("is"), isB)
	spill(b.Field("os"), osB)
	spill(b.Field("acc"), accB)
	loadState(gen.Addr(a.Field("u")), X1, X2)
	loadState(gen.Addr(b.Field("u")), X8, X9)

	// half compresses U || padding of both lanes under the chaining values
	// at ca and cb, leaving the result, the next U, in X1, X2 and X8, X9.
	half := func(ca, cb Mem) {
		message(X1, X2, laneA)
		message(X8, X9, laneB)
		gen.Load2(ca, X1, X2)
		gen.Load2(cb, X8, X9)
		rounds(laneA, laneB)
		MOVOU(ca.Offset(16), X0)
		SHA1NEXTE(X0, X2)
		MOVOU(ca, X0)
		PADDD(X0, X1)
		MOVOU(cb.Offset(16), X15)
		SHA1NEXTE(X15, X9)
		MOVOU(cb, X15)
		PADDD(X15, X8)
	}

	Label("loop")
	half(isA, isB)
	half(osA, osB)
	gen.XorInto(X1, X2, accA, X0)
	gen.XorInto(X8, X9, accB, X0)
	DECQ(RCX)
	JNZ(LabelRef("loop"))

	storeState(X1, X2, gen.Addr(a.Field("u")))
	storeState(X8, X9, gen.Addr(b.Field("u")))
	for _, x := range []struct {
		from Mem
		to   gotypes.Component
	}{{accA, a.Field("acc")}, {accB, b.Field("acc")}} {
		gen.Load2(x.from, X1, X2)
		storeState(X1, X2, gen.Addr(x.to))
	}
	Label("done")
	RET()
}
