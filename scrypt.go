package pwdigest

import (
	"math"

	"github.com/pwdigest/pwdigest/internal/scryptcore"
)

// Shared by the scrypt-based schemes (Firebase, Werkzeug). The computation is
// internal/scryptcore: BlockMix in SSE2/AVX assembly on amd64, and V buffers
// pooled between calls instead of allocated for each.

// The scrypt costs of scrypt_werkzeug (scrypt_firebase has its own, in
// firebase.go), and the memory limit of both. N and r have no limit of
// their own: ScryptMemory bounds them.
var (
	ScryptN = newParam(Param{
		Name: "scrypt.n",
		Doc:  "scrypt's N, a power of two; limited by scrypt.memory; policy 32768, Werkzeug 3's",
		Min:  2, Max: 1 << 30, Limit: 1 << 30, Policy: 32768,
	})
	ScryptR = newParam(Param{
		Name: "scrypt.r",
		Doc:  "scrypt's block size r; limited by scrypt.memory; policy 8, Werkzeug 3's",
		Min:  1, Max: 1<<30 - 1, Limit: 1<<30 - 1, Policy: 8,
	})
	ScryptP = newParam(Param{
		Name: "scrypt.p",
		Doc:  "scrypt's parallelism p (run one after another here); limit 16; policy 1, Werkzeug 3's",
		Min:  1, Max: 1<<30 - 1, Limit: 16, Policy: 1,
	})
	ScryptMemory = newParam(Param{
		Name: "scrypt.memory",
		Doc: "bytes scrypt holds, 128·r·(N+p+2), the figure the memory budget charges; limit 1 GiB " +
			"(Werkzeug's scrypt:32768:8:1 holds 32 MiB, Firebase's 14/8 16 MiB)",
		Min: 0, Max: math.MaxInt64, Limit: 1 << 30,
	})
)

// scryptParams are checked scrypt costs.
type scryptParams struct{ n, r, p int }

// scryptOwn are the Params that limit scrypt_werkzeug's N, r and p.
var scryptOwn = [3]*Param{ScryptN, ScryptR, ScryptP}

// checkScrypt validates the costs against scrypt's own bounds, then the
// limits of own (the scheme's Params for N, r and p, nil where it has
// none), then the ScryptMemory limit.
func checkScrypt(name string, n, r, p int, own [3]*Param, l Limits) (scryptParams, error) {
	sp, err := scryptRanges(name, n, r, p)
	if err != nil {
		return scryptParams{}, err
	}
	return sp, sp.limits(name, own, l)
}

// scryptRanges applies scrypt's own bounds.
func scryptRanges(name string, n, r, p int) (scryptParams, error) {
	if n < 2 || n&(n-1) != 0 {
		return scryptParams{}, outOfRange(name+" N", n, "powers of two from 2")
	}
	if r < 1 || p < 1 || uint64(r)*uint64(p) >= 1<<30 {
		return scryptParams{}, outOfRange(name+" r·p", uint64(r)*uint64(p), "1..2^30-1")
	}
	return scryptParams{n, r, p}, nil
}

// limits applies the limits of own and ScryptMemory.
func (s scryptParams) limits(name string, own [3]*Param, l Limits) error {
	for i, v := range [3]int{s.n, s.r, s.p} {
		if own[i] != nil {
			if err := l.limit(own[i], name, [3]string{"N", "r", "p"}[i], int64(v)); err != nil {
				return err
			}
		}
	}
	mem := s.memory()
	if mem < 0 { // the core's overflow check: more than 2^63 bytes
		mem = math.MaxInt64
	}
	return l.limit(ScryptMemory, name, "memory 128·r·(N+p+2)", mem)
}

// memory is what the core holds: V (128·r·N), B (128·r·p) and XY; -1 where
// that does not fit an int64.
func (s scryptParams) memory() int64 {
	return scryptcore.MemoryBytes(s.n, s.r, s.p)
}

func (s scryptParams) key(password, salt []byte, keyLen int) ([]byte, error) {
	return scryptcore.Key(password, salt, s.n, s.r, s.p, keyLen)
}

// weaker compares the memory-time product N·r·p with the policy's.
func (s scryptParams) weaker(n, r, p int64) bool {
	return uint64(s.n)*uint64(s.r)*uint64(s.p) < uint64(n)*uint64(r)*uint64(p)
}

// scryptPolicy gives the scrypt costs of a scheme's new digests under l.
// Its methods are the scheme's checkPolicy and hashMemory.
type scryptPolicy func(p *Policy, l Limits) (scryptParams, error)

func (f scryptPolicy) check(p *Policy, l Limits) error {
	_, err := f(p, l)
	return err
}

func (f scryptPolicy) memory(p *Policy) int64 {
	sp, _ := f(p, unlimited)
	return sp.memory()
}

// policyScrypt returns the policy's scrypt costs, checked, for the named
// scheme's new digests (Werkzeug's, passlib's).
func policyScrypt(name string) func(*Policy, Limits) (scryptParams, error) {
	return func(p *Policy, l Limits) (scryptParams, error) {
		return checkScrypt(name+" policy", int(p.Get(ScryptN)), int(p.Get(ScryptR)), int(p.Get(ScryptP)), scryptOwn, l)
	}
}

// scryptKeyDigest is a digest whose hash is scrypt(password, salt) at the
// digest's own costs, compared whole: Werkzeug's, Django's and passlib's.
type scryptKeyDigest struct {
	scryptParams
	salt, hash []byte
}

func (d *scryptKeyDigest) weaker(p *Policy) bool {
	return d.scryptParams.weaker(p.Get(ScryptN), p.Get(ScryptR), p.Get(ScryptP))
}

func (d *scryptKeyDigest) verify(password string) (bool, error) {
	pw := passwordCopy(password)
	defer clear(pw)
	key, err := d.key(pw, d.salt, len(d.hash))
	return equalKey(key, err, d.hash)
}
