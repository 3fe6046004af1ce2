//go:build gc && !purego

package bcryptcore

import (
	"math/rand/v2"
	"testing"
)

// TestExpand0BMI checks the assembly against the portable Go expand0 (the
// oracle) from random states and keys.
func TestExpand0BMI(t *testing.T) {
	if !useBMI {
		t.Skip("CPU without BMI1: the assembly is not used")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20 {
		var st state
		for i := range st {
			st[i] = rng.Uint32()
		}
		var key [18]uint32
		for i := range key {
			key[i] = rng.Uint32()
		}
		want, got := st, st
		for range 3 {
			want.expand0(&key)
			expand0BMI(&got, &key)
		}
		if got != want {
			t.Fatal("expand0BMI differs from expand0")
		}
	}
}
