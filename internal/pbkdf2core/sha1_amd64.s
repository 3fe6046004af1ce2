//go:build amd64 && gc && !purego

#include "textflag.h"

// SHA-1 with the x86 SHA extensions (FIPS 180-4 section 6.1; Intel SDM,
// SHA1RNDS4/SHA1NEXTE/SHA1MSG1/SHA1MSG2).
//
// Register use in the rounds:
//	X1       A, B, C, D (A in the high dword)
//	X2, X3   E (high dword) plus W for the next four rounds; they
//	         alternate, one holding ABCD of four rounds back
//	X4-X7    message words W[4i..4i+3] for i mod 4 = 0..3 (W[4i] high)
// On entry X2 holds E with the low three dwords zero; on exit X2 holds
// ABCD from before the last four rounds.
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

// MSG loads the fixed-shape PBKDF2 message abcd || e || padding into X4-X7.
#define MSG(abcd, e) \
	MOVO  abcd, X4; \
	MOVO  e, X5; \
	MOVOU pad1<>+0(SB), X0; \
	POR   X0, X5; \
	PXOR  X6, X6; \
	MOVOU pad1<>+16(SB), X7

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
	MSG(X12, X13)
	MOVO X8, X1
	MOVO X9, X2
	ROUNDS
	SHA1NEXTE X9, X2
	PADDD     X8, X1

	// Outer hash: inner digest || padding under the outer key.
	MSG(X1, X2)
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
