// Command sha512 writes sha512_amd64.s: SHA-512 (FIPS 180-4 section 6.4)
// with BMI2 scalar rounds and the message schedule in AVX registers, two
// words at a time, which run on the vector units beside the scalar rounds;
// and the PBKDF2-HMAC-SHA-512 and -SHA-384 iteration loops.
//
// Registers in the rounds:
//
//	AX, BX, CX, DX, R8-R11   working variables a..h, renamed every round
//	R12, R13                 a^b of this round, and of the last one (b^c)
//	SI, DI                   scratch
//	X0-X7                    W[t-16..t-1], two words each
//	X8-X10                   scratch; X11 the ror-8 byte shuffle
//
// The frame holds W[t]+K[t] for the 80 rounds. Before the rounds: W[0..15]
// in X0-X7, the W+K that rounds 0..15 read on the frame, the state in
// AX..R11 and R13 = b^c (BX^CX).
package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	"github.com/pwdigest/pwdigest/internal/pbkdf2core/_asm/internal/gen"
	"github.com/pwdigest/pwdigest/internal/pbkdf2core/internal/consts"
)

// The working variables a..h of round 0.
var vars = [8]GPPhysical{RAX, RBX, RCX, RDX, R8, R9, R10, R11}

var x = [8]VecPhysical{X0, X1, X2, X3, X4, X5, X6, X7}

var k = consts.K512

var kTable, ror8, bswap64 Mem

// Frame slots; see allocFrame.
var wk, count, input, w0, saved Mem

// round runs one round after h += K[t] + W[t]: T1 = h + Σ1(e) + Ch(e,f,g),
// d += T1, h = T1 + Σ0(a) + Maj(a,b,c), with Ch = g ^ (e & (f^g)) and
// Maj = b ^ ((a^b) & (b^c)); x is free until it takes a^b, so Σ1 uses it.
// Ch and Σ1 go into h as each is ready, which keeps e's dependency chain
// short; that chain, not the instruction count, bounds the round.
func round(a, b, c, d, e, f, g, h, x, y GPPhysical) {
	bigSigma(e, 14, 18, 41, x)
	MOVQ(f, RDI)
	XORQ(g, RDI)
	ANDQ(e, RDI)
	XORQ(g, RDI)
	ADDQ(RDI, h)
	ADDQ(RSI, h)
	ADDQ(h, d)
	bigSigma(a, 28, 34, 39, RDI)
	MOVQ(a, x)
	XORQ(b, x)
	ANDQ(x, y)
	XORQ(b, y)
	ADDQ(y, RSI)
	ADDQ(RSI, h)
}

// bigSigma computes Σ(v) = ror r1 ^ ror r2 ^ ror r3 into SI, through t.
func bigSigma(v GPPhysical, r1, r2, r3 uint8, t GPPhysical) {
	RORXQ(U8(r1), v, RSI)
	RORXQ(U8(r2), v, t)
	XORQ(t, RSI)
	RORXQ(U8(r3), v, t)
	XORQ(t, RSI)
}

// sched computes W[t], W[t+1] = σ1(W[t-2..]) + W[t-7..] + σ0(W[t-15..]) +
// W[t-16..] into w16 (which held W[t-16..]); w14, w8, w6, w2 hold
// W[t-14..], W[t-8..], W[t-6..], W[t-2..]. σ0 = ror1 ^ ror8 ^ shr7 (ror8 as
// a byte shuffle), σ1 = ror19 ^ ror61 ^ shr6. Then it stores W+K for
// rounds t, t+1.
func sched(w16, w14, w8, w6, w2 VecPhysical, t int) {
	VPALIGNR(U8(8), w16, w14, X8)
	VPSRLQ(U8(1), X8, X9)
	VPSLLQ(U8(63), X8, X10)
	VPXOR(X10, X9, X9)
	VPSRLQ(U8(7), X8, X10)
	VPXOR(X10, X9, X9)
	VPSHUFB(X11, X8, X10)
	VPXOR(X10, X9, X9)
	VPADDQ(X9, w16, w16)
	VPALIGNR(U8(8), w8, w6, X8)
	VPADDQ(X8, w16, w16)
	VPSRLQ(U8(19), w2, X9)
	VPSLLQ(U8(45), w2, X10)
	VPXOR(X10, X9, X9)
	VPSRLQ(U8(61), w2, X10)
	VPXOR(X10, X9, X9)
	VPSLLQ(U8(3), w2, X10)
	VPXOR(X10, X9, X9)
	VPSRLQ(U8(6), w2, X10)
	VPXOR(X10, X9, X9)
	VPADDQ(X9, w16, w16)
	VPADDQ(kTable.Offset(8*t), w16, X8)
	VMOVDQU(X8, wk.Offset(8*t))
}

// rounds runs rounds lo..hi-1, computing W[t+16] two words per two rounds
// while t < 64, 16 rounds ahead of their use. Rounds before split take K
// and W apart, W from w0, the words the last compression stored; the others
// read W+K from the frame.
func rounds(lo, hi, split int) {
	for t := lo; t < hi; t += 2 {
		if t < 64 {
			j := (t + 16) / 2 % 8
			sched(x[j], x[(j+1)%8], x[(j+4)%8], x[(j+5)%8], x[(j+7)%8], t+16)
		}
		for u := t; u < t+2; u++ {
			var r [8]GPPhysical
			for i := range r {
				r[i] = vars[(i-u%8+8)%8]
			}
			x, y := R12, R13
			if u%2 == 1 {
				x, y = R13, R12
			}
			if u < split {
				ADDQ(kTable.Offset(8*u), r[7])
				ADDQ(w0.Offset(8*u), r[7])
			} else {
				ADDQ(wk.Offset(8*u), r[7])
			}
			round(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], x, y)
		}
	}
}

// loadState loads the state at m into the working variables, and R13 = b^c.
func loadState(m Mem) {
	for i, v := range vars {
		MOVQ(m.Offset(8*i), v)
	}
	MOVQ(RBX, R13)
	XORQ(RCX, R13)
}

// addState adds the state at m to the working variables.
func addState(m Mem) {
	for i, v := range vars {
		ADDQ(m.Offset(8*i), v)
	}
}

// allocFrame lays out the frame: W+K for the 80 rounds, the loop count,
// the input pointer (block) or W[0..7] of the fixed-shape message (loops),
// and the pointer to the iteration state (loops).
func allocFrame(loop bool) {
	wk, count, input = AllocLocal(8*80), AllocLocal(8), AllocLocal(8)
	w0 = AllocLocal(8 * 8)
	if loop {
		saved = AllocLocal(8)
	}
}

func main() {
	gen.Start()
	// PSHUFB masks: byte-swap each 64-bit word; rotate each 64-bit word
	// right by 8 bits.
	bswap64 = gen.Words64("bswap64", []uint64{0x0001020304050607, 0x08090a0b0c0d0e0f})
	ror8 = gen.Words64("ror8", []uint64{0x0007060504030201, 0x080f0e0d0c0b0a09})
	kTable = gen.Words64("k512", k[:])
	block()
	loop(8)
	loop(6)
	Generate()
}

func block() {
	h := gen.BlockStart("block512AVX", R14, 7)
	allocFrame(false)
	MOVQ(RSI, input)
	MOVQ(RDX, count)
	VMOVDQU(ror8, X11)
	VMOVDQU(bswap64, X12)
	loadState(h)

	Label("loop")
	MOVQ(input, RSI)
	for i, w := range x {
		VMOVDQU(Mem{Base: RSI, Disp: 16 * i}, w)
		VPSHUFB(X12, w, w)
	}
	ADDQ(U8(128), RSI)
	MOVQ(RSI, input)
	for i, w := range x {
		VPADDQ(kTable.Offset(16*i), w, X8)
		VMOVDQU(X8, wk.Offset(16*i))
	}
	rounds(0, 80, 0)
	addState(h)
	for i, v := range vars {
		MOVQ(v, h.Offset(8*i))
	}
	MOVQ(RBX, R13)
	XORQ(RCX, R13)
	DECQ(count)
	JNZ(LabelRef("loop"))

	Label("done")
	RET()
}

// loop writes loop512AVX (words = 8) or loop384AVX (words = 6): U has
// words words, in X0.. and (for the rounds) at w0; X12.. hold the XOR of
// the U so far. W+K of the rounds from words to 15 is the same for every
// message and is stored once. One copy of the rounds serves both HMAC
// halves: R14 points at the inner chaining value, then at the outer one.
func loop(words int) {
	name := map[int]string{8: "loop512AVX", 6: "loop384AVX"}[words]
	Implement(name)
	allocFrame(true)
	s := Param("s").Dereference(Load(Param("s"), R14))
	is, os, u, acc := gen.Addr(s.Field("is")), gen.Addr(s.Field("os")), gen.Addr(s.Field("u")), gen.Addr(s.Field("acc"))
	MOVQ(R14, saved)
	Load(Param("n"), RAX)
	TESTQ(RAX, RAX)
	JLE(LabelRef("done"))
	MOVQ(RAX, count)
	VMOVDQU(ror8, X11)

	// The rest of the fixed-shape message after U: 0x80, then the length
	// in bits of the 128-byte key block plus U; and the same words plus
	// their round constants.
	var pad [16]uint64
	pad[words] = 1 << 63
	pad[15] = uint64(128+8*words) * 8
	kw := make([]uint64, 16-words)
	for i := range kw {
		kw[i] = k[words+i] + pad[words+i]
	}
	padTable := gen.Words64(map[int]string{8: "pad512", 6: "pad384"}[words], pad[words:])
	kwTable := gen.Words64(map[int]string{8: "kwpad512", 6: "kwpad384"}[words], kw)
	for i := 0; i < len(kw); i += 2 {
		VMOVDQU(kwTable.Offset(8*i), X8)
		VMOVDQU(X8, wk.Offset(8*(words+i)))
	}
	for i := range words {
		MOVQ(u.Offset(8*i), RSI)
		MOVQ(RSI, w0.Offset(8*i))
	}
	for i := range words / 2 {
		VMOVDQU(u.Offset(16*i), x[i])
	}
	for i := range words / 2 {
		VMOVDQU(acc.Offset(16*i), accReg(i))
	}

	Label("loop")
	// One HMAC half: compress U || padding with the chaining value at R14
	// and make the result the next U, in w0 (scalar stores, which forward
	// quickly to the rounds) and X0.. (for the schedule).
	for i := words / 2; i < 8; i++ {
		VMOVDQU(padTable.Offset(16*(i-words/2)), x[i])
	}
	loadState(is)
	rounds(0, 8, words)
	rounds(8, 80, 0)
	addState(is)
	for i := range words {
		MOVQ(vars[i], w0.Offset(8*i))
	}
	for i := range words / 2 {
		VMOVQ(vars[2*i], x[i])
		VPINSRQ(U8(1), vars[2*i+1], x[i], x[i])
	}
	CMPQ(R14, saved)
	JNE(LabelRef("outer"))
	ADDQ(U8(os.Disp-is.Disp), R14)
	JMP(LabelRef("loop"))

	Label("outer")
	SUBQ(U8(os.Disp-is.Disp), R14)
	for i := range words / 2 {
		VPXOR(x[i], accReg(i), accReg(i))
	}
	DECQ(count)
	JNZ(LabelRef("loop"))

	for i := range words / 2 {
		VMOVDQU(x[i], u.Offset(16*i))
	}
	for i := range words / 2 {
		VMOVDQU(accReg(i), acc.Offset(16*i))
	}
	Label("done")
	RET()
}

// accReg is the register holding words 2i, 2i+1 of the XOR of the U.
func accReg(i int) VecPhysical { return []VecPhysical{X12, X13, X14, X15}[i] }
