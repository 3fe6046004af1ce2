//go:build amd64 && gc && !purego

#include "go_asm.h"
#include "textflag.h"

// The compression function G of RFC 9106 section 3.5 with AVX2.
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
// Row rounds (ROWS4): each register holds four words of one row, a = v0..v3,
// b = v4..v7, c = v8..v11, d = v12..v15, and the diagonal step rotates the
// lanes of b, c and d (VPERMQ).
//
// Column rounds (COLUMNS4): a 32-byte load holds the same word pair of two
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

DATA ·rot16<>+0x00(SB)/8, $0x0100070605040302
DATA ·rot16<>+0x08(SB)/8, $0x09080f0e0d0c0b0a
DATA ·rot16<>+0x10(SB)/8, $0x0100070605040302
DATA ·rot16<>+0x18(SB)/8, $0x09080f0e0d0c0b0a
GLOBL ·rot16<>(SB), (NOPTR+RODATA), $32

DATA ·rot24<>+0x00(SB)/8, $0x0201000706050403
DATA ·rot24<>+0x08(SB)/8, $0x0a09080f0e0d0c0b
DATA ·rot24<>+0x10(SB)/8, $0x0201000706050403
DATA ·rot24<>+0x18(SB)/8, $0x0a09080f0e0d0c0b
GLOBL ·rot24<>(SB), (NOPTR+RODATA), $32

// a += b + 2*lo32(a)*lo32(b), with scratch t.
#define FB(a, b, t) \
	VPMULUDQ b, a, t; \
	VPADDQ   b, a, a; \
	VPADDQ   t, t, t; \
	VPADDQ   t, a, a

// Memory m += d + 2*lo32(m)*lo32(d), leaving the new m in t.
#define FBMEM(m, d, t) \
	VPMULUDQ m, d, t; \
	VPADDQ   t, t, t; \
	VPADDQ   d, t, t; \
	VPADDQ   m, t, t; \
	VMOVDQU  t, m

#define ROR32(a, d) \
	VPXOR   a, d, d; \
	VPSHUFD $0xb1, d, d

#define ROR24(c, b) \
	VPXOR   c, b, b; \
	VPSHUFB ·rot24<>(SB), b, b

#define ROR16(a, d) \
	VPXOR   a, d, d; \
	VPSHUFB ·rot16<>(SB), d, d

#define ROR63(c, b, t) \
	VPXOR  c, b, b; \
	VPADDQ b, b, t; \
	VPSRLQ $63, b, b; \
	VPXOR  t, b, b

// G on four sets at once; the fourth set's c is the memory operand cm.
#define GMIX4(a0, b0, c0, d0, a1, b1, c1, d1, a2, b2, c2, d2, a3, b3, cm, d3, t) \
	FB(a0, b0, t); \
	FB(a1, b1, t); \
	FB(a2, b2, t); \
	FB(a3, b3, t); \
	ROR32(a0, d0); \
	ROR32(a1, d1); \
	ROR32(a2, d2); \
	ROR32(a3, d3); \
	FB(c0, d0, t); \
	FB(c1, d1, t); \
	FB(c2, d2, t); \
	ROR24(c0, b0); \
	ROR24(c1, b1); \
	ROR24(c2, b2); \
	FBMEM(cm, d3, t); \
	ROR24(t, b3); \
	FB(a0, b0, t); \
	FB(a1, b1, t); \
	FB(a2, b2, t); \
	FB(a3, b3, t); \
	ROR16(a0, d0); \
	ROR16(a1, d1); \
	ROR16(a2, d2); \
	ROR16(a3, d3); \
	FB(c0, d0, t); \
	FB(c1, d1, t); \
	FB(c2, d2, t); \
	ROR63(c0, b0, t); \
	ROR63(c1, b1, t); \
	ROR63(c2, b2, t); \
	FBMEM(cm, d3, t); \
	VPXOR  t, b3, b3; \
	VPADDQ b3, b3, t; \
	VPSRLQ $63, b3, b3; \
	VPXOR  t, b3, b3

// P on four columns in the column layout: A = (Y0 a0, Y1 a1, Y2 b0, Y3 b1,
// Y4 c0, Y5 c1, Y6 d0, Y7 d1) and B = (Y8 a0, Y9 a1, Y10 b0, Y11 b1,
// Y12 c0, CM c1, Y13 d0, Y14 d1), Y15 free. The diagonalisation moves
// values between registers: afterwards A is (Y0, Y1, Y14, Y15, Y4, Y5, Y2,
// Y6), B is (Y8, Y9, Y3, Y7, Y12, CM, Y10, Y13), and Y11 is free.
//
// Diagonal step: b' = (v5 v6 | v7 v4) and d' = (v15 v12 | v13 v14), each
// register one VPALIGNR of b0 and b1 (d0 and d1); c0 and c1 trade places.
#define COLROUND4(CM) \
	GMIX4(Y0, Y2, Y4, Y6, Y1, Y3, Y5, Y7, Y8, Y10, Y12, Y13, Y9, Y11, CM, Y14, Y15); \
	VPALIGNR $8, Y2, Y3, Y15; \
	VPALIGNR $8, Y3, Y2, Y2; \
	VPALIGNR $8, Y7, Y6, Y3; \
	VPALIGNR $8, Y6, Y7, Y6; \
	VPALIGNR $8, Y10, Y11, Y7; \
	VPALIGNR $8, Y11, Y10, Y10; \
	VPALIGNR $8, Y14, Y13, Y11; \
	VPALIGNR $8, Y13, Y14, Y13; \
	GMIX4(Y0, Y15, Y5, Y3, Y1, Y2, Y4, Y6, Y9, Y10, Y12, Y13, Y8, Y7, CM, Y11, Y14); \
	VPALIGNR $8, Y2, Y15, Y14; \
	VPALIGNR $8, Y15, Y2, Y15; \
	VPALIGNR $8, Y3, Y6, Y2; \
	VPALIGNR $8, Y6, Y3, Y6; \
	VPALIGNR $8, Y10, Y7, Y3; \
	VPALIGNR $8, Y7, Y10, Y7; \
	VPALIGNR $8, Y11, Y13, Y10; \
	VPALIGNR $8, Y13, Y11, Y13

// reg = R = x^y at off.
#define LOADR(off, reg) \
	VMOVDQU off(SI), reg; \
	VPXOR   off(BX), reg, reg

// Rotate the lanes of three registers left by 1, 2 and 3.
#define DIAGROWS(b, c, d) \
	VPERMQ $0x39, b, b; \
	VPERMQ $0x4e, c, c; \
	VPERMQ $0x93, d, d

// Rows 4i to 4i+3 (off = 512*i) of R through P into Q at R8. The c of the
// fourth row lives in Q itself; for that row a, b and d turn instead of b,
// c and d, which lines up the same diagonals.
#define ROWS4(off) \
	LOADR(off+448, Y15); \
	VMOVDQU Y15, off+448(R8); \
	LOADR(off+0, Y0); \
	LOADR(off+32, Y1); \
	LOADR(off+64, Y2); \
	LOADR(off+96, Y3); \
	LOADR(off+128, Y4); \
	LOADR(off+160, Y5); \
	LOADR(off+192, Y6); \
	LOADR(off+224, Y7); \
	LOADR(off+256, Y8); \
	LOADR(off+288, Y9); \
	LOADR(off+320, Y10); \
	LOADR(off+352, Y11); \
	LOADR(off+384, Y12); \
	LOADR(off+416, Y13); \
	LOADR(off+480, Y14); \
	GMIX4(Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13, off+448(R8), Y14, Y15); \
	DIAGROWS(Y1, Y2, Y3); \
	DIAGROWS(Y5, Y6, Y7); \
	DIAGROWS(Y9, Y10, Y11); \
	DIAGROWS(Y14, Y12, Y13); \
	GMIX4(Y0, Y1, Y2, Y3, Y4, Y5, Y6, Y7, Y8, Y9, Y10, Y11, Y12, Y13, off+448(R8), Y14, Y15); \
	DIAGROWS(Y3, Y2, Y1); \
	DIAGROWS(Y7, Y6, Y5); \
	DIAGROWS(Y11, Y10, Y9); \
	DIAGROWS(Y13, Y12, Y14); \
	VMOVDQU Y0, off+0(R8); \
	VMOVDQU Y1, off+32(R8); \
	VMOVDQU Y2, off+64(R8); \
	VMOVDQU Y3, off+96(R8); \
	VMOVDQU Y4, off+128(R8); \
	VMOVDQU Y5, off+160(R8); \
	VMOVDQU Y6, off+192(R8); \
	VMOVDQU Y7, off+224(R8); \
	VMOVDQU Y8, off+256(R8); \
	VMOVDQU Y9, off+288(R8); \
	VMOVDQU Y10, off+320(R8); \
	VMOVDQU Y11, off+352(R8); \
	VMOVDQU Y12, off+384(R8); \
	VMOVDQU Y13, off+416(R8); \
	VMOVDQU Y14, off+480(R8)

// out = Z ^ x ^ y at off.
#define STORE(off, reg) \
	VPXOR   off(SI), reg, reg; \
	VPXOR   off(BX), reg, reg; \
	VMOVDQU reg, off(DI)

// out ^= Z ^ x ^ y at off.
#define STOREXOR(off, reg) \
	VPXOR   off(SI), reg, reg; \
	VPXOR   off(BX), reg, reg; \
	VPXOR   off(DI), reg, reg; \
	VMOVDQU reg, off(DI)

// Columns 4i to 4i+3 (off = 64*i) of Q through P, and out from them with
// S (STORE or STOREXOR). B's c1 stays in Q.
#define COLUMNS4(off, S) \
	VMOVDQU off+0(R8), Y0; \
	VMOVDQU off+128(R8), Y1; \
	VMOVDQU off+256(R8), Y2; \
	VMOVDQU off+384(R8), Y3; \
	VMOVDQU off+512(R8), Y4; \
	VMOVDQU off+640(R8), Y5; \
	VMOVDQU off+768(R8), Y6; \
	VMOVDQU off+896(R8), Y7; \
	VMOVDQU off+32(R8), Y8; \
	VMOVDQU off+160(R8), Y9; \
	VMOVDQU off+288(R8), Y10; \
	VMOVDQU off+416(R8), Y11; \
	VMOVDQU off+544(R8), Y12; \
	VMOVDQU off+800(R8), Y13; \
	VMOVDQU off+928(R8), Y14; \
	COLROUND4(off+672(R8)); \
	S(off+0, Y0); \
	S(off+128, Y1); \
	S(off+256, Y14); \
	S(off+384, Y15); \
	S(off+512, Y4); \
	S(off+640, Y5); \
	S(off+768, Y2); \
	S(off+896, Y6); \
	S(off+32, Y8); \
	S(off+160, Y9); \
	S(off+288, Y3); \
	S(off+416, Y7); \
	S(off+544, Y12); \
	VMOVDQU off+672(R8), Y11; \
	S(off+672, Y11); \
	S(off+800, Y10); \
	S(off+928, Y13)

// Prefetch the 16 cache lines of the block at reg.
#define PREFETCHBLOCK(reg) \
	PREFETCHT0 0(reg); \
	PREFETCHT0 64(reg); \
	PREFETCHT0 128(reg); \
	PREFETCHT0 192(reg); \
	PREFETCHT0 256(reg); \
	PREFETCHT0 320(reg); \
	PREFETCHT0 384(reg); \
	PREFETCHT0 448(reg); \
	PREFETCHT0 512(reg); \
	PREFETCHT0 576(reg); \
	PREFETCHT0 640(reg); \
	PREFETCHT0 704(reg); \
	PREFETCHT0 768(reg); \
	PREFETCHT0 832(reg); \
	PREFETCHT0 896(reg); \
	PREFETCHT0 960(reg)

// With data-dependent addressing, once the first word w of the output is
// in X0, find the next block's reference as segment.refIndex does and
// prefetch it: lane = hi32(w) mod lanes, size = the reference area for that
// lane, index = start + size - 1 - size*(lo32(w)^2 >> 32) >> 32, wrapped.
#define PREFETCHNEXT(skip, lane0) \
	CMPQ    nextRef_mode(R9), $const_prefetchCompute; \
	JNE     skip; \
	MOVQ    X0, R12; \
	MOVL    R12, R13; \
	SHRQ    $32, R12; \
	XORL    DX, DX; \
	MOVQ    nextRef_lanes(R9), CX; \
	CMPQ    CX, $1; \
	JEQ     lane0; \
	MOVL    R12, AX; \
	DIVL    CX; \
lane0: \
	MOVQ    nextRef_sizeOther(R9), R14; \
	CMPQ    DX, nextRef_lane(R9); \
	CMOVQEQ nextRef_sizeSame(R9), R14; \
	IMULQ   R13, R13; \
	SHRQ    $32, R13; \
	IMULQ   R14, R13; \
	SHRQ    $32, R13; \
	SUBQ    R13, R14; \
	DECQ    R14; \
	ADDQ    nextRef_start(R9), R14; \
	MOVQ    nextRef_laneLen(R9), R11; \
	MOVQ    R14, R13; \
	SUBQ    R11, R13; \
	CMPQ    R14, R11; \
	CMOVQCC R13, R14; \
	IMULQ   R11, DX; \
	ADDQ    R14, DX; \
	SHLQ    $10, DX; \
	ADDQ    nextRef_base(R9), DX; \
	MOVQ    DX, nextRef_got(R9); \
	PREFETCHBLOCK(DX); \
skip:


// func compressAVX2(out, x, y *block, withXor bool, nr *nextRef)
TEXT ·compressAVX2(SB), 0, $1056-40
	MOVQ    out+0(FP), DI
	MOVQ    x+8(FP), SI
	MOVQ    y+16(FP), BX
	MOVBLZX withXor+24(FP), R10
	MOVQ    nr+32(FP), R9

	// 1 KiB of 32-byte aligned scratch for Q, the output of the row
	// rounds.
	MOVQ SP, R8
	ADDQ $31, R8
	ANDQ $~31, R8

	PREFETCHBLOCK(BX)
	// The next block to be written, in the same lane (or, harmlessly,
	// past it: prefetches do not fault).
	LEAQ 1024(DI), AX
	PREFETCHBLOCK(AX)
	CMPQ nextRef_mode(R9), $const_prefetchAddr
	JNE  rows
	MOVQ nextRef_addr(R9), AX
	PREFETCHBLOCK(AX)

rows:
	ROWS4(0)
	ROWS4(512)

	TESTQ R10, R10
	JNZ   xor

	COLUMNS4(0, STORE)
	PREFETCHNEXT(next, next1)
	COLUMNS4(64, STORE)
	VZEROUPPER
	RET

xor:
	COLUMNS4(0, STOREXOR)
	PREFETCHNEXT(nextxor, nextxor1)
	COLUMNS4(64, STOREXOR)
	VZEROUPPER
	RET
