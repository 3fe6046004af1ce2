// Package gen holds what the assembly generators of pbkdf2core share.
package gen

import (
	"log"
	"os"

	. "github.com/mmcloughlin/avo/build"
	"github.com/mmcloughlin/avo/gotypes"
	. "github.com/mmcloughlin/avo/operand"
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
