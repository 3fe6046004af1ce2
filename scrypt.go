package pwdigest

import (
	"github.com/pwdigest/pwdigest/internal/scryptcore"
)

// Shared by the scrypt-based schemes (Firebase, Werkzeug). The computation is
// internal/scryptcore: BlockMix in SSE2/AVX assembly on amd64, and V buffers
// pooled between calls instead of allocated for each.

// scryptParams are checked scrypt costs.
type scryptParams struct{ n, r, p int }

// checkScrypt validates the costs against scrypt's own bounds and l.
func checkScrypt(name string, n, r, p int, l *Limits) (scryptParams, error) {
	if n < 2 || n&(n-1) != 0 {
		return scryptParams{}, outOfRange(name+" N", n, "powers of two from 2")
	}
	if r < 1 || p < 1 || uint64(r)*uint64(p) >= 1<<30 {
		return scryptParams{}, outOfRange(name+" r·p", uint64(r)*uint64(p), "1..2^30-1")
	}
	if p > l.ScryptP {
		return scryptParams{}, overLimit(name+" p", p, l.ScryptP)
	}
	// 128·N·r·p, computed without overflow: each factor is below 2^31.
	if mem := 128 * uint64(n) * uint64(r) * uint64(p); mem/uint64(p)/uint64(r)/128 != uint64(n) || mem > uint64(l.ScryptMemory) {
		return scryptParams{}, overLimit(name+" memory 128·N·r·p", mem, l.ScryptMemory)
	}
	return scryptParams{n, r, p}, nil
}

// memory is what the core holds: V (128·r·N), B (128·r·p) and XY.
func (s scryptParams) memory() int64 {
	return scryptcore.MemoryBytes(s.n, s.r, s.p)
}

func (s scryptParams) key(password, salt []byte, keyLen int) ([]byte, error) {
	return scryptcore.Key(password, salt, s.n, s.r, s.p, keyLen)
}

// weaker compares the memory-time product N·r·p with the policy's.
func (s scryptParams) weaker(n, r, p int) bool {
	return uint64(s.n)*uint64(s.r)*uint64(s.p) < uint64(n)*uint64(r)*uint64(p)
}
