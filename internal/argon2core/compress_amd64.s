//go:build amd64 && gc && !purego

#include "go_asm.h"
#include "textflag.h"

// The compression function G of RFC 9106 section 3.5 with AVX2.
//
// The block is an 8x8 matrix of 16-byte registers (word pairs); P mixes 8
// of them as a 4x4 matrix of words v0..v15. Two Ps run side by side, one in
// each 128-bit lane of eight YMM registers:
//
//	Y0 = v0 v1   Y1 = v2 v3    (a)
//	Y2 = v4 v5   Y3 = v6 v7    (b)
//	Y4 = v8 v9   Y5 = v10 v11  (c)
//	Y6 = v12 v13 Y7 = v14 v15  (d)
//
// so that G on the matrix columns is plain vertical arithmetic, and the
// diagonal step needs only in-lane VPALIGNR and register renaming instead
// of lane-crossing permutes. For the column rounds this is exactly the
// memory layout (a 32-byte load holds the same pair of two adjacent
// columns); for the row rounds each register is built from two rows.
//
// Y14 and Y15 hold the VPSHUFB masks for rotations by 16 and 24 bits;
// Y8 and Y9 are scratch, Y10-Y13 hold the diagonalised b and d.

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

// a += b + 2*lo32(a)*lo32(b), twice over.
#define BLAMKA(a0, b0, a1, b1) \
	VPMULUDQ b0, a0, Y8; \
	VPMULUDQ b1, a1, Y9; \
	VPADDQ   b0, a0, a0; \
	VPADDQ   b1, a1, a1; \
	VPADDQ   Y8, Y8, Y8; \
	VPADDQ   Y9, Y9, Y9; \
	VPADDQ   Y8, a0, a0; \
	VPADDQ   Y9, a1, a1

// G on the four lanes of (a0, b0, c0, d0) and of (a1, b1, c1, d1).
#define GMIX(a0, b0, c0, d0, a1, b1, c1, d1) \
	BLAMKA(a0, b0, a1, b1); \
	VPXOR    a0, d0, d0; \
	VPXOR    a1, d1, d1; \
	VPSHUFD  $0xb1, d0, d0; \
	VPSHUFD  $0xb1, d1, d1; \
	BLAMKA(c0, d0, c1, d1); \
	VPXOR    c0, b0, b0; \
	VPXOR    c1, b1, b1; \
	VPSHUFB  Y15, b0, b0; \
	VPSHUFB  Y15, b1, b1; \
	BLAMKA(a0, b0, a1, b1); \
	VPXOR    a0, d0, d0; \
	VPXOR    a1, d1, d1; \
	VPSHUFB  Y14, d0, d0; \
	VPSHUFB  Y14, d1, d1; \
	BLAMKA(c0, d0, c1, d1); \
	VPXOR    c0, b0, b0; \
	VPXOR    c1, b1, b1; \
	VPADDQ   b0, b0, Y8; \
	VPADDQ   b1, b1, Y9; \
	VPSRLQ   $63, b0, b0; \
	VPSRLQ   $63, b1, b1; \
	VPXOR    Y8, b0, b0; \
	VPXOR    Y9, b1, b1

// P on both lanes of Y0-Y7: columns, then diagonals. The diagonal step
// mixes (v0,v5,v10,v15) (v1,v6,v11,v12) in the first set and
// (v2,v7,v8,v13) (v3,v4,v9,v14) in the second; c only swaps registers.
#define ROUND \
	GMIX(Y0, Y2, Y4, Y6, Y1, Y3, Y5, Y7); \
	VPALIGNR $8, Y2, Y3, Y10; \
	VPALIGNR $8, Y3, Y2, Y11; \
	VPALIGNR $8, Y7, Y6, Y12; \
	VPALIGNR $8, Y6, Y7, Y13; \
	GMIX(Y0, Y10, Y5, Y12, Y1, Y11, Y4, Y13); \
	VPALIGNR $8, Y11, Y10, Y2; \
	VPALIGNR $8, Y10, Y11, Y3; \
	VPALIGNR $8, Y12, Y13, Y6; \
	VPALIGNR $8, Y13, Y12, Y7

// Register reg = pair k of R = x^y in row r (low lane) and row r+1 (high
// lane); off = 128*r + 16*k.
#define LOADXY(off, xreg, reg) \
	VMOVDQU     off(SI), xreg; \
	VINSERTI128 $1, off+128(SI), reg, reg; \
	VMOVDQU     off(BX), X8; \
	VINSERTI128 $1, off+128(BX), Y8, Y8; \
	VPXOR       Y8, reg, reg

// Rows r and r+1 (off = 128*r) of R, through P, into the scratch block at R8.
#define ROWS(off) \
	LOADXY(off+0, X0, Y0); \
	LOADXY(off+16, X1, Y1); \
	LOADXY(off+32, X2, Y2); \
	LOADXY(off+48, X3, Y3); \
	LOADXY(off+64, X4, Y4); \
	LOADXY(off+80, X5, Y5); \
	LOADXY(off+96, X6, Y6); \
	LOADXY(off+112, X7, Y7); \
	ROUND; \
	VPERM2I128 $0x20, Y1, Y0, Y8; \
	VPERM2I128 $0x31, Y1, Y0, Y9; \
	VMOVDQU    Y8, off+0(R8); \
	VMOVDQU    Y9, off+128(R8); \
	VPERM2I128 $0x20, Y3, Y2, Y8; \
	VPERM2I128 $0x31, Y3, Y2, Y9; \
	VMOVDQU    Y8, off+32(R8); \
	VMOVDQU    Y9, off+160(R8); \
	VPERM2I128 $0x20, Y5, Y4, Y8; \
	VPERM2I128 $0x31, Y5, Y4, Y9; \
	VMOVDQU    Y8, off+64(R8); \
	VMOVDQU    Y9, off+192(R8); \
	VPERM2I128 $0x20, Y7, Y6, Y8; \
	VPERM2I128 $0x31, Y7, Y6, Y9; \
	VMOVDQU    Y8, off+96(R8); \
	VMOVDQU    Y9, off+224(R8)

// Columns 2k and 2k+1 (off = 32*k) of the scratch block through P.
#define COLUMNS(off) \
	VMOVDQU off+0(R8), Y0; \
	VMOVDQU off+128(R8), Y1; \
	VMOVDQU off+256(R8), Y2; \
	VMOVDQU off+384(R8), Y3; \
	VMOVDQU off+512(R8), Y4; \
	VMOVDQU off+640(R8), Y5; \
	VMOVDQU off+768(R8), Y6; \
	VMOVDQU off+896(R8), Y7; \
	ROUND

// out = Z ^ x ^ y for register reg at off.
#define STORE(off, reg) \
	VPXOR   off(SI), reg, reg; \
	VPXOR   off(BX), reg, reg; \
	VMOVDQU reg, off(DI)

// out ^= Z ^ x ^ y.
#define STOREXOR(off, reg) \
	VPXOR   off(SI), reg, reg; \
	VPXOR   off(BX), reg, reg; \
	VPXOR   off(DI), reg, reg; \
	VMOVDQU reg, off(DI)

#define STORECOLUMNS(off, S) \
	S(off+0, Y0); \
	S(off+128, Y1); \
	S(off+256, Y2); \
	S(off+384, Y3); \
	S(off+512, Y4); \
	S(off+640, Y5); \
	S(off+768, Y6); \
	S(off+896, Y7)

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
#define PREFETCHNEXT(skip) \
	CMPQ    nextRef_mode(R9), $const_prefetchCompute; \
	JNE     skip; \
	MOVQ    X0, R12; \
	MOVL    R12, R13; \
	SHRQ    $32, R12; \
	MOVL    R12, AX; \
	XORL    DX, DX; \
	MOVQ    nextRef_lanes(R9), CX; \
	DIVL    CX; \
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
	MOVQ    nextRef_laneLen(R9), R15; \
	MOVQ    R14, R13; \
	SUBQ    R15, R13; \
	CMPQ    R14, R15; \
	CMOVQCC R13, R14; \
	IMULQ   R15, DX; \
	ADDQ    R14, DX; \
	SHLQ    $10, DX; \
	ADDQ    nextRef_base(R9), DX; \
	PREFETCHBLOCK(DX); \
skip:

// func compressAVX2(out, x, y *block, withXor bool, nr *nextRef)
TEXT ·compressAVX2(SB), 0, $1056-40
	MOVQ    out+0(FP), DI
	MOVQ    x+8(FP), SI
	MOVQ    y+16(FP), BX
	MOVBLZX withXor+24(FP), R10
	MOVQ    nr+32(FP), R9

	// 1 KiB of 32-byte aligned scratch for Q, the output of the row rounds.
	MOVQ SP, R8
	ADDQ $31, R8
	ANDQ $~31, R8

	PREFETCHBLOCK(BX)
	CMPQ nextRef_mode(R9), $const_prefetchAddr
	JNE  rows
	MOVQ nextRef_addr(R9), AX
	PREFETCHBLOCK(AX)

rows:

	VMOVDQU ·rot16<>(SB), Y14
	VMOVDQU ·rot24<>(SB), Y15

	ROWS(0)
	ROWS(256)
	ROWS(512)
	ROWS(768)

	TESTQ R10, R10
	JNZ   xor

	COLUMNS(0)
	STORECOLUMNS(0, STORE)
	PREFETCHNEXT(next)
	COLUMNS(32)
	STORECOLUMNS(32, STORE)
	COLUMNS(64)
	STORECOLUMNS(64, STORE)
	COLUMNS(96)
	STORECOLUMNS(96, STORE)
	VZEROUPPER
	RET

xor:
	COLUMNS(0)
	STORECOLUMNS(0, STOREXOR)
	PREFETCHNEXT(nextxor)
	COLUMNS(32)
	STORECOLUMNS(32, STOREXOR)
	COLUMNS(64)
	STORECOLUMNS(64, STOREXOR)
	COLUMNS(96)
	STORECOLUMNS(96, STOREXOR)
	VZEROUPPER
	RET
