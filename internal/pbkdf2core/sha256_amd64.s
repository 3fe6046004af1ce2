//go:build amd64 && gc && !purego

#include "textflag.h"

// SHA-256 with the x86 SHA extensions (FIPS 180-4 section 6.2; Intel SDM,
// SHA256RNDS2/SHA256MSG1/SHA256MSG2).
//
// Registers of one compression ("lane"):
//	s0, s1       state as ABEF and CDGH (A in the high dword)
//	m0-m3        message words W[4i..4i+3] for i mod 4 = 0..3 (W[4i] low)
//	t            scratch
//	X0           W+K of the next two rounds (implicit operand of
//	             SHA256RNDS2), shared by the lanes
// DI points at k256.
//
// SHA256RNDS2 is bound by its latency; two independent lanes with their
// instructions interleaved run in about the time of one.

// Two rounds with W+K in the low half of X0, then two with the high half.
#define RNDS4(s0, s1) \
	SHA256RNDS2 X0, s0, s1; \
	PSHUFD      $0x0e, X0, X0; \
	SHA256RNDS2 X0, s1, s0

#define WK(m, k) \
	MOVO  m, X0; \
	PADDD k(DI), X0

// Group i runs rounds 4i..4i+3 with m = W[4i..4i+3], W+K already in X0,
// and advances the schedule W[t] = σ1(W[t-2]) + W[t-7] + σ0(W[t-15]) +
// W[t-16]: SHA256MSG1 adds σ0 into mp = W[4i-4..] (groups 1-12); PALIGNR,
// PADDD and SHA256MSG2 finish W[4i+4..] in mn, which held W[4i-12..]
// (groups 3-14).
#define G_MSG1(s0, s1, m, mp) \
	RNDS4(s0, s1); \
	SHA256MSG1 m, mp

#define G_MSG2(s0, s1, m, mp, mn, t) \
	SHA256RNDS2 X0, s0, s1; \
	MOVO        m, t; \
	PALIGNR     $4, mp, t; \
	PADDD       t, mn; \
	SHA256MSG2  m, mn; \
	PSHUFD      $0x0e, X0, X0; \
	SHA256RNDS2 X0, s1, s0

#define G_FULL(s0, s1, m, mp, mn, t) \
	G_MSG2(s0, s1, m, mp, mn, t); \
	SHA256MSG1 m, mp

// The 16 groups of one lane. G2 and G3 leave W+K to the caller (KW2/KW3),
// to take precomputed values for the fixed-shape PBKDF2 message.
#define G0(s0, s1, m0, m1, m2, m3, t) WK(m0, 0*16); RNDS4(s0, s1)
#define G1(s0, s1, m0, m1, m2, m3, t) WK(m1, 1*16); G_MSG1(s0, s1, m1, m0)
#define G2(s0, s1, m0, m1, m2, m3, t) G_MSG1(s0, s1, m2, m1)
#define G3(s0, s1, m0, m1, m2, m3, t) G_FULL(s0, s1, m3, m2, m0, t)
#define G4(s0, s1, m0, m1, m2, m3, t, k) WK(m0, k); G_FULL(s0, s1, m0, m3, m1, t)
#define G5(s0, s1, m0, m1, m2, m3, t, k) WK(m1, k); G_FULL(s0, s1, m1, m0, m2, t)
#define G6(s0, s1, m0, m1, m2, m3, t, k) WK(m2, k); G_FULL(s0, s1, m2, m1, m3, t)
#define G7(s0, s1, m0, m1, m2, m3, t, k) WK(m3, k); G_FULL(s0, s1, m3, m2, m0, t)
#define G13(s0, s1, m0, m1, m2, m3, t) WK(m1, 13*16); G_MSG2(s0, s1, m1, m0, m2, t)
#define G14(s0, s1, m0, m1, m2, m3, t) WK(m2, 14*16); G_MSG2(s0, s1, m2, m1, m3, t)
#define G15(s0, s1, m0, m1, m2, m3, t) WK(m3, 15*16); RNDS4(s0, s1)

// W+K of groups 2 and 3: from the message, or precomputed for the
// fixed-shape PBKDF2 message.
#define WK2(m0, m1, m2, m3) WK(m2, 2*16)
#define WK3(m0, m1, m2, m3) WK(m3, 3*16)
#define KW2(m0, m1, m2, m3) MOVOU kwpad256<>+0(SB), X0
#define KW3(m0, m1, m2, m3) MOVOU kwpad256<>+16(SB), X0

// The 64 rounds of lane A: state X1, X2, message X3-X6, scratch X7.
#define ROUNDS(wk2, wk3) \
	G0(X1, X2, X3, X4, X5, X6, X7); \
	G1(X1, X2, X3, X4, X5, X6, X7); \
	wk2(X3, X4, X5, X6); \
	G2(X1, X2, X3, X4, X5, X6, X7); \
	wk3(X3, X4, X5, X6); \
	G3(X1, X2, X3, X4, X5, X6, X7); \
	G4(X1, X2, X3, X4, X5, X6, X7, 4*16); \
	G5(X1, X2, X3, X4, X5, X6, X7, 5*16); \
	G6(X1, X2, X3, X4, X5, X6, X7, 6*16); \
	G7(X1, X2, X3, X4, X5, X6, X7, 7*16); \
	G4(X1, X2, X3, X4, X5, X6, X7, 8*16); \
	G5(X1, X2, X3, X4, X5, X6, X7, 9*16); \
	G6(X1, X2, X3, X4, X5, X6, X7, 10*16); \
	G7(X1, X2, X3, X4, X5, X6, X7, 11*16); \
	G4(X1, X2, X3, X4, X5, X6, X7, 12*16); \
	G13(X1, X2, X3, X4, X5, X6, X7); \
	G14(X1, X2, X3, X4, X5, X6, X7); \
	G15(X1, X2, X3, X4, X5, X6, X7)

// The rounds of two lanes, interleaved group by group: lane A as above,
// lane B with state X8, X9, message X10-X13, scratch X14.
#define ROUNDS_X2 \
	G0(X1, X2, X3, X4, X5, X6, X7); \
	G0(X8, X9, X10, X11, X12, X13, X14); \
	G1(X1, X2, X3, X4, X5, X6, X7); \
	G1(X8, X9, X10, X11, X12, X13, X14); \
	KW2(X3, X4, X5, X6); \
	G2(X1, X2, X3, X4, X5, X6, X7); \
	KW2(X10, X11, X12, X13); \
	G2(X8, X9, X10, X11, X12, X13, X14); \
	KW3(X3, X4, X5, X6); \
	G3(X1, X2, X3, X4, X5, X6, X7); \
	KW3(X10, X11, X12, X13); \
	G3(X8, X9, X10, X11, X12, X13, X14); \
	G4(X1, X2, X3, X4, X5, X6, X7, 4*16); \
	G4(X8, X9, X10, X11, X12, X13, X14, 4*16); \
	G5(X1, X2, X3, X4, X5, X6, X7, 5*16); \
	G5(X8, X9, X10, X11, X12, X13, X14, 5*16); \
	G6(X1, X2, X3, X4, X5, X6, X7, 6*16); \
	G6(X8, X9, X10, X11, X12, X13, X14, 6*16); \
	G7(X1, X2, X3, X4, X5, X6, X7, 7*16); \
	G7(X8, X9, X10, X11, X12, X13, X14, 7*16); \
	G4(X1, X2, X3, X4, X5, X6, X7, 8*16); \
	G4(X8, X9, X10, X11, X12, X13, X14, 8*16); \
	G5(X1, X2, X3, X4, X5, X6, X7, 9*16); \
	G5(X8, X9, X10, X11, X12, X13, X14, 9*16); \
	G6(X1, X2, X3, X4, X5, X6, X7, 10*16); \
	G6(X8, X9, X10, X11, X12, X13, X14, 10*16); \
	G7(X1, X2, X3, X4, X5, X6, X7, 11*16); \
	G7(X8, X9, X10, X11, X12, X13, X14, 11*16); \
	G4(X1, X2, X3, X4, X5, X6, X7, 12*16); \
	G4(X8, X9, X10, X11, X12, X13, X14, 12*16); \
	G13(X1, X2, X3, X4, X5, X6, X7); \
	G13(X8, X9, X10, X11, X12, X13, X14); \
	G14(X1, X2, X3, X4, X5, X6, X7); \
	G14(X8, X9, X10, X11, X12, X13, X14); \
	G15(X1, X2, X3, X4, X5, X6, X7); \
	G15(X8, X9, X10, X11, X12, X13, X14)

// TOSTATE turns a=[A,B,C,D], e=[E,F,G,H] (A in the low dword) into
// a=ABEF, e=CDGH. FROMSTATE(a, e, lo, hi) does the reverse into lo, hi.
#define TOSTATE(a, e, t) \
	PSHUFD     $0x1b, a, a; \
	PSHUFD     $0x1b, e, e; \
	MOVO       e, t; \
	PUNPCKHQDQ a, t; \
	PUNPCKLQDQ a, e; \
	MOVO       t, a

#define FROMSTATE(a, e, lo, hi) \
	PSHUFD     $0x1b, a, a; \
	PSHUFD     $0x1b, e, e; \
	MOVO       a, lo; \
	PUNPCKLQDQ e, lo; \
	MOVO       a, hi; \
	PUNPCKHQDQ e, hi

// func block256NI(h *[8]uint32, p []byte)
TEXT ·block256NI(SB), NOSPLIT, $0-32
	MOVQ  h+0(FP), AX
	MOVQ  p_base+8(FP), SI
	MOVQ  p_len+16(FP), DX
	SHRQ  $6, DX
	JZ    done
	LEAQ  k256<>(SB), DI
	MOVOU bswap32<>(SB), X15
	MOVOU (AX), X1
	MOVOU 16(AX), X2
	TOSTATE(X1, X2, X7)

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
	ROUNDS(WK2, WK3)
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
	MOVQ  s+0(FP), AX
	MOVQ  n+8(FP), CX
	TESTQ CX, CX
	JLE   done
	LEAQ  k256<>(SB), DI
	MOVOU 0(AX), X8
	MOVOU 16(AX), X9
	TOSTATE(X8, X9, X7)
	MOVOU 32(AX), X10
	MOVOU 48(AX), X11
	TOSTATE(X10, X11, X7)
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
	ROUNDS(KW2, KW3)
	PADDD X8, X1
	PADDD X9, X2
	FROMSTATE(X1, X2, X3, X4)

	// Outer hash: inner digest || padding under the outer key.
	MOVO  X10, X1
	MOVO  X11, X2
	MOVOU pad256<>+0(SB), X5
	MOVOU pad256<>+16(SB), X6
	ROUNDS(KW2, KW3)
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

// Frame of loop256NIx2: the chaining values of both lanes as ABEF, CDGH.
#define ISA 0
#define OSA 32
#define ISB 64
#define OSB 96

// CHAIN loads the chaining values at a(SP) and b(SP) into the lane states.
#define CHAIN(a, b) \
	MOVOU a(SP), X1; \
	MOVOU a+16(SP), X2; \
	MOVOU b(SP), X8; \
	MOVOU b+16(SP), X9

// FINISH adds the chaining values at a(SP) and b(SP) and leaves the words
// in natural order as the next message: X3, X4 and X10, X11.
#define FINISH(a, b) \
	MOVOU a(SP), X15; \
	PADDD X15, X1; \
	MOVOU a+16(SP), X15; \
	PADDD X15, X2; \
	MOVOU b(SP), X15; \
	PADDD X15, X8; \
	MOVOU b+16(SP), X15; \
	PADDD X15, X9; \
	FROMSTATE(X1, X2, X3, X4); \
	FROMSTATE(X8, X9, X10, X11)

#define PADS \
	MOVOU pad256<>+0(SB), X5; \
	MOVOU pad256<>+16(SB), X6; \
	MOVOU pad256<>+0(SB), X12; \
	MOVOU pad256<>+16(SB), X13

// ACC XORs u and v into the accumulator at 96(R).
#define ACC(R, u, v) \
	MOVOU 96(R), X15; \
	PXOR  u, X15; \
	MOVOU X15, 96(R); \
	MOVOU 112(R), X15; \
	PXOR  v, X15; \
	MOVOU X15, 112(R)

// func loop256NIx2(a, b *iter256, n int)
//
// loop256NI for two independent output blocks at once, as lanes A and B.
// U stays in X3, X4 and X10, X11; the XOR of the U is kept in a and b.
TEXT ·loop256NIx2(SB), NOSPLIT, $128-24
	MOVQ  a+0(FP), AX
	MOVQ  b+8(FP), BX
	MOVQ  n+16(FP), CX
	TESTQ CX, CX
	JLE   done
	LEAQ  k256<>(SB), DI
	MOVOU 0(AX), X1
	MOVOU 16(AX), X2
	TOSTATE(X1, X2, X7)
	MOVOU X1, ISA(SP)
	MOVOU X2, ISA+16(SP)
	MOVOU 32(AX), X1
	MOVOU 48(AX), X2
	TOSTATE(X1, X2, X7)
	MOVOU X1, OSA(SP)
	MOVOU X2, OSA+16(SP)
	MOVOU 0(BX), X1
	MOVOU 16(BX), X2
	TOSTATE(X1, X2, X7)
	MOVOU X1, ISB(SP)
	MOVOU X2, ISB+16(SP)
	MOVOU 32(BX), X1
	MOVOU 48(BX), X2
	TOSTATE(X1, X2, X7)
	MOVOU X1, OSB(SP)
	MOVOU X2, OSB+16(SP)
	MOVOU 64(AX), X3
	MOVOU 80(AX), X4
	MOVOU 64(BX), X10
	MOVOU 80(BX), X11

loop:
	CHAIN(ISA, ISB)
	PADS
	ROUNDS_X2
	FINISH(ISA, ISB)
	CHAIN(OSA, OSB)
	PADS
	ROUNDS_X2
	FINISH(OSA, OSB)
	ACC(AX, X3, X4)
	ACC(BX, X10, X11)
	DECQ CX
	JNZ  loop

	MOVOU X3, 64(AX)
	MOVOU X4, 80(AX)
	MOVOU X10, 64(BX)
	MOVOU X11, 80(BX)

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
