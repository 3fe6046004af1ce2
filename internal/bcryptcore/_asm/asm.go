// Command asm generates ../expand_amd64.s, bcrypt's expensive loop with
// BMI1; run it with go generate ./internal/bcryptcore.
package main

import (
	"go/constant"
	"go/types"
	"log"

	. "github.com/mmcloughlin/avo/build"
	"github.com/mmcloughlin/avo/gotypes"
	"github.com/mmcloughlin/avo/ir"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
	"golang.org/x/tools/go/packages"

	_ "github.com/pwdigest/pwdigest/internal/bcryptcore" // keeps the module required
)

const pkg = "github.com/pwdigest/pwdigest/internal/bcryptcore"

func main() {
	Package(pkg)
	ConstraintExpr("amd64,gc,!purego")
	expensive()
	Generate()
}

// Registers: SI the state, DI the store pointer, AX and BX the block (L and
// R), CX DX R8 R9 round temporaries, R10 R11 the BEXTR controls, R12 the
// state's end, R13 and R14 the two keys.
var (
	st                = RSI
	l, r              = EAX, EBX
	t0, t1, t2, t3    = ECX, EDX, R8L, R9L
	ctl16, ctl8       = R10L, R11L
	end, key, saltKey = R12, R13, R14
)

// state is the Blowfish state at SI, typed as the package declares it.
var state gotypes.Component

// word is the address of word i of the state.
func word(i int) Mem { return addr(state.Index(i)) }

func addr(c gotypes.Component) Mem {
	b, err := c.Resolve()
	if err != nil {
		log.Fatal(err)
	}
	return b.Addr
}

func expensive() {
	Implement("expensiveBMI")
	Attributes(NOSPLIT)
	Load(Param("c"), st)
	state = Param("c").Dereference(st)
	Load(Param("key"), key)
	Load(Param("saltKey"), saltKey)
	MOVL(U32(0x0810), ctl16) // 8 bits from bit 16
	MOVL(U32(0x0808), ctl8)  // 8 bits from bit 8
	LEAQ(word(constInt("s3")+255).Offset(4), end)

	Label("round")
	expand0(key, "key")
	expand0(saltKey, "saltKey")
	DECQ(addr(Param("rounds")))
	JNZ(LabelRef("round"))
	RET()
}

// expand0 is ExpandKey(state, 0, k): P ^= k, then the chain of encryptions
// from the zero block that replaces P and the S-boxes.
func expand0(k GPPhysical, name string) {
	Commentf("ExpandKey(state, 0, %s)", name)
	keyWords := Param(name).Dereference(k)
	for i := 0; i < 18; i += 2 {
		MOVQ(addr(keyWords.Index(i)), RCX)
		XORQ(RCX, word(i))
	}
	XORL(l, l)
	XORL(r, r)
	MOVQ(st, RDI)
	// avo has no PCALIGN; the assembler takes it as any instruction.
	Instruction(&ir.Instruction{Opcode: "PCALIGN", Operands: []Op{U8(32)}})
	Label("loop_" + name)
	encrypt()
	MOVL(l, Mem{Base: RDI})
	MOVL(r, Mem{Base: RDI, Disp: 4})
	ADDQ(U8(8), RDI)
	CMPQ(RDI, end)
	JB(LabelRef("loop_" + name))
}

// encrypt enciphers (l, r) with the state.
func encrypt() {
	XORL(word(0), l)
	for n := 1; n <= 16; n += 2 {
		round(l, r, n)
		round(r, l, n+1)
	}
	XORL(word(17), r)
	MOVL(l, t0)
	MOVL(r, l)
	MOVL(t0, r)
}

// round is r ^= P[n] ^ F(l). The critical path runs from l through an index
// and an S-box load to the add, xor, add into r; BEXTR takes byte 2 (and
// byte 1) of l in one instruction where a shift and a zero-extension take
// two.
func round(l, r GPPhysical, n int) {
	MOVL(l, t0)
	SHRL(U8(24), t0)
	BEXTRL(ctl16, l, t1)
	BEXTRL(ctl8, l, t2)
	MOVBLZX(l.As8(), t3)
	MOVL(sbox("s0", t0), t0)
	ADDL(sbox("s1", t1), t0)
	XORL(sbox("s2", t2), t0)
	ADDL(sbox("s3", t3), t0)
	XORL(word(n), r)
	XORL(t0, r)
}

// sbox addresses entry i of the S-box that starts at the package's constant
// name.
func sbox(name string, i GPPhysical) Mem {
	m := word(constInt(name))
	m.Index, m.Scale = i.As64(), 4
	return m
}

var consts *types.Scope

// constInt returns the value of the package's integer constant name.
func constInt(name string) int {
	if consts == nil {
		pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo}, pkg)
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
