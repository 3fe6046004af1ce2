//go:build amd64 && gc && !purego

#include "textflag.h"

// SHA-1 with the x86 SHA extensions (FIPS 180-4 section 6.1; Intel SDM,
// SHA1RNDS4/SHA1NEXTE/SHA1MSG1/SHA1MSG2).
//
// Register use in the rounds (lane A; lane B of ROUNDS_X2 in brackets):
//	X1 [X8]        A, B, C, D (A in the high dword)
//	X2, X3 [X9, X10]
//	               E (high dword) plus W for the next four rounds; they
//	               alternate, one holding ABCD of four rounds back
//	X4-X7 [X11-X14]
//	               message words W[4i..4i+3] for i mod 4 = 0..3 (W[4i] high)
// On entry X2 holds E with the low three dwords zero; on exit X2 holds
// ABCD from before the last four rounds.
//
// SHA1RNDS4 is bound by its latency; two independent lanes with their
// instructions interleaved run in about the time of one.
//
// ROUNDS is the 80 rounds in groups of four: group i runs rounds 4i..4i+3
// and advances the schedule W[t] = rol1(W[t-3]^W[t-8]^W[t-14]^W[t-16]):
// SHA1MSG1 of W[4i-4..] with W[4i..] (groups 1-16), the XOR with W[4i..]
// into W[4i-8..] (groups 2-17) and SHA1MSG2 finishing W[4i+4..] (groups
// 3-18). SHA1RNDS4's immediate picks the round function and constant.
#define ROUNDS \
	PADDD X4, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $0, X2, X1; \
	SHA1NEXTE X5, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $0, X3, X1; \
	SHA1MSG1 X5, X4; \
	SHA1NEXTE X6, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $0, X2, X1; \
	SHA1MSG1 X6, X5; \
	PXOR X6, X4; \
	SHA1NEXTE X7, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $0, X3, X1; \
	SHA1MSG2 X7, X4; \
	SHA1MSG1 X7, X6; \
	PXOR X7, X5; \
	SHA1NEXTE X4, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $0, X2, X1; \
	SHA1MSG2 X4, X5; \
	SHA1MSG1 X4, X7; \
	PXOR X4, X6; \
	SHA1NEXTE X5, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $1, X3, X1; \
	SHA1MSG2 X5, X6; \
	SHA1MSG1 X5, X4; \
	PXOR X5, X7; \
	SHA1NEXTE X6, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $1, X2, X1; \
	SHA1MSG2 X6, X7; \
	SHA1MSG1 X6, X5; \
	PXOR X6, X4; \
	SHA1NEXTE X7, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $1, X3, X1; \
	SHA1MSG2 X7, X4; \
	SHA1MSG1 X7, X6; \
	PXOR X7, X5; \
	SHA1NEXTE X4, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $1, X2, X1; \
	SHA1MSG2 X4, X5; \
	SHA1MSG1 X4, X7; \
	PXOR X4, X6; \
	SHA1NEXTE X5, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $1, X3, X1; \
	SHA1MSG2 X5, X6; \
	SHA1MSG1 X5, X4; \
	PXOR X5, X7; \
	SHA1NEXTE X6, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $2, X2, X1; \
	SHA1MSG2 X6, X7; \
	SHA1MSG1 X6, X5; \
	PXOR X6, X4; \
	SHA1NEXTE X7, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $2, X3, X1; \
	SHA1MSG2 X7, X4; \
	SHA1MSG1 X7, X6; \
	PXOR X7, X5; \
	SHA1NEXTE X4, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $2, X2, X1; \
	SHA1MSG2 X4, X5; \
	SHA1MSG1 X4, X7; \
	PXOR X4, X6; \
	SHA1NEXTE X5, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $2, X3, X1; \
	SHA1MSG2 X5, X6; \
	SHA1MSG1 X5, X4; \
	PXOR X5, X7; \
	SHA1NEXTE X6, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $2, X2, X1; \
	SHA1MSG2 X6, X7; \
	SHA1MSG1 X6, X5; \
	PXOR X6, X4; \
	SHA1NEXTE X7, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $3, X3, X1; \
	SHA1MSG2 X7, X4; \
	SHA1MSG1 X7, X6; \
	PXOR X7, X5; \
	SHA1NEXTE X4, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $3, X2, X1; \
	SHA1MSG2 X4, X5; \
	SHA1MSG1 X4, X7; \
	PXOR X4, X6; \
	SHA1NEXTE X5, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $3, X3, X1; \
	SHA1MSG2 X5, X6; \
	PXOR X5, X7; \
	SHA1NEXTE X6, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $3, X2, X1; \
	SHA1MSG2 X6, X7; \
	SHA1NEXTE X7, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $3, X3, X1

// The rounds of two independent lanes, interleaved group by group: lane A
// as above, lane B with X8 (ABCD), X9, X10 (E) and X11-X14 (message).
#define ROUNDS_X2 \
	PADDD X4, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $0, X2, X1; \
	PADDD X11, X9; \
	MOVO X8, X10; \
	SHA1RNDS4 $0, X9, X8; \
	SHA1NEXTE X5, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $0, X3, X1; \
	SHA1MSG1 X5, X4; \
	SHA1NEXTE X12, X10; \
	MOVO X8, X9; \
	SHA1RNDS4 $0, X10, X8; \
	SHA1MSG1 X12, X11; \
	SHA1NEXTE X6, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $0, X2, X1; \
	SHA1MSG1 X6, X5; \
	PXOR X6, X4; \
	SHA1NEXTE X13, X9; \
	MOVO X8, X10; \
	SHA1RNDS4 $0, X9, X8; \
	SHA1MSG1 X13, X12; \
	PXOR X13, X11; \
	SHA1NEXTE X7, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $0, X3, X1; \
	SHA1MSG2 X7, X4; \
	SHA1MSG1 X7, X6; \
	PXOR X7, X5; \
	SHA1NEXTE X14, X10; \
	MOVO X8, X9; \
	SHA1RNDS4 $0, X10, X8; \
	SHA1MSG2 X14, X11; \
	SHA1MSG1 X14, X13; \
	PXOR X14, X12; \
	SHA1NEXTE X4, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $0, X2, X1; \
	SHA1MSG2 X4, X5; \
	SHA1MSG1 X4, X7; \
	PXOR X4, X6; \
	SHA1NEXTE X11, X9; \
	MOVO X8, X10; \
	SHA1RNDS4 $0, X9, X8; \
	SHA1MSG2 X11, X12; \
	SHA1MSG1 X11, X14; \
	PXOR X11, X13; \
	SHA1NEXTE X5, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $1, X3, X1; \
	SHA1MSG2 X5, X6; \
	SHA1MSG1 X5, X4; \
	PXOR X5, X7; \
	SHA1NEXTE X12, X10; \
	MOVO X8, X9; \
	SHA1RNDS4 $1, X10, X8; \
	SHA1MSG2 X12, X13; \
	SHA1MSG1 X12, X11; \
	PXOR X12, X14; \
	SHA1NEXTE X6, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $1, X2, X1; \
	SHA1MSG2 X6, X7; \
	SHA1MSG1 X6, X5; \
	PXOR X6, X4; \
	SHA1NEXTE X13, X9; \
	MOVO X8, X10; \
	SHA1RNDS4 $1, X9, X8; \
	SHA1MSG2 X13, X14; \
	SHA1MSG1 X13, X12; \
	PXOR X13, X11; \
	SHA1NEXTE X7, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $1, X3, X1; \
	SHA1MSG2 X7, X4; \
	SHA1MSG1 X7, X6; \
	PXOR X7, X5; \
	SHA1NEXTE X14, X10; \
	MOVO X8, X9; \
	SHA1RNDS4 $1, X10, X8; \
	SHA1MSG2 X14, X11; \
	SHA1MSG1 X14, X13; \
	PXOR X14, X12; \
	SHA1NEXTE X4, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $1, X2, X1; \
	SHA1MSG2 X4, X5; \
	SHA1MSG1 X4, X7; \
	PXOR X4, X6; \
	SHA1NEXTE X11, X9; \
	MOVO X8, X10; \
	SHA1RNDS4 $1, X9, X8; \
	SHA1MSG2 X11, X12; \
	SHA1MSG1 X11, X14; \
	PXOR X11, X13; \
	SHA1NEXTE X5, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $1, X3, X1; \
	SHA1MSG2 X5, X6; \
	SHA1MSG1 X5, X4; \
	PXOR X5, X7; \
	SHA1NEXTE X12, X10; \
	MOVO X8, X9; \
	SHA1RNDS4 $1, X10, X8; \
	SHA1MSG2 X12, X13; \
	SHA1MSG1 X12, X11; \
	PXOR X12, X14; \
	SHA1NEXTE X6, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $2, X2, X1; \
	SHA1MSG2 X6, X7; \
	SHA1MSG1 X6, X5; \
	PXOR X6, X4; \
	SHA1NEXTE X13, X9; \
	MOVO X8, X10; \
	SHA1RNDS4 $2, X9, X8; \
	SHA1MSG2 X13, X14; \
	SHA1MSG1 X13, X12; \
	PXOR X13, X11; \
	SHA1NEXTE X7, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $2, X3, X1; \
	SHA1MSG2 X7, X4; \
	SHA1MSG1 X7, X6; \
	PXOR X7, X5; \
	SHA1NEXTE X14, X10; \
	MOVO X8, X9; \
	SHA1RNDS4 $2, X10, X8; \
	SHA1MSG2 X14, X11; \
	SHA1MSG1 X14, X13; \
	PXOR X14, X12; \
	SHA1NEXTE X4, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $2, X2, X1; \
	SHA1MSG2 X4, X5; \
	SHA1MSG1 X4, X7; \
	PXOR X4, X6; \
	SHA1NEXTE X11, X9; \
	MOVO X8, X10; \
	SHA1RNDS4 $2, X9, X8; \
	SHA1MSG2 X11, X12; \
	SHA1MSG1 X11, X14; \
	PXOR X11, X13; \
	SHA1NEXTE X5, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $2, X3, X1; \
	SHA1MSG2 X5, X6; \
	SHA1MSG1 X5, X4; \
	PXOR X5, X7; \
	SHA1NEXTE X12, X10; \
	MOVO X8, X9; \
	SHA1RNDS4 $2, X10, X8; \
	SHA1MSG2 X12, X13; \
	SHA1MSG1 X12, X11; \
	PXOR X12, X14; \
	SHA1NEXTE X6, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $2, X2, X1; \
	SHA1MSG2 X6, X7; \
	SHA1MSG1 X6, X5; \
	PXOR X6, X4; \
	SHA1NEXTE X13, X9; \
	MOVO X8, X10; \
	SHA1RNDS4 $2, X9, X8; \
	SHA1MSG2 X13, X14; \
	SHA1MSG1 X13, X12; \
	PXOR X13, X11; \
	SHA1NEXTE X7, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $3, X3, X1; \
	SHA1MSG2 X7, X4; \
	SHA1MSG1 X7, X6; \
	PXOR X7, X5; \
	SHA1NEXTE X14, X10; \
	MOVO X8, X9; \
	SHA1RNDS4 $3, X10, X8; \
	SHA1MSG2 X14, X11; \
	SHA1MSG1 X14, X13; \
	PXOR X14, X12; \
	SHA1NEXTE X4, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $3, X2, X1; \
	SHA1MSG2 X4, X5; \
	SHA1MSG1 X4, X7; \
	PXOR X4, X6; \
	SHA1NEXTE X11, X9; \
	MOVO X8, X10; \
	SHA1RNDS4 $3, X9, X8; \
	SHA1MSG2 X11, X12; \
	SHA1MSG1 X11, X14; \
	PXOR X11, X13; \
	SHA1NEXTE X5, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $3, X3, X1; \
	SHA1MSG2 X5, X6; \
	PXOR X5, X7; \
	SHA1NEXTE X12, X10; \
	MOVO X8, X9; \
	SHA1RNDS4 $3, X10, X8; \
	SHA1MSG2 X12, X13; \
	PXOR X12, X14; \
	SHA1NEXTE X6, X2; \
	MOVO X1, X3; \
	SHA1RNDS4 $3, X2, X1; \
	SHA1MSG2 X6, X7; \
	SHA1NEXTE X13, X9; \
	MOVO X8, X10; \
	SHA1RNDS4 $3, X9, X8; \
	SHA1MSG2 X13, X14; \
	SHA1NEXTE X7, X3; \
	MOVO X1, X2; \
	SHA1RNDS4 $3, X3, X1; \
	SHA1NEXTE X14, X10; \
	MOVO X8, X9; \
	SHA1RNDS4 $3, X10, X8

// LOADSTATE loads A..E at off(R) into abcd and e (E high, rest zero).
#define LOADSTATE(off, R, abcd, e) \
	MOVOU  off(R), abcd; \
	PSHUFD $0x1b, abcd, abcd; \
	MOVL   off+16(R), e; \
	PSLLDQ $12, e

// STORESTATE stores abcd and e (E high) to off(R) as A..E; it clobbers e
// and X0.
#define STORESTATE(abcd, e, off, R) \
	PSHUFD $0x1b, abcd, X0; \
	MOVOU  X0, off(R); \
	PSRLDQ $12, e; \
	MOVL   e, off+16(R)

// func block1NI(h *[5]uint32, p []byte)
TEXT ·block1NI(SB), NOSPLIT, $0-32
	MOVQ h+0(FP), AX
	MOVQ p_base+8(FP), SI
	MOVQ p_len+16(FP), DX
	SHRQ $6, DX
	JZ   done
	MOVOU bswapall<>(SB), X15
	LOADSTATE(0, AX, X1, X2)

loop:
	MOVO   X1, X8
	MOVO   X2, X9
	MOVOU  0(SI), X4
	PSHUFB X15, X4
	MOVOU  16(SI), X5
	PSHUFB X15, X5
	MOVOU  32(SI), X6
	PSHUFB X15, X6
	MOVOU  48(SI), X7
	PSHUFB X15, X7
	ROUNDS
	SHA1NEXTE X9, X2
	PADDD     X8, X1
	ADDQ      $64, SI
	DECQ      DX
	JNZ       loop

	STORESTATE(X1, X2, 0, AX)

done:
	RET

// MSG loads the fixed-shape PBKDF2 message abcd || e || padding into
// m0-m3.
#define MSG(abcd, e, m0, m1, m2, m3) \
	MOVO  abcd, m0; \
	MOVO  e, m1; \
	MOVOU pad1<>+0(SB), X0; \
	POR   X0, m1; \
	PXOR  m2, m2; \
	MOVOU pad1<>+16(SB), m3

// func loop1NI(s *iter1, n int)
//
// X8, X9 and X10, X11: HMAC inner and outer chaining values; X12, X13: U;
// X14, X15: XOR of the U so far.
TEXT ·loop1NI(SB), NOSPLIT, $0-16
	MOVQ  s+0(FP), AX
	MOVQ  n+8(FP), CX
	TESTQ CX, CX
	JLE   done
	LOADSTATE(0, AX, X8, X9)
	LOADSTATE(20, AX, X10, X11)
	LOADSTATE(40, AX, X12, X13)
	LOADSTATE(60, AX, X14, X15)

loop:
	// Inner hash: U || padding under the inner key.
	MSG(X12, X13, X4, X5, X6, X7)
	MOVO X8, X1
	MOVO X9, X2
	ROUNDS
	SHA1NEXTE X9, X2
	PADDD     X8, X1

	// Outer hash: inner digest || padding under the outer key.
	MSG(X1, X2, X4, X5, X6, X7)
	MOVO X10, X1
	MOVO X11, X2
	ROUNDS
	SHA1NEXTE X11, X2
	PADDD     X10, X1
	MOVO      X1, X12
	MOVO      X2, X13
	PXOR      X1, X14
	PXOR      X2, X15

	DECQ CX
	JNZ  loop

	STORESTATE(X12, X13, 40, AX)
	STORESTATE(X14, X15, 60, AX)

done:
	RET

// Frame of loop1NIx2: chaining values and accumulators of both lanes in
// register form (ABCD, then E in the high dword and zeros).
#define ISA 0
#define OSA 32
#define ISB 64
#define OSB 96
#define ACCA 128
#define ACCB 160

// CHAIN loads the chaining values at a(SP) and b(SP) into the lanes.
#define CHAIN(a, b) \
	MOVOU a(SP), X1; \
	MOVOU a+16(SP), X2; \
	MOVOU b(SP), X8; \
	MOVOU b+16(SP), X9

// FINISH adds them after the rounds, leaving U in X1, X2 and X8, X9.
#define FINISH(a, b) \
	MOVOU     a+16(SP), X0; \
	SHA1NEXTE X0, X2; \
	MOVOU     a(SP), X0; \
	PADDD     X0, X1; \
	MOVOU     b+16(SP), X15; \
	SHA1NEXTE X15, X9; \
	MOVOU     b(SP), X15; \
	PADDD     X15, X8

// ACC XORs abcd and e into the accumulator at off(SP).
#define ACC(abcd, e, off) \
	MOVOU off(SP), X0; \
	PXOR  abcd, X0; \
	MOVOU X0, off(SP); \
	MOVOU off+16(SP), X0; \
	PXOR  e, X0; \
	MOVOU X0, off+16(SP)

// SPILL stores the state at off(R) in register form at to(SP).
#define SPILL(off, R, to) \
	LOADSTATE(off, R, X1, X2); \
	MOVOU X1, to(SP); \
	MOVOU X2, to+16(SP)

// func loop1NIx2(a, b *iter1, n int)
//
// loop1NI for two independent output blocks at once, as lanes A and B.
TEXT ·loop1NIx2(SB), NOSPLIT, $192-24
	MOVQ  a+0(FP), AX
	MOVQ  b+8(FP), BX
	MOVQ  n+16(FP), CX
	TESTQ CX, CX
	JLE   done
	SPILL(0, AX, ISA)
	SPILL(20, AX, OSA)
	SPILL(60, AX, ACCA)
	SPILL(0, BX, ISB)
	SPILL(20, BX, OSB)
	SPILL(60, BX, ACCB)
	LOADSTATE(40, AX, X1, X2)
	LOADSTATE(40, BX, X8, X9)

loop:
	MSG(X1, X2, X4, X5, X6, X7)
	MSG(X8, X9, X11, X12, X13, X14)
	CHAIN(ISA, ISB)
	ROUNDS_X2
	FINISH(ISA, ISB)
	MSG(X1, X2, X4, X5, X6, X7)
	MSG(X8, X9, X11, X12, X13, X14)
	CHAIN(OSA, OSB)
	ROUNDS_X2
	FINISH(OSA, OSB)
	ACC(X1, X2, ACCA)
	ACC(X8, X9, ACCB)
	DECQ CX
	JNZ  loop

	STORESTATE(X1, X2, 40, AX)
	STORESTATE(X8, X9, 40, BX)
	MOVOU ACCA(SP), X1
	MOVOU ACCA+16(SP), X2
	STORESTATE(X1, X2, 60, AX)
	MOVOU ACCB(SP), X1
	MOVOU ACCB+16(SP), X2
	STORESTATE(X1, X2, 60, BX)

done:
	RET

// PSHUFB mask reversing all 16 bytes: big-endian W[0..3] with W[0] high.
DATA bswapall<>+0x00(SB)/8, $0x08090a0b0c0d0e0f
DATA bswapall<>+0x08(SB)/8, $0x0001020304050607
GLOBL bswapall<>(SB), RODATA|NOPTR, $16

// Padding of the fixed-shape message after the 20-byte U: W[5] = 0x80000000
// (OR-ed into the register holding E as W[4]) and W[15] = 672, the length
// in bits of 64+20 bytes.
DATA pad1<>+0x00(SB)/8, $0
DATA pad1<>+0x08(SB)/8, $0x0000000080000000
DATA pad1<>+0x10(SB)/8, $672
DATA pad1<>+0x18(SB)/8, $0
GLOBL pad1<>(SB), RODATA|NOPTR, $32
