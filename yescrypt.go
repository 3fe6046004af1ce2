package pwdigest

import (
	"fmt"
	"math"
	"strings"

	"github.com/pwdigest/pwdigest/internal/yescryptcore"
)

// yescrypt: libxcrypt's "$y$", the /etc/shadow default of Debian 11+,
// Ubuntu 22.04+ and Fedora 35+. Its machinery here is shared with
// scrypt_crypt (libxcrypt's "$7$", the same core in its classic scrypt
// flavor, registered in crypt.go). Both are computed by
// internal/yescryptcore, written from the yescrypt specification and
// checked against libxcrypt.
//
//	yescrypt      "$y$<flavor><N><r>[<have><p><t>]$<salt>$<43 characters>"
//	scrypt_crypt  "$7$<N><r: 5 chars><p: 5 chars><salt>$<43 characters>"
//
// In "$y$" the parameters are yescrypt's variable-length code (the first
// character says how many follow): the flavor ("j" is YESCRYPT_DEFAULTS,
// "/" YESCRYPT_WORM, "." classic scrypt), log2 N - 1, r - 1, then,
// if present, a bit set saying which of p - 2, t - 1 follow. The salt is
// yescrypt's base64 (little-endian groups of three bytes) of 0 to 64 bytes,
// decoded before hashing; in "$7$" the salt is used as written. libxcrypt's
// crypt(3) computes no hash upgrades (g) and has no ROM (NROM): digests that
// ask for them are refused as out of range, as is a flavor it refuses.
// Memory (V, B, the working blocks, the S-boxes), p and t are capped by
// YescryptMemory, YescryptP and YescryptT, and the memory is taken from the
// budget: the same figure for both.

const yescryptHashLen = 43 // 32 bytes

var (
	errYescryptShape  = malformed("yescrypt", `want "$y$<params>$<salt>$<43 characters>"`)
	errYescryptParams = malformed("yescrypt", "parameters are not yescrypt's encoding")
	errYescryptSalt   = malformed("yescrypt", "salt is not yescrypt's base64 of at most 64 bytes")
	errYescryptSum    = malformed("yescrypt", "hash is not 43 characters of yescrypt's base64 with zero unused bits")
)

// The limits of yescrypt and scrypt_crypt, and yescrypt's cost for new
// digests.
var (
	YescryptMemory = newParam(Param{
		Name: "yescrypt.memory",
		Doc: "bytes yescrypt and scrypt_crypt hold (V, B, the working blocks, the S-boxes), the figure the memory budget charges; " +
			"limit 1 GiB + 1 MiB: libxcrypt's costliest setting (cost 11, N=2^18, r=32) holds 1 GiB + 20 KiB, its default j9T 16 MiB",
		Min: 0, Max: math.MaxInt64, Limit: 1<<30 + 1<<20,
	})
	YescryptP = newParam(Param{
		Name: "yescrypt.p",
		Doc: "yescrypt and scrypt_crypt parallelism p; limit 16: libxcrypt writes 1, " +
			"and the scrypt and WORM flavors repeat all the work per lane",
		Min: 1, Max: 1<<30 - 1, Limit: 16,
	})
	YescryptT = newParam(Param{
		Name: "yescrypt.t",
		Doc:  "yescrypt time cost t; limit 16 (libxcrypt writes 0; t=16 takes about 12 times the work of t=0)",
		Min:  0, Max: math.MaxUint32, Limit: 16,
	})
	YescryptCost = newParam(Param{
		Name: "yescrypt.cost",
		Doc: "libxcrypt's yescrypt cost (mkpasswd -R) for new $y$ digests: N=2^(cost+9), r=8 below 3, " +
			"N=2^(cost+7), r=32 from 3; a digest with less N·r is weak; policy 5, libxcrypt's default j9T (16 MiB)",
		Min: 1, Max: 11, Limit: 11, Policy: 5,
	})
)

func init() {
	register(&scheme{
		name: "yescrypt", params: []*Param{YescryptCost}, parse: parseYescrypt, hash: hashYescrypt,
		checkPolicy: func(p *Policy, l Limits) error {
			return checkYescrypt("policy yescrypt", yescryptCostParams(int(p.Get(YescryptCost))), l)
		},
		hashMemory: func(p *Policy) int64 { return yescryptCostParams(int(p.Get(YescryptCost))).MemoryBytes() },
	})
}

type yescryptDigest struct {
	name    string
	params  yescryptcore.Params
	salt    [86]byte // "$7$" keeps the salt as written, up to 86 characters
	saltLen int
	sum     [32]byte
}

// parseYescrypt follows libxcrypt's yescrypt_r: the fields in order, then
// the salt up to the last "$". Shape first, then ranges, then limits.
func parseYescrypt(digest string, l Limits) (parsed, error) {
	rest, ok := strings.CutPrefix(digest, "$y$")
	if !ok {
		return nil, errYescryptShape
	}
	var f [3]string
	if !splitN(rest, '$', f[:]) {
		return nil, errYescryptShape
	}
	s := f[0]
	var flavor, nlog, r, have, p, t, g, nrom uint32
	var ok1, ok2, ok3 bool
	flavor, s, ok1 = yescryptcore.DecodeUint32(s, 0)
	nlog, s, ok2 = yescryptcore.DecodeUint32(s, 1)
	r, s, ok3 = yescryptcore.DecodeUint32(s, 1)
	if !ok1 || !ok2 || !ok3 {
		return nil, errYescryptParams
	}
	p, ok = 1, true
	if s != "" {
		// The optional fields in the order of have's bits; a bit libxcrypt
		// does not know (16 and up) is not something it writes.
		if have, s, ok = yescryptcore.DecodeUint32(s, 1); !ok || have > 15 {
			return nil, errYescryptParams
		}
		if ok && have&1 != 0 {
			p, s, ok = yescryptcore.DecodeUint32(s, 2)
		}
		if ok && have&2 != 0 {
			t, s, ok = yescryptcore.DecodeUint32(s, 1)
		}
		if ok && have&4 != 0 {
			g, s, ok = yescryptcore.DecodeUint32(s, 1)
		}
		if ok && have&8 != 0 {
			nrom, s, ok = yescryptcore.DecodeUint32(s, 1)
		}
		if !ok || s != "" {
			return nil, errYescryptParams
		}
	}
	var salt [64]byte
	saltLen, ok := yescryptcore.Decode(salt[:], f[1])
	if !ok {
		return nil, errYescryptSalt
	}
	var sum [32]byte
	if !decodeYescryptSum(&sum, f[2]) {
		return nil, errYescryptSum
	}

	var flags uint32
	switch flavor {
	case 0:
		flags = yescryptcore.Scrypt
	case 1:
		flags = yescryptcore.WORM
	case 47:
		flags = yescryptcore.Defaults
	default:
		return nil, outOfRange("yescrypt flavor", flavor, `"." (scrypt), "/" (WORM) or "j" (YESCRYPT_DEFAULTS), the flavors libxcrypt computes`)
	}
	if g != 0 {
		return nil, outOfRange("yescrypt g", g, "0 (libxcrypt computes no hash upgrades)")
	}
	if have&8 != 0 {
		return nil, outOfRange("yescrypt NROM log2", nrom, "none (crypt(3) has no ROM)")
	}
	if nlog < 2 || nlog > 31 {
		return nil, outOfRange("yescrypt N log2", nlog, "2..31")
	}
	params := yescryptcore.Params{Flags: flags, N: 1 << nlog, R: r, P: p, T: t}
	if err := checkYescrypt("yescrypt", params, l); err != nil {
		return nil, err
	}
	d := &yescryptDigest{name: "yescrypt", params: params, saltLen: saltLen, sum: sum}
	copy(d.salt[:], salt[:saltLen])
	return d, nil
}

// checkYescrypt checks params against the core's ranges, then l.
func checkYescrypt(name string, params yescryptcore.Params, l Limits) error {
	if err := params.Check(); err != nil {
		return outOfRange(name+" parameters", describeYescrypt(params), "what libxcrypt computes ("+strings.TrimPrefix(err.Error(), "yescryptcore: ")+")")
	}
	if err := l.limit(YescryptP, name, "p", int64(params.P)); err != nil {
		return err
	}
	if err := l.limit(YescryptT, name, "t", int64(params.T)); err != nil {
		return err
	}
	return l.limit(YescryptMemory, name, "memory", params.MemoryBytes())
}

// describeYescrypt names the costs in an error message.
func describeYescrypt(p yescryptcore.Params) string {
	return fmt.Sprintf("N=%d r=%d p=%d t=%d", p.N, p.R, p.P, p.T)
}

func decodeYescryptSum(dst *[32]byte, s string) bool {
	if len(s) != yescryptHashLen {
		return false
	}
	n, ok := yescryptcore.Decode(dst[:], s)
	return ok && n == 32
}

func (d *yescryptDigest) memory() int64 { return d.params.MemoryBytes() }

// weaker: for "$y$", a flavor other than libxcrypt's default or less N·r
// than the policy's cost gives; for "$7$", less N·r than its cost.
func (d *yescryptDigest) weaker(p *Policy) bool {
	want := yescryptCostParams(int(p.Get(YescryptCost)))
	if d.name == "scrypt_crypt" {
		want = scryptCryptCostParams(int(p.Get(ScryptCryptCost)))
	} else if d.params.Flags != yescryptcore.Defaults {
		return true
	}
	return d.params.N*uint64(d.params.R) < want.N*uint64(want.R)
}

func (d *yescryptDigest) verify(password string) (bool, error) {
	password, err := cryptVerifyPassword(d.name, password)
	if err != nil {
		return false, err
	}
	pw := passwordCopy(password)
	defer clear(pw)
	got, err := yescryptcore.Key(pw, d.salt[:d.saltLen], d.params, 32)
	return equalKey(got, err, d.sum[:])
}

// yescryptCostParams is libxcrypt's gensalt_yescrypt_rn: r=8 below cost 3
// (N=2^(cost+9)), r=32 from 3 (N=2^(cost+7)); cost clamped to 1..11.
func yescryptCostParams(cost int) yescryptcore.Params {
	cost = min(max(cost, 1), 11)
	p := yescryptcore.Params{Flags: yescryptcore.Defaults, R: 32, P: 1, N: 1 << (cost + 7)}
	if cost < 3 {
		p.R, p.N = 8, 1<<(cost+9)
	}
	return p
}

// hashYescrypt writes what mkpasswd -m yescrypt -R <cost> writes: flavor j,
// N and r from the cost, a 16-byte salt.
func hashYescrypt(password string, pol *Policy) (string, error) {
	if err := checkCryptPassword("yescrypt", password); err != nil {
		return "", err
	}
	params := yescryptCostParams(int(pol.Get(YescryptCost)))
	salt := randomBytes(16)
	pw := passwordCopy(password)
	defer clear(pw)
	sum, err := yescryptcore.Key(pw, salt, params, 32)
	if err != nil {
		return "", err
	}
	defer clear(sum)
	out := []byte("$y$j")
	nlog := uint32(0)
	for n := params.N; n > 1; n >>= 1 {
		nlog++
	}
	out, _ = yescryptcore.AppendUint32(out, nlog, 1)
	out, _ = yescryptcore.AppendUint32(out, params.R, 1)
	out = append(yescryptcore.AppendEncode(append(out, '$'), salt), '$')
	return string(yescryptcore.AppendEncode(out, sum)), nil
}
