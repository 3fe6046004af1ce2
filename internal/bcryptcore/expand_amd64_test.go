//go:build amd64 && gc && !purego

package bcryptcore

import (
	"math/rand/v2"
	"testing"
)

// TestExpensiveBMI checks the assembly against the portable Go loop (the
// oracle) from random states and keys.
func TestExpensiveBMI(t *testing.T) {
	if !useAsm {
		t.Skip("CPU without BMI1: the assembly is not used")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for rounds := range uint64(20) {
		var st state
		for i := range st {
			st[i] = rng.Uint32()
		}
		var key, saltKey [18]uint32
		for i := range key {
			key[i], saltKey[i] = rng.Uint32(), rng.Uint32()
		}
		want, got := st, st
		want.expensiveGeneric(&key, &saltKey, rounds+1)
		expensiveBMI(&got, &key, &saltKey, rounds+1)
		if got != want {
			t.Fatalf("expensiveBMI differs from expensiveGeneric after %d rounds", rounds+1)
		}
	}
}
