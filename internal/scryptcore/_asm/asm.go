// Command asm generates ../blockmix_amd64.s, scrypt's BlockMix with SSE2 and
// with AVX; run it with go generate ./internal/scryptcore.
//
// The 16 Salsa20 words are held as four vectors of diagonals, as stored:
// A = (x0,x5,x10,x15), B = (x4,x9,x14,x3), C = (x8,x13,x2,x7),
// D = (x12,x1,x6,x11). A column round is then four lane-wise quarter-round
// steps; rotating the lanes of B, C and D lines the rows up the same way.
package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"

	_ "github.com/pwdigest/pwdigest/internal/scryptcore" // keeps the module required
)

func main() {
	Package("github.com/pwdigest/pwdigest/internal/scryptcore")
	ConstraintExpr("amd64,gc,!purego")
	blockMix("blockMixSSE2", sse2{})
	blockMix("blockMixAVX", avx{})
	Generate()
}

// Registers: X0..X3 the state A..D, X4..X7 its copy for the final
// addition, X8 X9 scratch, X10..X13 the next input block. DI and R10 the
// even and odd output blocks, SI the input, DX the XOR operand (0 when
// there is none), CX the pairs left.
var (
	x      = [4]VecPhysical{X0, X1, X2, X3}
	saved  = [4]VecPhysical{X4, X5, X6, X7}
	t0, t1 = X8, X9
	next   = [4]VecPhysical{X10, X11, X12, X13}
)

// isa emits the instructions that differ between SSE2 and AVX.
type isa interface {
	load(m Mem, dst VecPhysical)
	store(src VecPhysical, m Mem)
	xorMem(m Mem, dst VecPhysical)
	// step is dst ^= (a + b) <<< s, with t0 and t1 as scratch.
	step(a, b, dst VecPhysical, s int)
	shuffle(imm int, v VecPhysical)
	add(src, dst VecPhysical)
	// mixIn sets x ^= next and saved = x.
	mixIn()
	done()
}

type sse2 struct{}

func (sse2) load(m Mem, dst VecPhysical)  { MOVOU(m, dst) }
func (sse2) store(src VecPhysical, m Mem) { MOVOU(src, m) }
func (sse2) xorMem(m Mem, dst VecPhysical) {
	MOVOU(m, t0)
	PXOR(t0, dst)
}
func (sse2) step(a, b, dst VecPhysical, s int) {
	MOVO(a, t0)
	PADDL(b, t0)
	MOVO(t0, t1)
	PSLLL(U8(s), t0)
	PSRLL(U8(32-s), t1)
	PXOR(t0, dst)
	PXOR(t1, dst)
}
func (sse2) shuffle(imm int, v VecPhysical) { PSHUFL(U8(imm), v, v) }
func (sse2) add(src, dst VecPhysical)       { PADDL(src, dst) }
func (sse2) mixIn() {
	for i := range x {
		PXOR(next[i], x[i])
	}
	for i := range x {
		MOVO(x[i], saved[i])
	}
}
func (sse2) done() {}

// avx takes three-operand encodings, which need no register copies, and
// unaligned memory operands.
type avx struct{}

func (avx) load(m Mem, dst VecPhysical)   { VMOVDQU(m, dst) }
func (avx) store(src VecPhysical, m Mem)  { VMOVDQU(src, m) }
func (avx) xorMem(m Mem, dst VecPhysical) { VPXOR(m, dst, dst) }
func (avx) step(a, b, dst VecPhysical, s int) {
	VPADDD(b, a, t0)
	VPSLLD(U8(s), t0, t1)
	VPSRLD(U8(32-s), t0, t0)
	VPXOR(t1, dst, dst)
	VPXOR(t0, dst, dst)
}
func (avx) shuffle(imm int, v VecPhysical) { VPSHUFD(U8(imm), v, v) }
func (avx) add(src, dst VecPhysical)       { VPADDD(src, dst, dst) }
func (avx) mixIn() {
	for i := range x {
		VPXOR(next[i], x[i], saved[i])
	}
	for i := range x {
		VPXOR(next[i], x[i], x[i])
	}
}
func (avx) done() { VZEROUPPER() }

// blockMix emits name(out, in, v *uint32, r, from, to int): pairs from..to-1
// of scryptBlockMix. Pair j mixes blocks 2j and 2j+1 of in (XOR v when v is
// not nil) into blocks j and r+j of out. X starts as the last block of in
// (XOR v) for pair 0, else as the last block written, block r+from-1 of out.
func blockMix(name string, s isa) {
	Implement(name)
	Attributes(NOSPLIT | NOFRAME)
	Load(Param("out"), RDI)
	Load(Param("in"), RSI)
	Load(Param("v"), RDX)
	Load(Param("r"), R8)
	Load(Param("from"), R9)
	Load(Param("to"), RCX)
	SUBQ(R9, RCX)
	SHLQ(U8(6), R8) // 64·r: bytes of r blocks
	SHLQ(U8(6), R9) // 64·from
	LEAQ(Mem{Base: RDI, Index: R8, Scale: 1}, R10)
	ADDQ(R9, RDI)
	ADDQ(R9, R10)

	TESTQ(R9, R9)
	JZ(LabelRef("first"))
	// X = the odd block of the previous pair.
	loadX(s, Mem{Base: R10, Disp: -64})
	JMP(LabelRef("start"))

	Label("first")
	// X = last block of in (XOR v).
	loadX(s, Mem{Base: RSI, Index: R8, Scale: 2, Disp: -64})
	TESTQ(RDX, RDX)
	JZ(LabelRef("start"))
	for i := range x {
		s.xorMem(Mem{Base: RDX, Index: R8, Scale: 2, Disp: -64 + 16*i}, x[i])
	}

	Label("start")
	// in and v move to block 2·from.
	LEAQ(Mem{Base: RSI, Index: R9, Scale: 2}, RSI)
	TESTQ(RDX, RDX)
	JZ(LabelRef("loop"))
	LEAQ(Mem{Base: RDX, Index: R9, Scale: 2}, RDX)

	Label("loop")
	mixBlock(s, RDI, "noxor0")
	mixBlock(s, R10, "noxor1")
	DECQ(RCX)
	JNZ(LabelRef("loop"))
	s.done()
	RET()
}

func loadX(s isa, m Mem) {
	for i := range x {
		s.load(m.Offset(16*i), x[i])
	}
}

// mixBlock is one BlockMix step: X ^= the in block (and the v block when DX
// is not nil), X = Salsa20/8(X), stored at dst; SI, DX and dst move to the
// next block.
func mixBlock(s isa, dst GPPhysical, skip string) {
	for i := range next {
		s.load(Mem{Base: RSI, Disp: 16 * i}, next[i])
	}
	ADDQ(U8(64), RSI)
	TESTQ(RDX, RDX)
	JZ(LabelRef(skip))
	for i := range next {
		s.xorMem(Mem{Base: RDX, Disp: 16 * i}, next[i])
	}
	ADDQ(U8(64), RDX)
	Label(skip)
	s.mixIn()
	for range 4 {
		doubleRound(s)
	}
	for i := range x {
		s.add(saved[i], x[i])
	}
	for i := range x {
		s.store(x[i], Mem{Base: dst, Disp: 16 * i})
	}
	ADDQ(U8(64), dst)
}

// doubleRound is a column round and a row round on X0..X3.
func doubleRound(s isa) {
	a, b, c, d := x[0], x[1], x[2], x[3]
	s.step(a, d, b, 7)
	s.step(b, a, c, 9)
	s.step(c, b, d, 13)
	s.step(d, c, a, 18)
	s.shuffle(0x93, b)
	s.shuffle(0x4e, c)
	s.shuffle(0x39, d)
	s.step(a, b, d, 7)
	s.step(d, a, c, 9)
	s.step(c, d, b, 13)
	s.step(b, c, a, 18)
	s.shuffle(0x39, b)
	s.shuffle(0x4e, c)
	s.shuffle(0x93, d)
}
