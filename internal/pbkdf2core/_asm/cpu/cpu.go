// Command cpu writes cpu_amd64.s: CPUID, for the features that
// golang.org/x/sys/cpu does not report.
package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/reg"

	"github.com/pwdigest/pwdigest/internal/pbkdf2core/_asm/internal/gen"
)

func main() {
	gen.Start()
	Implement("cpuid")
	Attributes(NOSPLIT)
	Load(Param("leaf"), EAX)
	Load(Param("sub"), ECX)
	CPUID()
	Store(EAX, Return("a"))
	Store(EBX, Return("b"))
	Store(ECX, Return("c"))
	Store(EDX, Return("d"))
	RET()
	Generate()
}
