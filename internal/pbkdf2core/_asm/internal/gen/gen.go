// Package gen holds what the assembly generators of pbkdf2core share.
package gen

import (
	"log"
	"os"

	. "github.com/mmcloughlin/avo/build"
	"github.com/mmcloughlin/avo/gotypes"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// Pkg is the package the assembly belongs to.
const Pkg = "github.com/pwdigest/pwdigest/internal/pbkdf2core"

// Start loads Pkg, whose declarations give the function signatures and the
// struct layouts, as the amd64 build sees it whatever the host, and sets the
// build constraint of the assembly.
func Start() {
	if err := os.Setenv("GOARCH", "amd64"); err != nil {
		log.Fatal(err)
	}
	Package(Pkg)
	ConstraintExpr("amd64,gc,!purego")
}

// Addr is the address of c, which must be a basic value or an array of
// them (then: of its first element).
func Addr(c gotypes.Component) Mem {
	b, err := c.Resolve()
	if err != nil {
		b, err = c.Index(0).Resolve()
	}
	if err != nil {
		log.Fatal(err)
	}
	return b.Addr
}

// Words32 declares a read-only table of 32-bit words.
func Words32(name string, words []uint32) Mem {
	m := GLOBL(name, RODATA|NOPTR)
	for i, w := range words {
		DATA(4*i, U32(w))
	}
	return m
}

// Words64 declares a read-only table of 64-bit words.
func Words64(name string, words []uint64) Mem {
	m := GLOBL(name, RODATA|NOPTR)
	for i, w := range words {
		DATA(8*i, U64(w))
	}
	return m
}

// BlockStart begins the function name(h *[8]W, p []byte), which compresses
// the whole blocks of p (1<<shift bytes each) into h: it loads h into hr,
// p into SI and its block count into DX, and jumps to "done" if that is 0.
// It returns the address of h.
func BlockStart(name string, hr GPPhysical, shift uint8) Mem {
	Implement(name)
	h := Addr(Param("h").Dereference(Load(Param("h"), hr)))
	Load(Param("p").Base(), RSI)
	Load(Param("p").Len(), RDX)
	SHRQ(U8(shift), RDX)
	JZ(LabelRef("done"))
	return h
}

// Load2 loads the 32 bytes at m into lo and hi.
func Load2(m Mem, lo, hi VecPhysical) {
	MOVOU(m, lo)
	MOVOU(m.Offset(16), hi)
}

// Store2 stores lo and hi to the 32 bytes at m.
func Store2(lo, hi VecPhysical, m Mem) {
	MOVOU(lo, m)
	MOVOU(hi, m.Offset(16))
}

// XorInto XORs lo and hi into the 32 bytes at m, through t.
func XorInto(lo, hi VecPhysical, m Mem, t VecPhysical) {
	for i, x := range []VecPhysical{lo, hi} {
		MOVOU(m.Offset(16*i), t)
		PXOR(x, t)
		MOVOU(t, m.Offset(16*i))
	}
}
