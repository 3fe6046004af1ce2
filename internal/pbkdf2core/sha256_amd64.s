//go:build amd64 && gc && !purego

#include "textflag.h"

// SHA-256 with the x86 SHA extensions (FIPS 180-4 section 6.2; Intel SDM,
// SHA256RNDS2/SHA256MSG1/SHA256MSG2).
//
// Register use in the rounds:
//	X0       W+K of the next two rounds (implicit operand of SHA256RNDS2)
//	X1, X2   state as ABEF and CDGH (A in the high dword)
//	X3-X6    message words W[4i..4i+3] for i mod 4 = 0..3 (W[4i] low)
//	X7       scratch
// DI points at k256.

// First compute two rounds with W+K in the low half of X0, then the next
// two with the high half.
#define RNDS4 \
	SHA256RNDS2 X0, X1, X2; \
	PSHUFD      $0x0e, X0, X0; \
	SHA256RNDS2 X0, X2, X1

#define WK(m, k) \
	MOVO  m, X0; \
	PADDD k(DI), X0

// Rounds 4i..4i+3 also starting W[4i+16..4i+19] (msg1 of the previous
// group), W[4i+4..4i+7] (msg2, from m and the next group's msg1 value) as
// the schedule needs. m = W[4i..], mp = W[4i-4..], mn = W[4i+4-16..].
#define RNDS4_MSG1(m, mp) \
	RNDS4; \
	SHA256MSG1 m, mp

#define RNDS4_MSG2(m, mp, mn) \
	SHA256RNDS2 X0, X1, X2; \
	MOVO        m, X7; \
	PALIGNR     $4, mp, X7; \
	PADDD       X7, mn; \
	SHA256MSG2  m, mn; \
	PSHUFD      $0x0e, X0, X0; \
	SHA256RNDS2 X0, X2, X1

#define RNDS4_FULL(m, mp, mn) \
	RNDS4_MSG2(m, mp, mn); \
	SHA256MSG1 m, mp

// The 64 rounds on X1, X2, message in X3-X6; rounds 8..15 take W+K from
// kw8 and kw12 (the fixed-shape PBKDF2 message) when given.
#define ROUNDS(kw8, kw12) \
	WK(X3, 0*16); RNDS4; \
	WK(X4, 1*16); RNDS4_MSG1(X4, X3); \
	kw8; RNDS4_MSG1(X5, X4); \
	kw12; RNDS4_FULL(X6, X5, X3); \
	WK(X3, 4*16); RNDS4_FULL(X3, X6, X4); \
	WK(X4, 5*16); RNDS4_FULL(X4, X3, X5); \
	WK(X5, 6*16); RNDS4_FULL(X5, X4, X6); \
	WK(X6, 7*16); RNDS4_FULL(X6, X5, X3); \
	WK(X3, 8*16); RNDS4_FULL(X3, X6, X4); \
	WK(X4, 9*16); RNDS4_FULL(X4, X3, X5); \
	WK(X5, 10*16); RNDS4_FULL(X5, X4, X6); \
	WK(X6, 11*16); RNDS4_FULL(X6, X5, X3); \
	WK(X3, 12*16); RNDS4_FULL(X3, X6, X4); \
	WK(X4, 13*16); RNDS4_MSG2(X4, X3, X5); \
	WK(X5, 14*16); RNDS4_MSG2(X5, X4, X6); \
	WK(X6, 15*16); RNDS4

#define WK8 WK(X5, 2*16)
#define WK12 WK(X6, 3*16)
#define KW8 MOVOU kwpad256<>+0(SB), X0
#define KW12 MOVOU kwpad256<>+16(SB), X0

// TOSTATE turns a=[A,B,C,D], e=[E,F,G,H] (A in the low dword) into
// a=ABEF, e=CDGH. FROMSTATE(a, e, lo, hi) does the reverse into lo, hi.
#define TOSTATE(a, e) \
	PSHUFD     $0x1b, a, a; \
	PSHUFD     $0x1b, e, e; \
	MOVO       e, X7; \
	PUNPCKHQDQ a, X7; \
	PUNPCKLQDQ a, e; \
	MOVO       X7, a

#define FROMSTATE(a, e, lo, hi) \
	PSHUFD     $0x1b, a, a; \
	PSHUFD     $0x1b, e, e; \
	MOVO       a, lo; \
	PUNPCKLQDQ e, lo; \
	MOVO       a, hi; \
	PUNPCKHQDQ e, hi

// func block256NI(h *[8]uint32, p []byte)
TEXT ·block256NI(SB), NOSPLIT, $0-32
	MOVQ h+0(FP), AX
	MOVQ p_base+8(FP), SI
	MOVQ p_len+16(FP), DX
	SHRQ $6, DX
	JZ   done
	LEAQ k256<>(SB), DI
	MOVOU bswap32<>(SB), X15
	MOVOU (AX), X1
	MOVOU 16(AX), X2
	TOSTATE(X1, X2)

loop:
	MOVO   X1, X8
	MOVO   X2, X9
	MOVOU  0(SI), X3
	PSHUFB X15, X3
	MOVOU  16(SI), X4
	PSHUFB X15, X4
	MOVOU  32(SI), X5
	PSHUFB X15, X5
	MOVOU  48(SI), X6
	PSHUFB X15, X6
	ROUNDS(WK8, WK12)
	PADDD  X8, X1
	PADDD  X9, X2
	ADDQ   $64, SI
	DECQ   DX
	JNZ    loop

	FROMSTATE(X1, X2, X3, X4)
	MOVOU X3, (AX)
	MOVOU X4, 16(AX)

done:
	RET

// func loop256NI(s *iter256, n int)
//
// X8, X9 and X10, X11: HMAC inner and outer chaining values (ABEF, CDGH);
// X12, X13: U; X14, X15: XOR of the U so far (natural word order).
TEXT ·loop256NI(SB), NOSPLIT, $0-16
	MOVQ s+0(FP), AX
	MOVQ n+8(FP), CX
	TESTQ CX, CX
	JLE  done
	LEAQ k256<>(SB), DI
	MOVOU 0(AX), X8
	MOVOU 16(AX), X9
	TOSTATE(X8, X9)
	MOVOU 32(AX), X10
	MOVOU 48(AX), X11
	TOSTATE(X10, X11)
	MOVOU 64(AX), X12
	MOVOU 80(AX), X13
	MOVOU 96(AX), X14
	MOVOU 112(AX), X15

loop:
	// Inner hash: U || padding under the inner key.
	MOVO  X8, X1
	MOVO  X9, X2
	MOVO  X12, X3
	MOVO  X13, X4
	MOVOU pad256<>+0(SB), X5
	MOVOU pad256<>+16(SB), X6
	ROUNDS(KW8, KW12)
	PADDD X8, X1
	PADDD X9, X2
	FROMSTATE(X1, X2, X3, X4)

	// Outer hash: inner digest || padding under the outer key.
	MOVO  X10, X1
	MOVO  X11, X2
	MOVOU pad256<>+0(SB), X5
	MOVOU pad256<>+16(SB), X6
	ROUNDS(KW8, KW12)
	PADDD X10, X1
	PADDD X11, X2
	FROMSTATE(X1, X2, X12, X13)
	PXOR  X12, X14
	PXOR  X13, X15

	DECQ CX
	JNZ  loop

	MOVOU X12, 64(AX)
	MOVOU X13, 80(AX)
	MOVOU X14, 96(AX)
	MOVOU X15, 112(AX)

done:
	RET

// PSHUFB mask that byte-swaps each 32-bit word.
DATA bswap32<>+0x00(SB)/8, $0x0405060700010203
DATA bswap32<>+0x08(SB)/8, $0x0c0d0e0f08090a0b
GLOBL bswap32<>(SB), RODATA|NOPTR, $16

// W[8..15] of the fixed-shape PBKDF2 message: 0x80 after the 32-byte U,
// then the length, 768 bits.
DATA pad256<>+0x00(SB)/8, $0x0000000080000000
DATA pad256<>+0x08(SB)/8, $0
DATA pad256<>+0x10(SB)/8, $0
DATA pad256<>+0x18(SB)/8, $0x0000030000000000
GLOBL pad256<>(SB), RODATA|NOPTR, $32

// Round constants (FIPS 180-4 section 4.2.2), then W+K for rounds 8..15 of
// the fixed-shape message.
DATA k256<>+0x00(SB)/8, $0x71374491428a2f98
DATA k256<>+0x08(SB)/8, $0xe9b5dba5b5c0fbcf
DATA k256<>+0x10(SB)/8, $0x59f111f13956c25b
DATA k256<>+0x18(SB)/8, $0xab1c5ed5923f82a4
DATA k256<>+0x20(SB)/8, $0x12835b01d807aa98
DATA k256<>+0x28(SB)/8, $0x550c7dc3243185be
DATA k256<>+0x30(SB)/8, $0x80deb1fe72be5d74
DATA k256<>+0x38(SB)/8, $0xc19bf1749bdc06a7
DATA k256<>+0x40(SB)/8, $0xefbe4786e49b69c1
DATA k256<>+0x48(SB)/8, $0x240ca1cc0fc19dc6
DATA k256<>+0x50(SB)/8, $0x4a7484aa2de92c6f
DATA k256<>+0x58(SB)/8, $0x76f988da5cb0a9dc
DATA k256<>+0x60(SB)/8, $0xa831c66d983e5152
DATA k256<>+0x68(SB)/8, $0xbf597fc7b00327c8
DATA k256<>+0x70(SB)/8, $0xd5a79147c6e00bf3
DATA k256<>+0x78(SB)/8, $0x1429296706ca6351
DATA k256<>+0x80(SB)/8, $0x2e1b213827b70a85
DATA k256<>+0x88(SB)/8, $0x53380d134d2c6dfc
DATA k256<>+0x90(SB)/8, $0x766a0abb650a7354
DATA k256<>+0x98(SB)/8, $0x92722c8581c2c92e
DATA k256<>+0xa0(SB)/8, $0xa81a664ba2bfe8a1
DATA k256<>+0xa8(SB)/8, $0xc76c51a3c24b8b70
DATA k256<>+0xb0(SB)/8, $0xd6990624d192e819
DATA k256<>+0xb8(SB)/8, $0x106aa070f40e3585
DATA k256<>+0xc0(SB)/8, $0x1e376c0819a4c116
DATA k256<>+0xc8(SB)/8, $0x34b0bcb52748774c
DATA k256<>+0xd0(SB)/8, $0x4ed8aa4a391c0cb3
DATA k256<>+0xd8(SB)/8, $0x682e6ff35b9cca4f
DATA k256<>+0xe0(SB)/8, $0x78a5636f748f82ee
DATA k256<>+0xe8(SB)/8, $0x8cc7020884c87814
DATA k256<>+0xf0(SB)/8, $0xa4506ceb90befffa
DATA k256<>+0xf8(SB)/8, $0xc67178f2bef9a3f7
GLOBL k256<>(SB), RODATA|NOPTR, $256
DATA kwpad256<>+0x00(SB)/8, $0x12835b015807aa98
DATA kwpad256<>+0x08(SB)/8, $0x550c7dc3243185be
DATA kwpad256<>+0x10(SB)/8, $0x80deb1fe72be5d74
DATA kwpad256<>+0x18(SB)/8, $0xc19bf4749bdc06a7
GLOBL kwpad256<>(SB), RODATA|NOPTR, $32
