//go:build amd64 && gc && !purego

#include "textflag.h"

// The 16 Salsa20 words are held as four vectors of diagonals, as stored:
// A = (x0,x5,x10,x15), B = (x4,x9,x14,x3), C = (x8,x13,x2,x7),
// D = (x12,x1,x6,x11). A column round is then four lane-wise quarter-round
// steps; rotating the lanes of B, C and D lines the rows up the same way.

// dst ^= (a + b) <<< s, with X8 and X9 as scratch.
#define STEP(a, b, dst, s, t) \
	MOVO  a, X8; \
	PADDL b, X8; \
	MOVO  X8, X9; \
	PSLLL $s, X8; \
	PSRLL $t, X9; \
	PXOR  X8, dst; \
	PXOR  X9, dst

// A column round and a row round on X0 (A), X1 (B), X2 (C), X3 (D).
#define DOUBLEROUND \
	STEP(X0, X3, X1, 7, 25); \
	STEP(X1, X0, X2, 9, 23); \
	STEP(X2, X1, X3, 13, 19); \
	STEP(X3, X2, X0, 18, 14); \
	PSHUFL $0x93, X1, X1; \
	PSHUFL $0x4E, X2, X2; \
	PSHUFL $0x39, X3, X3; \
	STEP(X0, X1, X3, 7, 25); \
	STEP(X3, X0, X2, 9, 23); \
	STEP(X2, X3, X1, 13, 19); \
	STEP(X1, X2, X0, 18, 14); \
	PSHUFL $0x39, X1, X1; \
	PSHUFL $0x4E, X2, X2; \
	PSHUFL $0x93, X3, X3

// X0..X3 ^= the 64 bytes at p.
#define XORBLOCK(p) \
	MOVOU 0(p), X10; \
	MOVOU 16(p), X11; \
	MOVOU 32(p), X12; \
	MOVOU 48(p), X13; \
	PXOR  X10, X0; \
	PXOR  X11, X1; \
	PXOR  X12, X2; \
	PXOR  X13, X3

// X10..X13 ^= the 64 bytes at p.
#define XORTEMP(p) \
	MOVOU 0(p), X8; \
	MOVOU 16(p), X9; \
	PXOR  X8, X10; \
	PXOR  X9, X11; \
	MOVOU 32(p), X8; \
	MOVOU 48(p), X9; \
	PXOR  X8, X12; \
	PXOR  X9, X13

// Loads the next in block (XOR its v block when DX is not nil) into
// X10..X13; SI and DX move to the next block.
#define NEXTIN(skip) \
	MOVOU 0(SI), X10; \
	MOVOU 16(SI), X11; \
	MOVOU 32(SI), X12; \
	MOVOU 48(SI), X13; \
	ADDQ  $64, SI; \
	TESTQ DX, DX; \
	JZ    skip; \
	XORTEMP(DX); \
	ADDQ  $64, DX; \
skip: \
	PXOR  X10, X0; \
	PXOR  X11, X1; \
	PXOR  X12, X2; \
	PXOR  X13, X3

// One BlockMix step: X ^= in block (and v block when DX is not nil),
// X = Salsa20/8(X), stored at dst; SI and DX move to the next block.
#define MIXBLOCK(dst, skip) \
	NEXTIN(skip); \
	MOVO  X0, X4; \
	MOVO  X1, X5; \
	MOVO  X2, X6; \
	MOVO  X3, X7; \
	DOUBLEROUND; \
	DOUBLEROUND; \
	DOUBLEROUND; \
	DOUBLEROUND; \
	PADDL X4, X0; \
	PADDL X5, X1; \
	PADDL X6, X2; \
	PADDL X7, X3; \
	MOVOU X0, 0(dst); \
	MOVOU X1, 16(dst); \
	MOVOU X2, 32(dst); \
	MOVOU X3, 48(dst); \
	ADDQ  $64, dst

// func blockMixSSE2(out, in, v *uint32, r int)
TEXT ·blockMixSSE2(SB), NOSPLIT|NOFRAME, $0-32
	MOVQ out+0(FP), DI
	MOVQ in+8(FP), SI
	MOVQ v+16(FP), DX
	MOVQ r+24(FP), CX

	// X = last block of in (XOR v).
	MOVQ CX, R8
	SHLQ $7, R8
	LEAQ -64(SI)(R8*1), R9
	MOVOU 0(R9), X0
	MOVOU 16(R9), X1
	MOVOU 32(R9), X2
	MOVOU 48(R9), X3
	TESTQ DX, DX
	JZ   start
	LEAQ -64(DX)(R8*1), R9
	XORBLOCK(R9)

start:
	// Even blocks go to DI, odd ones to R10 = out + 64·r.
	SHRQ $1, R8
	LEAQ 0(DI)(R8*1), R10

loop:
	MIXBLOCK(DI, noxor0)
	MIXBLOCK(R10, noxor1)
	DECQ CX
	JNZ  loop
	RET

// The same with three-operand AVX encodings, which need no register copies
// and take unaligned memory operands.

#define VSTEP(a, b, dst, s, t) \
	VPADDD b, a, X8; \
	VPSLLD $s, X8, X9; \
	VPSRLD $t, X8, X8; \
	VPXOR  X9, dst, dst; \
	VPXOR  X8, dst, dst

#define VDOUBLEROUND \
	VSTEP(X0, X3, X1, 7, 25); \
	VSTEP(X1, X0, X2, 9, 23); \
	VSTEP(X2, X1, X3, 13, 19); \
	VSTEP(X3, X2, X0, 18, 14); \
	VPSHUFD $0x93, X1, X1; \
	VPSHUFD $0x4E, X2, X2; \
	VPSHUFD $0x39, X3, X3; \
	VSTEP(X0, X1, X3, 7, 25); \
	VSTEP(X3, X0, X2, 9, 23); \
	VSTEP(X2, X3, X1, 13, 19); \
	VSTEP(X1, X2, X0, 18, 14); \
	VPSHUFD $0x39, X1, X1; \
	VPSHUFD $0x4E, X2, X2; \
	VPSHUFD $0x93, X3, X3

#define VMIXBLOCK(dst, skip) \
	VMOVDQU 0(SI), X10; \
	VMOVDQU 16(SI), X11; \
	VMOVDQU 32(SI), X12; \
	VMOVDQU 48(SI), X13; \
	ADDQ    $64, SI; \
	TESTQ   DX, DX; \
	JZ      skip; \
	VPXOR   0(DX), X10, X10; \
	VPXOR   16(DX), X11, X11; \
	VPXOR   32(DX), X12, X12; \
	VPXOR   48(DX), X13, X13; \
	ADDQ    $64, DX; \
skip: \
	VPXOR   X10, X0, X4; \
	VPXOR   X11, X1, X5; \
	VPXOR   X12, X2, X6; \
	VPXOR   X13, X3, X7; \
	VPXOR   X10, X0, X0; \
	VPXOR   X11, X1, X1; \
	VPXOR   X12, X2, X2; \
	VPXOR   X13, X3, X3; \
	VDOUBLEROUND; \
	VDOUBLEROUND; \
	VDOUBLEROUND; \
	VDOUBLEROUND; \
	VPADDD  X4, X0, X0; \
	VPADDD  X5, X1, X1; \
	VPADDD  X6, X2, X2; \
	VPADDD  X7, X3, X3; \
	VMOVDQU X0, 0(dst); \
	VMOVDQU X1, 16(dst); \
	VMOVDQU X2, 32(dst); \
	VMOVDQU X3, 48(dst); \
	ADDQ    $64, dst

// func blockMixAVX(out, in, v *uint32, r int)
TEXT ·blockMixAVX(SB), NOSPLIT|NOFRAME, $0-32
	MOVQ out+0(FP), DI
	MOVQ in+8(FP), SI
	MOVQ v+16(FP), DX
	MOVQ r+24(FP), CX

	MOVQ    CX, R8
	SHLQ    $7, R8
	LEAQ    -64(SI)(R8*1), R9
	VMOVDQU 0(R9), X0
	VMOVDQU 16(R9), X1
	VMOVDQU 32(R9), X2
	VMOVDQU 48(R9), X3
	TESTQ   DX, DX
	JZ      vstart
	LEAQ    -64(DX)(R8*1), R9
	VPXOR   0(R9), X0, X0
	VPXOR   16(R9), X1, X1
	VPXOR   32(R9), X2, X2
	VPXOR   48(R9), X3, X3

vstart:
	SHRQ $1, R8
	LEAQ 0(DI)(R8*1), R10

vloop:
	VMIXBLOCK(DI, vnoxor0)
	VMIXBLOCK(R10, vnoxor1)
	DECQ CX
	JNZ  vloop
	VZEROUPPER
	RET
