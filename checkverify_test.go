package pwdigest

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCheckAcceptedVerifyNotRefusedForCost is the property "whatever Check
// accepts on a Verifier, Verify on that Verifier never refuses for cost",
// across every built-in hasher, on Verifiers with the default budget, a
// small budget, and custom limits. The digests are the producers' vectors,
// the malformed fixtures' lines, and digests made here at a spread of
// memory costs around the budgets. Limits stay cheap so every Verify is
// quick.
func TestCheckAcceptedVerifyNotRefusedForCost(t *testing.T) {
	type sample struct{ hasher, digest, password string }
	var samples []sample
	for _, vs := range loadVectors(t) {
		for _, v := range vs {
			samples = append(samples, sample{v.Hasher, v.Digest, v.Password})
		}
	}
	for _, h := range builtinHashers(t) {
		mf := loadMalformed(t, filepath.Join("testdata", "malformed", h+".txt"))
		samples = append(samples, sample{h, mf.valid, mf.password})
		for _, c := range mf.cases {
			samples = append(samples, sample{h, c.digest, mf.password})
		}
		// Made here, around the budgets below.
		for _, costs := range []map[*Param]int64{
			{Argon2Memory: 8}, {Argon2Memory: 200}, {Argon2Memory: 256, Argon2Threads: 2}, {Argon2Memory: 1024},
			{ScryptN: 2}, {ScryptN: 256, ScryptR: 8}, {ScryptN: 1024, ScryptR: 1, ScryptP: 2}, {ScryptN: 2048, ScryptR: 8},
			{FirebaseMemCost: 6, FirebaseRounds: 2}, {FirebaseMemCost: 9, FirebaseRounds: 8},
		} {
			pol := Policy{Costs: map[*Param]int64{}}
			for p, v := range fastPolicy.Costs {
				pol.Costs[p] = v
			}
			for p, v := range costs {
				pol.Costs[p] = v
			}
			if d, err := (&Verifier{Policy: pol}).Hash(h, "pw"); err == nil {
				samples = append(samples, sample{h, d, "pw"})
			}
		}
	}
	cheap := Limits{}
	for p, v := range fuzzLimits {
		cheap[p] = v
	}
	custom := Limits{Argon2Memory: 300, Argon2Threads: 1, ScryptMemory: 300 << 10, ScryptP: 1, MinHashBytes: 20, MaxHashBytes: 64}
	for p, v := range fuzzLimits {
		if _, ok := custom[p]; !ok {
			custom[p] = v
		}
	}
	for _, c := range []struct {
		name string
		v    *Verifier
	}{
		{"default budget", &Verifier{Limits: cheap}},
		{"small budget", &Verifier{Limits: cheap, Budget: NewMemoryBudget(200 << 10)}},
		{"custom limits", &Verifier{Limits: custom, Budget: NewMemoryBudget(250 << 10)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var accepted, refusedForBudget, memoryHard int
			for _, s := range samples {
				err := c.v.Check(s.hasher, s.digest)
				if err != nil {
					if strings.Contains(err.Error(), "whole budget") {
						refusedForBudget++
					}
					continue
				}
				accepted++
				if p, _ := c.v.parse(mustScheme(t, s.hasher), s.digest); p.memory() > 0 {
					memoryHard++
				}
				_, err = c.v.Verify(s.hasher, s.digest, s.password)
				assert.False(t, errors.Is(err, ErrParamsOutOfRange), "%s %q: Check accepted, Verify: %v", s.hasher, s.digest, err)
			}
			t.Logf("%d samples, %d accepted (%d memory-hard), %d refused by the budget", len(samples), accepted, memoryHard, refusedForBudget)
			require.Greater(t, accepted, 100)
			require.Greater(t, memoryHard, 10)
			if c.v.Budget != nil {
				require.Greater(t, refusedForBudget, 0, "the budget refuses some")
			}
		})
	}
}

func mustScheme(t *testing.T, name string) *scheme {
	s, _, err := builtin(name)
	require.NoError(t, err)
	require.NotNil(t, s)
	return s
}
