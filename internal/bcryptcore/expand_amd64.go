//go:build amd64 && gc && !purego

package bcryptcore

import "golang.org/x/sys/cpu"

//go:generate go run -C _asm . -out ../expand_amd64.s -pkg bcryptcore

// expensiveBMI is expensiveGeneric in assembly. It takes bytes 1 and 2 of a
// round's input with BMI1's BEXTR: one instruction instead of a shift and a
// zero-extension, which shortens each round's critical path by one cycle on
// AMD Zen. rounds must be at least 1.
//
//go:noescape
func expensiveBMI(c *state, key, saltKey *[18]uint32, rounds uint64)

// useAsm selects the assembly; tests clear it to run the portable code.
var useAsm = cpu.X86.HasBMI1

func (c *state) expensive(key, saltKey *[18]uint32, rounds uint64) {
	if !useAsm {
		c.expensiveGeneric(key, saltKey, rounds)
		return
	}
	for rounds > 0 {
		n := min(rounds, chunkRounds)
		expensiveChunk(c, key, saltKey, n)
		rounds -= n
	}
}

// chunkRounds bounds the work of one assembly call: 8 rounds are 16
// ExpandKeys, about half a millisecond.
const chunkRounds = 8

// expensiveChunk calls the assembly from a function of its own: its prologue
// is where the runtime can stop this goroutine for a collection, which it
// cannot do inside assembly.
//
//go:noinline
func expensiveChunk(c *state, key, saltKey *[18]uint32, rounds uint64) {
	expensiveBMI(c, key, saltKey, rounds)
}
