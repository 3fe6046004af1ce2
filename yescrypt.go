package pwdigest

import (
	"crypto/subtle"
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
// Limits.YescryptMemory, YescryptP and YescryptT, and the memory is taken
// from the budget.

const yescryptHashLen = 43 // 32 bytes

var (
	errYescryptShape  = malformed("yescrypt", `want "$y$<params>$<salt>$<43 characters>"`)
	errYescryptParams = malformed("yescrypt", "parameters are not yescrypt's encoding")
	errYescryptSalt   = malformed("yescrypt", "salt is not yescrypt's base64 of at most 64 bytes")
	errYescryptSum    = malformed("yescrypt", "hash is not 43 characters of yescrypt's base64 with zero unused bits")
)

func init() {
	register(&scheme{name: "yescrypt", parse: parseYescrypt, hash: hashYescrypt})
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
func parseYescrypt(digest string, l *Limits) (parsed, error) {
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
func checkYescrypt(name string, params yescryptcore.Params, l *Limits) error {
	if err := params.Check(); err != nil {
		return outOfRange(name+" parameters", describeYescrypt(params), "what libxcrypt computes ("+strings.TrimPrefix(err.Error(), "yescryptcore: ")+")")
	}
	if int64(params.P) > int64(l.YescryptP) {
		return overLimit(name+" p", params.P, l.YescryptP)
	}
	if int64(params.T) > int64(l.YescryptT) {
		return overLimit(name+" t", params.T, l.YescryptT)
	}
	if mem := params.MemoryBytes(); mem > l.YescryptMemory {
		return overLimit(name+" memory", mem, l.YescryptMemory)
	}
	return nil
}

func describeYescrypt(p yescryptcore.Params) string {
	var b strings.Builder
	b.WriteString("N=")
	b.WriteString(uitoa(p.N))
	b.WriteString(" r=")
	b.WriteString(uitoa(uint64(p.R)))
	b.WriteString(" p=")
	b.WriteString(uitoa(uint64(p.P)))
	b.WriteString(" t=")
	b.WriteString(uitoa(uint64(p.T)))
	return b.String()
}

func uitoa(v uint64) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			return string(buf[i:])
		}
	}
}

func decodeYescryptSum(dst *[32]byte, s string) bool {
	if len(s) != yescryptHashLen {
		return false
	}
	n, ok := yescryptcore.Decode(dst[:], s)
	return ok && n == 32
}

func (d *yescryptDigest) memory() int64 { return d.params.MemoryBytes() }

// weaker: a flavor other than libxcrypt's default, or less memory than the
// policy's cost gives.
func (d *yescryptDigest) weaker(p *Policy) bool {
	want := yescryptCostParams(p.YescryptCost)
	if d.name == "scrypt_crypt" {
		return d.params.N*uint64(d.params.R) < 1<<14*32
	}
	return d.params.Flags != yescryptcore.Defaults || d.params.N*uint64(d.params.R) < want.N*uint64(want.R)
}

func (d *yescryptDigest) verify(password string) (bool, error) {
	password, err := cryptVerifyPassword(d.name, password)
	if err != nil {
		return false, err
	}
	got, err := yescryptcore.Key([]byte(password), d.salt[:d.saltLen], d.params, 32)
	if err != nil {
		return false, err
	}
	defer clear(got)
	return subtle.ConstantTimeCompare(got, d.sum[:]) == 1, nil
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
	params := yescryptCostParams(pol.YescryptCost)
	salt := randomBytes(16)
	sum, err := yescryptcore.Key([]byte(password), salt, params, 32)
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
