//go:build gc && !purego

#include "textflag.h"

// Byte offsets in state: P at 0, S0 at 72, S1 at 1096, S2 at 2120, S3 at 3144,
// end at 4168. Registers: SI state, DI key then store pointer, AX/BX the block
// (L/R), CX/DX/R8/R9 round temporaries, R10/R11 BEXTR controls, R12 end.

// ROUND: r ^= P[n] ^ F(l). The critical path is l -> index -> S-box load ->
// add, xor, add -> r. BEXTR (BMI1) takes byte 2 of l in one instruction where
// a shift and a zero-extension take two; R10 = 0x0810 (8 bits from bit 16),
// R11 = 0x0808 (8 bits from bit 8).
#define ROUND(l, r, n) \
	MOVL l, CX; \
	SHRL $24, CX; \
	BEXTRL R10, l, DX; \
	BEXTRL R11, l, R8; \
	MOVBLZX l, R9; \
	MOVL 72(SI)(CX*4), CX; \
	ADDL 1096(SI)(DX*4), CX; \
	XORL 2120(SI)(R8*4), CX; \
	ADDL 3144(SI)(R9*4), CX; \
	XORL (4*n)(SI), r; \
	XORL CX, r

#define ENCRYPT \
	XORL 0(SI), AX; \
	ROUND(AX, BX, 1); \
	ROUND(BX, AX, 2); \
	ROUND(AX, BX, 3); \
	ROUND(BX, AX, 4); \
	ROUND(AX, BX, 5); \
	ROUND(BX, AX, 6); \
	ROUND(AX, BX, 7); \
	ROUND(BX, AX, 8); \
	ROUND(AX, BX, 9); \
	ROUND(BX, AX, 10); \
	ROUND(AX, BX, 11); \
	ROUND(BX, AX, 12); \
	ROUND(AX, BX, 13); \
	ROUND(BX, AX, 14); \
	ROUND(AX, BX, 15); \
	ROUND(BX, AX, 16); \
	XORL 68(SI), BX; \
	MOVL AX, CX; \
	MOVL BX, AX; \
	MOVL CX, BX

#define XORKEY(k) \
	MOVQ 0(k), CX; XORQ CX, 0(SI); \
	MOVQ 8(k), CX; XORQ CX, 8(SI); \
	MOVQ 16(k), CX; XORQ CX, 16(SI); \
	MOVQ 24(k), CX; XORQ CX, 24(SI); \
	MOVQ 32(k), CX; XORQ CX, 32(SI); \
	MOVQ 40(k), CX; XORQ CX, 40(SI); \
	MOVQ 48(k), CX; XORQ CX, 48(SI); \
	MOVQ 56(k), CX; XORQ CX, 56(SI); \
	MOVQ 64(k), CX; XORQ CX, 64(SI)

// func expand0BMI(c *state, key *[18]uint32)
//
// One ExpandKey(state, 0, key) per call keeps each stretch of assembly short
// (tens of microseconds), so goroutine preemption and GC stay responsive.
TEXT ·expand0BMI(SB), NOSPLIT, $0-16
	MOVQ c+0(FP), SI
	MOVQ key+8(FP), DI
	XORKEY(DI)
	MOVL $0x0810, R10
	MOVL $0x0808, R11
	LEAQ 4168(SI), R12
	XORL AX, AX
	XORL BX, BX
	MOVQ SI, DI
	PCALIGN $32

loop:
	ENCRYPT
	MOVL AX, 0(DI)
	MOVL BX, 4(DI)
	ADDQ $8, DI
	CMPQ DI, R12
	JB loop
	RET
