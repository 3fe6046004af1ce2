// Command asm generates ../compress_amd64.s, Argon2's compression function G
// (RFC 9106 section 3.5) with AVX2; run it with go generate
// ./internal/argon2core.
//
// The block is an 8x8 matrix of 16-byte registers (word pairs). P mixes one
// row or one column of them as a 4x4 matrix of words v0..v15: G on its four
// columns, then on its four diagonals.
//
// G is a chain of dependent operations, so one or two Ps at a time leave
// the core mostly idle. Each round here runs four Ps side by side, which
// takes all 16 YMM registers: one c lives in memory (the scratch block Q),
// the rotation masks are memory operands, and one scratch register is
// shared by the four chains, register renaming keeping them apart.
//
// Row rounds (rows4): each register holds four words of one row, a = v0..v3,
// b = v4..v7, c = v8..v11, d = v12..v15, and the diagonal step rotates the
// lanes of b, c and d (VPERMQ).
//
// Column rounds (columns4): a 32-byte load holds the same word pair of two
// adjacent columns, so each 128-bit lane is a different P:
//
//	a0 = v0 v1   a1 = v2 v3
//	b0 = v4 v5   b1 = v6 v7
//	c0 = v8 v9   c1 = v10 v11
//	d0 = v12 v13 d1 = v14 v15
//
// G on the columns is vertical on (a0,b0,c0,d0) and (a1,b1,c1,d1); for the
// diagonals b and d need one in-lane VPALIGNR per register and c0 and c1
// trade places.
package main

import (
	"go/constant"
	"go/types"
	"log"
	"math/bits"

	. "github.com/mmcloughlin/avo/build"
	"github.com/mmcloughlin/avo/gotypes"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
	"golang.org/x/tools/go/packages"

	_ "github.com/pwdigest/pwdigest/internal/argon2core" // keeps the module required
)

const pkg = "github.com/pwdigest/pwdigest/internal/argon2core"

func main() {
	Package(pkg)
	ConstraintExpr("amd64,gc,!purego")
	rot16 = shuffleMask("rot16", 2)
	rot24 = shuffleMask("rot24", 3)
	compress()
	Generate()
}

var rot16, rot24 Mem

// shuffleMask declares the VPSHUFB mask that rotates each 64-bit word right
// by n bytes.
func shuffleMask(name string, n int) Mem {
	m := GLOBL(name, RODATA|NOPTR)
	for lane := 0; lane < 4; lane++ {
		var w uint64
		for i := 7; i >= 0; i-- {
			w = w<<8 | uint64(8*(lane%2)+(i+n)%8)
		}
		DATA(8*lane, U64(w))
	}
	return m
}

// Registers: DI out, SI x, BX y, R8 the 32-byte aligned scratch block Q,
// R9 the nextRef, R10 withXor.
var (
	out, x, y, q, nr, withXor = RDI, RSI, RBX, R8, R9, R10
	blockSize                 int
	next                      gotypes.Component // *nr
)

func compress() {
	Implement("compressAVX2")
	Attributes(0)
	blockSize = constInt("blockSize")
	AllocLocal(blockSize + 32)
	Load(Param("out"), out)
	Load(Param("x"), x)
	Load(Param("y"), y)
	Load(Param("withXor"), withXor)
	Load(Param("nr"), nr)
	next = Param("nr").Dereference(nr)

	Comment("1 KiB of 32-byte aligned scratch for Q, the output of the row rounds.")
	MOVQ(RSP, q)
	ADDQ(U8(31), q)
	ANDQ(I32(^31), q)

	prefetchBlock(y)
	Comment("The next block to be written, in the same lane (or, harmlessly,",
		"past it: prefetches do not fault).")
	LEAQ(Mem{Base: out, Disp: blockSize}, RAX)
	prefetchBlock(RAX)
	CMPQ(field("mode"), U8(constInt("prefetchAddr")))
	JNE(LabelRef("rows"))
	MOVQ(field("addr"), RAX)
	prefetchBlock(RAX)

	Label("rows")
	rows4(0)
	rows4(512)

	TESTQ(withXor, withXor)
	JNZ(LabelRef("xor"))
	columns4(0, store)
	prefetchNext("next", "next1")
	columns4(64, store)
	VZEROUPPER()
	RET()

	Label("xor")
	columns4(0, storeXor)
	prefetchNext("nextxor", "nextxor1")
	columns4(64, storeXor)
	VZEROUPPER()
	RET()
}

// field is the address of the nextRef's field name.
func field(name string) Mem {
	b, err := next.Field(name).Resolve()
	if err != nil {
		log.Fatal(err)
	}
	return b.Addr
}

// fb is a += b + 2*lo32(a)*lo32(b), with scratch t.
func fb(a, b, t VecPhysical) {
	VPMULUDQ(b, a, t)
	VPADDQ(b, a, a)
	VPADDQ(t, t, t)
	VPADDQ(t, a, a)
}

// fbMem is memory m += d + 2*lo32(m)*lo32(d), leaving the new m in t.
func fbMem(m Mem, d, t VecPhysical) {
	VPMULUDQ(m, d, t)
	VPADDQ(t, t, t)
	VPADDQ(d, t, t)
	VPADDQ(m, t, t)
	VMOVDQU(t, m)
}

func ror32(a, d VecPhysical) {
	VPXOR(a, d, d)
	VPSHUFD(U8(0xb1), d, d)
}

func ror24(c, b VecPhysical) {
	VPXOR(c, b, b)
	VPSHUFB(rot24, b, b)
}

func ror16(a, d VecPhysical) {
	VPXOR(a, d, d)
	VPSHUFB(rot16, d, d)
}

func ror63(c, b, t VecPhysical) {
	VPXOR(c, b, b)
	VPADDQ(b, b, t)
	VPSRLQ(U8(63), b, b)
	VPXOR(t, b, b)
}

// gmix4 is G on four sets at once; the fourth set's c is the memory
// operand cm.
func gmix4(a0, b0, c0, d0, a1, b1, c1, d1, a2, b2, c2, d2, a3, b3 VecPhysical, cm Mem, d3, t VecPhysical) {
	fb(a0, b0, t)
	fb(a1, b1, t)
	fb(a2, b2, t)
	fb(a3, b3, t)
	ror32(a0, d0)
	ror32(a1, d1)
	ror32(a2, d2)
	ror32(a3, d3)
	fb(c0, d0, t)
	fb(c1, d1, t)
	fb(c2, d2, t)
	ror24(c0, b0)
	ror24(c1, b1)
	ror24(c2, b2)
	fbMem(cm, d3, t)
	ror24(t, b3)
	fb(a0, b0, t)
	fb(a1, b1, t)
	fb(a2, b2, t)
	fb(a3, b3, t)
	ror16(a0, d0)
	ror16(a1, d1)
	ror16(a2, d2)
	ror16(a3, d3)
	fb(c0, d0, t)
	fb(c1, d1, t)
	fb(c2, d2, t)
	ror63(c0, b0, t)
	ror63(c1, b1, t)
	ror63(c2, b2, t)
	fbMem(cm, d3, t)
	ror63(t, b3, t)
}

// colRound4 is P on four columns in the column layout: A = (Y0 a0, Y1 a1,
// Y2 b0, Y3 b1, Y4 c0, Y5 c1, Y6 d0, Y7 d1) and B = (Y8 a0, Y9 a1, Y10 b0,
// Y11 b1, Y12 c0, cm c1, Y13 d0, Y14 d1), Y15 free. The diagonalisation
// moves values between registers: afterwards A is (Y0, Y1, Y14, Y15, Y4,
// Y5, Y2, Y6), B is (Y8, Y9, Y3, Y7, Y12, cm, Y10, Y13), and Y11 is free.
//
// Diagonal step: b' = (v5 v6 | v7 v4) and d' = (v15 v12 | v13 v14), each
// register one VPALIGNR of b0 and b1 (d0 and d1); c0 and c1 trade places.
func colRound4(cm Mem) {
	gmix4(Y0, Y2, Y4, Y6, Y1, Y3, Y5, Y7, Y8, Y10, Y12, Y13, Y9, Y11, cm, Y14, Y15)
	align := func(a, b, dst VecPhysical) { VPALIGNR(U8(8), a, b, dst) }
	align(Y2, Y3, Y15)
	align(Y3, Y2, Y2)
	align(Y7, Y6, Y3)
	align(Y6, Y7, Y6)
	align(Y10, Y11, Y7)
	align(Y11, Y10, Y10)
	align(Y14, Y13, Y11)
	align(Y13, Y14, Y13)
	gmix4(Y0, Y15, Y5, Y3, Y1, Y2, Y4, Y6, Y9, Y10, Y12, Y13, Y8, Y7, cm, Y11, Y14)
	align(Y2, Y15, Y14)
	align(Y15, Y2, Y15)
	align(Y3, Y6, Y2)
	align(Y6, Y3, Y6)
	align(Y10, Y7, Y3)
	align(Y7, Y10, Y7)
	align(Y11, Y13, Y10)
	align(Y13, Y11, Y13)
}

// loadR sets reg = R = x^y at off.
func loadR(off int, reg VecPhysical) {
	VMOVDQU(Mem{Base: x, Disp: off}, reg)
	VPXOR(Mem{Base: y, Disp: off}, reg, reg)
}

// diagRows rotates the lanes of three registers left by 1, 2 and 3.
func diagRows(b, c, d VecPhysical) {
	VPERMQ(U8(0x39), b, b)
	VPERMQ(U8(0x4e), c, c)
	VPERMQ(U8(0x93), d, d)
}

// rows4 passes rows 4i to 4i+3 (off = 512*i) of R through P into Q. The c
// of the fourth row lives in Q itself; for that row a, b and d turn instead
// of b, c and d, which lines up the same diagonals.
func rows4(off int) {
	Commentf("Rows %d to %d.", off/128, off/128+3)
	loadR(off+448, Y15)
	VMOVDQU(Y15, Mem{Base: q, Disp: off + 448})
	regs := []VecPhysical{Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13}
	for i, r := range regs {
		loadR(off+32*i, r)
	}
	loadR(off+480, Y14)
	cm := Mem{Base: q, Disp: off + 448}
	gmix4(Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13, cm, Y14, Y15)
	diagRows(Y1, Y2, Y3)
	diagRows(Y5, Y6, Y7)
	diagRows(Y9, Y10, Y11)
	diagRows(Y14, Y12, Y13)
	gmix4(Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13, cm, Y14, Y15)
	diagRows(Y3, Y2, Y1)
	diagRows(Y7, Y6, Y5)
	diagRows(Y11, Y10, Y9)
	diagRows(Y13, Y12, Y14)
	for i, r := range regs {
		VMOVDQU(r, Mem{Base: q, Disp: off + 32*i})
	}
	VMOVDQU(Y14, Mem{Base: q, Disp: off + 480})
}

// store sets out = Z ^ x ^ y at off.
func store(off int, reg VecPhysical) {
	VPXOR(Mem{Base: x, Disp: off}, reg, reg)
	VPXOR(Mem{Base: y, Disp: off}, reg, reg)
	VMOVDQU(reg, Mem{Base: out, Disp: off})
}

// storeXor sets out ^= Z ^ x ^ y at off.
func storeXor(off int, reg VecPhysical) {
	VPXOR(Mem{Base: x, Disp: off}, reg, reg)
	VPXOR(Mem{Base: y, Disp: off}, reg, reg)
	VPXOR(Mem{Base: out, Disp: off}, reg, reg)
	VMOVDQU(reg, Mem{Base: out, Disp: off})
}

// columns4 passes columns 4i to 4i+3 (off = 64*i) of Q through P, and out
// from them with s (store or storeXor). B's c1 stays in Q.
func columns4(off int, s func(off int, reg VecPhysical)) {
	Commentf("Columns %d to %d.", off/16, off/16+3)
	loads := []struct {
		disp int
		reg  VecPhysical
	}{
		{0, Y0}, {128, Y1}, {256, Y2}, {384, Y3}, {512, Y4}, {640, Y5}, {768, Y6}, {896, Y7},
		{32, Y8}, {160, Y9}, {288, Y10}, {416, Y11}, {544, Y12}, {800, Y13}, {928, Y14},
	}
	for _, l := range loads {
		VMOVDQU(Mem{Base: q, Disp: off + l.disp}, l.reg)
	}
	colRound4(Mem{Base: q, Disp: off + 672})
	stores := []struct {
		disp int
		reg  VecPhysical
	}{
		{0, Y0}, {128, Y1}, {256, Y14}, {384, Y15}, {512, Y4}, {640, Y5}, {768, Y2}, {896, Y6},
		{32, Y8}, {160, Y9}, {288, Y3}, {416, Y7}, {544, Y12},
	}
	for _, st := range stores {
		s(off+st.disp, st.reg)
	}
	VMOVDQU(Mem{Base: q, Disp: off + 672}, Y11)
	s(off+672, Y11)
	s(off+800, Y10)
	s(off+928, Y13)
}

// prefetchBlock prefetches the cache lines of the block at reg.
func prefetchBlock(reg GPPhysical) {
	for off := 0; off < blockSize; off += 64 {
		PREFETCHT0(Mem{Base: reg, Disp: off})
	}
}

// prefetchNext: with data-dependent addressing, once the first word w of
// the output is in X0, find the next block's reference as segment.refIndex
// does and prefetch it: lane = hi32(w) mod lanes, size = the reference area
// for that lane, index = start + size - 1 - size*(lo32(w)^2 >> 32) >> 32,
// wrapped.
func prefetchNext(skip, lane0 string) {
	CMPQ(field("mode"), U8(constInt("prefetchCompute")))
	JNE(LabelRef(skip))
	MOVQ(X0, R12)
	MOVL(R12L, R13L)
	SHRQ(U8(32), R12)
	XORL(EDX, EDX)
	MOVQ(field("lanes"), RCX)
	CMPQ(RCX, U8(1))
	JEQ(LabelRef(lane0))
	MOVL(R12L, EAX)
	DIVL(ECX)
	Label(lane0)
	MOVQ(field("sizeOther"), R14)
	CMPQ(RDX, field("lane"))
	CMOVQEQ(field("sizeSame"), R14)
	IMULQ(R13, R13)
	SHRQ(U8(32), R13)
	IMULQ(R14, R13)
	SHRQ(U8(32), R13)
	SUBQ(R13, R14)
	DECQ(R14)
	ADDQ(field("start"), R14)
	MOVQ(field("laneLen"), R11)
	MOVQ(R14, R13)
	SUBQ(R11, R13)
	CMPQ(R14, R11)
	CMOVQCC(R13, R14)
	IMULQ(R11, RDX)
	ADDQ(R14, RDX)
	SHLQ(U8(bits.TrailingZeros(uint(blockSize))), RDX)
	ADDQ(field("base"), RDX)
	MOVQ(RDX, field("got"))
	prefetchBlock(RDX)
	Label(skip)
}

var consts *types.Scope

// constInt returns the value of the package's integer constant name.
func constInt(name string) int {
	if consts == nil {
		cfg := &packages.Config{Mode: packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo}
		pkgs, err := packages.Load(cfg, pkg)
		if err != nil || len(pkgs) != 1 || pkgs[0].Types == nil {
			log.Fatalf("loading %s: %v", pkg, err)
		}
		consts = pkgs[0].Types.Scope()
	}
	c, ok := consts.Lookup(name).(*types.Const)
	if !ok {
		log.Fatalf("%s.%s is not a constant", pkg, name)
	}
	v, ok := constant.Int64Val(c.Val())
	if !ok {
		log.Fatalf("%s.%s is not an integer", pkg, name)
	}
	return int(v)
}
