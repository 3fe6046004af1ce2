package pwdigest

import (
	"encoding/base64"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixtureDigest returns the real producer's digest and password from the
// header of testdata/malformed/<hasher>.txt.
func fixtureDigest(t testing.TB, hasher string) (digest, password string) {
	mf := loadMalformed(t, filepath.Join("testdata", "malformed", hasher+".txt"))
	return mf.valid, mf.password
}

// allocsPerCall returns the mean number and bytes of heap allocations of f.
// Not parallel-safe: the counters are process-wide, so the tests using it do
// not call t.Parallel.
func allocsPerCall(runs int, f func()) (mallocs, bytes float64) {
	f() // warm up
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := 0; i < runs; i++ {
		f()
	}
	runtime.ReadMemStats(&after)
	return float64(after.Mallocs-before.Mallocs) / float64(runs),
		float64(after.TotalAlloc-before.TotalAlloc) / float64(runs)
}

// TestLimitsRefusedBeforeWork: a digest asking for absurd work is refused by
// Verify itself under the default limits, with an error naming the parameter
// and the limit. Had Verify started the work, the argon2 and scrypt cases
// would ask for terabytes and the others for hours: the allocation count and
// size show that only the parser ran.
func TestLimitsRefusedBeforeWork(t *testing.T) {
	const bcryptBody = "rNXvHeAdaBNitgy3WmoOm.qvb9F.KsmVIAbTToreROC7AtxhHxssG" // python3-bcrypt 3.2.2, see testdata/malformed/bcrypt.txt
	const argon2Tail = "$F4D8olTuQjPVv7u14j7u9w$jNVmKt2cMSo5HjZ9Ch2Efg"        // argon2-cffi 21.1.0, see testdata/malformed/argon2id.txt
	const fbTail = "$Bw==$"
	fbHead, _, _ := strings.Cut(mustFixture(t, "scrypt_firebase"), fbTail)
	werkzeugTail := mustFixture(t, "scrypt_werkzeug")[len("scrypt:1024:8:1"):]
	djangoTail := mustFixture(t, "pbkdf2_sha256_django")[len("pbkdf2_sha256$1000"):]
	keycloakTail := mustFixture(t, "pbkdf2_sha256")[len("pbkdf2_sha256$1000"):]
	sha1Tail := mustFixture(t, "pbkdf2_sha1")[len("pbkdf2_sha1$1000"):]
	phpassBody := mustFixture(t, "phpass")[4:]

	for _, c := range []struct {
		hasher, digest string
		want           []string // in the error: the parameter, its value and the limit
	}{
		{"argon2id", "$argon2id$v=19$m=4294967295,t=1,p=1" + argon2Tail, []string{"m (KiB)", "4294967295", "1048576"}},
		{"argon2i", "$argon2i$v=19$m=65536,t=4294967295,p=1" + argon2Tail, []string{"argon2i t", "4294967295", "16"}},
		{"argon2id", "$argon2id$v=19$m=16777215,t=1,p=16777215" + argon2Tail, []string{"argon2id m", "16777215"}},
		{"scrypt_werkzeug", "scrypt:1073741824:8:1" + werkzeugTail, []string{"memory 128·r·(N+p+2)", "1099511630848", "1073741824"}},
		{"scrypt_werkzeug", "scrypt:2:1:1073741823" + werkzeugTail, []string{"scrypt_werkzeug p", "1073741823", "16"}},
		{"scrypt_firebase", fbHead + fbTail + "8$31", []string{"memory cost", "31", "20"}},
		{"scrypt_firebase", fbHead + fbTail + "1073741824$14", []string{"scrypt_firebase r·p", "1073741824", "1..2^30-1"}},
		{"pbkdf2_sha256", "pbkdf2_sha256$2147483647" + keycloakTail, []string{"pbkdf2_sha256 iterations", "2147483647", "3000000"}},
		{"pbkdf2_sha256_django", "pbkdf2_sha256$2147483647" + djangoTail, []string{"pbkdf2_sha256_django iterations", "2147483647", "3000000"}},
		{"pbkdf2_sha1", "pbkdf2_sha1$2147483647" + sha1Tail, []string{"pbkdf2_sha1 iterations", "2147483647", "3000000"}},
		{"bcrypt", "$2b$31$" + bcryptBody, []string{"bcrypt cost", "31", "16"}},
		{"bcrypt_sha256_django", "bcrypt_sha256$$2b$31$" + bcryptBody, []string{"bcrypt cost", "31", "16"}},
		{"phpass", "$P$z" + phpassBody, []string{"phpass rounds", "63", "7..30"}},
		{"phpass", "$P$S" + phpassBody, []string{"phpass rounds", "30", "18"}},
	} {
		t.Run(c.hasher, func(t *testing.T) {
			ok, err := Verify(c.hasher, c.digest, "password")
			assert.False(t, ok)
			checkSentinelError(t, err, ErrParamsOutOfRange, c.digest)
			for _, w := range c.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.Equal(t, err, Check(c.hasher, c.digest), "Check and Verify agree")
			// The error is built with fmt; anything beyond that would be
			// the start of the work.
			n, size := allocsPerCall(50, func() { _, _ = Verify(c.hasher, c.digest, "password") })
			assert.LessOrEqual(t, n, 16.0, "allocations per refused Verify")
			assert.LessOrEqual(t, size, 1024.0, "bytes allocated per refused Verify")
		})
	}
}

func mustFixture(t testing.TB, hasher string) string {
	d, _ := fixtureDigest(t, hasher)
	return d
}

// TestLimitsBoundary: each limit is inclusive. A producer's digest passes
// with the limit set exactly to its parameter (and verifies), and is refused
// before any work with the limit one lower; all other fields stay zero and
// so take their defaults.
func TestLimitsBoundary(t *testing.T) {
	for _, c := range []struct {
		hasher        string
		accept, lower Limits
		param         string
	}{
		{"bcrypt", Limits{BcryptCost: 4}, Limits{BcryptCost: 3}, "bcrypt cost 4"},
		{"bcrypt_sha256_django", Limits{BcryptCost: 4}, Limits{BcryptCost: 3}, "bcrypt cost 4"},
		{"pbkdf2_sha256", Limits{PBKDF2SHA256Iterations: 1000}, Limits{PBKDF2SHA256Iterations: 999}, "iterations 1000"},
		{"pbkdf2_sha256", Limits{MaxHashBytes: 64}, Limits{MaxHashBytes: 63}, "hash length 64"},
		{"pbkdf2_sha256_django", Limits{PBKDF2SHA256Iterations: 1000}, Limits{PBKDF2SHA256Iterations: 999}, "iterations 1000"},
		{"pbkdf2_sha256_django", Limits{MaxHashBytes: 32}, Limits{MaxHashBytes: 31}, "hash length 32"},
		{"pbkdf2_sha512", Limits{PBKDF2SHA512Iterations: 1000}, Limits{PBKDF2SHA512Iterations: 999}, "iterations 1000"},
		{"pbkdf2_sha512", Limits{MaxHashBytes: 64}, Limits{MaxHashBytes: 63}, "hash length 64"},
		{"pbkdf2_sha1", Limits{PBKDF2SHA1Iterations: 1000}, Limits{PBKDF2SHA1Iterations: 999}, "iterations 1000"},
		{"pbkdf2_sha1", Limits{MaxHashBytes: 20}, Limits{MaxHashBytes: 19}, "hash length 20"},
		{"phpass", Limits{PhpassRounds: 7}, Limits{PhpassRounds: 6}, "rounds (log2) 7"},
		// 128·r·(N+p+2): scrypt:1024:8:1, the figure the budget charges.
		{"scrypt_werkzeug", Limits{ScryptMemory: 1051648}, Limits{ScryptMemory: 1051647}, "memory 128·r·(N+p+2) 1051648"},
		{"scrypt_werkzeug", Limits{MaxHashBytes: 64}, Limits{MaxHashBytes: 63}, "hash length 64"},
		{"scrypt_firebase", Limits{FirebaseMemCost: 10}, Limits{FirebaseMemCost: 9}, "memory cost 10"},
		{"scrypt_firebase", Limits{ScryptMemory: 131456}, Limits{ScryptMemory: 131455}, "memory 128·r·(N+p+2) 131456"},
		{"scrypt_firebase", Limits{MaxHashBytes: 64}, Limits{MaxHashBytes: 63}, "hash length 64"},
		{"argon2i", Limits{Argon2Memory: 64}, Limits{Argon2Memory: 63}, "m (KiB) 64"},
		{"argon2i", Limits{MaxHashBytes: 16}, Limits{MaxHashBytes: 15}, "hash length 16"},
		{"argon2id", Limits{Argon2Memory: 64}, Limits{Argon2Memory: 63}, "m (KiB) 64"},
		{"argon2id", Limits{MaxHashBytes: 16}, Limits{MaxHashBytes: 15}, "hash length 16"},
	} {
		t.Run(c.hasher+"/"+c.param, func(t *testing.T) {
			digest, password := fixtureDigest(t, c.hasher)
			v := &Verifier{Limits: c.accept}
			require.NoError(t, v.Check(c.hasher, digest))
			ok, err := v.Verify(c.hasher, digest, password)
			require.NoError(t, err)
			assert.True(t, ok)

			v = &Verifier{Limits: c.lower}
			err = v.Check(c.hasher, digest)
			checkSentinelError(t, err, ErrParamsOutOfRange)
			assert.Contains(t, err.Error(), c.param)
			ok, err = v.Verify(c.hasher, digest, password)
			assert.False(t, ok)
			checkSentinelError(t, err, ErrParamsOutOfRange)
			n, _ := allocsPerCall(20, func() { _, _ = v.Verify(c.hasher, digest, password) })
			assert.LessOrEqual(t, n, 16.0, "a refused verify allocates only its error")
		})
	}
}

// TestLimitsRaise: digests refused by the default limits pass Check once the
// one limit in their way is raised, and the other limits keep their
// defaults. (Check only: these would be slow to verify.)
func TestLimitsRaise(t *testing.T) {
	bcryptBody := mustFixture(t, "bcrypt")[7:]
	argon2Tail := mustFixture(t, "argon2id")[len("$argon2id$v=19$m=64,t=1,p=1"):]
	werkzeugTail := mustFixture(t, "scrypt_werkzeug")[len("scrypt:1024:8:1"):]
	fb := mustFixture(t, "scrypt_firebase")
	fbHead := fb[:strings.LastIndexByte(fb[:len(fb)-3], '$')]
	keycloak := strings.Split(mustFixture(t, "pbkdf2_sha256"), "$")
	djangoTail := mustFixture(t, "pbkdf2_sha256_django")[len("pbkdf2_sha256$1000"):]
	sha1Tail := mustFixture(t, "pbkdf2_sha1")[len("pbkdf2_sha1$1000"):]
	phpassBody := mustFixture(t, "phpass")[4:]
	bigKey := strings.Repeat("AAAA", 342) + "AA==" // base64 of 1027 bytes

	for _, c := range []struct {
		hasher, digest string
		raise, other   Limits // other raises a different limit: still refused
	}{
		{"bcrypt", "$2b$17$" + bcryptBody, Limits{BcryptCost: 17}, Limits{PhpassRounds: 30}},
		{"bcrypt_sha256_django", "bcrypt_sha256$$2b$20$" + bcryptBody, Limits{BcryptCost: 20}, Limits{Argon2Time: 100}},
		{"phpass", "$P$H" + phpassBody, Limits{PhpassRounds: 19}, Limits{BcryptCost: 19}},
		{"argon2id", "$argon2id$v=19$m=2097152,t=1,p=1" + argon2Tail, Limits{Argon2Memory: 2 << 20}, Limits{ScryptMemory: 4 << 30}},
		{"argon2id", "$argon2id$v=19$m=64,t=17,p=1" + argon2Tail, Limits{Argon2Time: 17}, Limits{Argon2Threads: 17}},
		{"argon2id", "$argon2id$v=19$m=256,t=1,p=17" + argon2Tail, Limits{Argon2Threads: 17}, Limits{Argon2Time: 17}},
		{"scrypt_werkzeug", "scrypt:1048576:9:1" + werkzeugTail, Limits{ScryptMemory: 2 << 30}, Limits{Argon2Memory: 4 << 20}},
		{"scrypt_werkzeug", "scrypt:1024:1:17" + werkzeugTail, Limits{ScryptP: 17}, Limits{Argon2Threads: 17}},
		{"scrypt_firebase", fbHead + "$1$21", Limits{FirebaseMemCost: 21}, Limits{ScryptMemory: 4 << 30}},
		{"pbkdf2_sha256", "pbkdf2_sha256$3000001$" + keycloak[2] + "$" + keycloak[3], Limits{PBKDF2SHA256Iterations: 3000001}, Limits{PBKDF2SHA1Iterations: 3000001}},
		{"pbkdf2_sha256", "pbkdf2_sha256$1000$" + keycloak[2] + "$" + bigKey, Limits{MaxHashBytes: 1027}, Limits{PBKDF2SHA256Iterations: 3000001}},
		{"pbkdf2_sha256_django", "pbkdf2_sha256$3000001" + djangoTail, Limits{PBKDF2SHA256Iterations: 3000001}, Limits{PBKDF2SHA512Iterations: 3000001}},
		{"pbkdf2_sha1", "pbkdf2_sha1$3000001" + sha1Tail, Limits{PBKDF2SHA1Iterations: 3000001}, Limits{PBKDF2SHA256Iterations: 3000001}},
	} {
		t.Run(c.hasher, func(t *testing.T) {
			checkSentinelError(t, Check(c.hasher, c.digest), ErrParamsOutOfRange, "default limits: %s", c.digest)
			checkSentinelError(t, (&Verifier{Limits: c.other}).Check(c.hasher, c.digest), ErrParamsOutOfRange, "another limit raised: %s", c.digest)
			assert.NoError(t, (&Verifier{Limits: c.raise}).Check(c.hasher, c.digest))
		})
	}
}

// TestParams: every Param is declared whole (a unique dotted name, a Doc,
// bounds that hold its default limit and policy value), a nil Limits and a
// zero Policy take the defaults, a present key is used as given, and every
// Param with a policy value is a cost of some hasher's new digests.
func TestParams(t *testing.T) {
	names := map[string]bool{}
	listed := map[*Param]bool{}
	for _, h := range Hashers() {
		for _, p := range HasherParams(h) {
			listed[p] = true
		}
	}
	require.NotEmpty(t, Params())
	for _, p := range Params() {
		assert.False(t, names[p.Name], "%s declared twice", p.Name)
		names[p.Name] = true
		assert.Regexp(t, `^[a-z0-9_]+\.[a-z0-9.-]+$`, p.Name)
		assert.NotEmpty(t, p.Doc, p.Name)
		assert.LessOrEqual(t, p.Min, p.Limit, p.Name)
		assert.LessOrEqual(t, p.Limit, p.Max, p.Name)
		if p.Policy != 0 {
			assert.LessOrEqual(t, p.Min, p.Policy, p.Name)
			assert.LessOrEqual(t, p.Policy, p.Limit, "%s: new digests pass the default limits", p.Name)
			assert.True(t, listed[p], "%s has a policy value but no hasher uses it", p.Name)
		}
		assert.Equal(t, p.Limit, Limits(nil).Get(p), p.Name)
		assert.Equal(t, p.Policy, (&Policy{}).Get(p), p.Name)
		assert.Equal(t, int64(7), Limits{p: 7}.Get(p), p.Name)
		assert.Equal(t, int64(7), (&Policy{Costs: map[*Param]int64{p: 7}}).Get(p), p.Name)
	}
	assert.Nil(t, HasherParams("md5"), "insecure: no costs")
	assert.Nil(t, HasherParams("no such hasher"))
	assert.Equal(t, []*Param{BcryptCost}, HasherParams("bcrypt"))
	// A copy: the caller cannot change the scheme's list.
	HasherParams("bcrypt")[0] = nil
	assert.Equal(t, []*Param{BcryptCost}, HasherParams("bcrypt"))
}

// TestHashRefusesPolicyBeyondLimits: Hash refuses, before any hashing, a
// policy whose digests its own Verifier would refuse, naming the Param.
func TestHashRefusesPolicyBeyondLimits(t *testing.T) {
	for _, c := range []struct {
		hasher string
		v      *Verifier
		want   string
	}{
		{"bcrypt", &Verifier{Policy: Policy{Costs: map[*Param]int64{BcryptCost: 17}}}, "bcrypt.cost 17 is above the limit 16"},
		{"bcrypt", &Verifier{Policy: Policy{Costs: map[*Param]int64{BcryptCost: 3}}}, "bcrypt.cost 3 is outside 4..31"},
		{"bcrypt_sha384_wordpress", &Verifier{Limits: Limits{BcryptCost: 10}}, "bcrypt.cost 12 is above the limit 10"},
		{"argon2id", &Verifier{Policy: Policy{Costs: map[*Param]int64{Argon2Memory: 2 << 20}}}, "argon2.memory 2097152 is above the limit 1048576"},
		{"scrypt_werkzeug", &Verifier{Policy: Policy{Costs: map[*Param]int64{ScryptN: 1 << 30}}}, "memory 128·r·(N+p+2) 1099511630848 is above the limit 1073741824 (scrypt.memory)"},
		{"scrypt_firebase", &Verifier{Limits: Limits{ScryptMemory: 1 << 20}}, "scrypt_firebase policy memory"},
		{"pbkdf2_sha512", &Verifier{Policy: Policy{Costs: map[*Param]int64{PBKDF2SHA512Iterations: 420_000}}}, "pbkdf2_sha512 iterations 420000 is outside 1..419999"},
	} {
		t.Run(c.hasher, func(t *testing.T) {
			n, _ := allocsPerCall(5, func() { _, _ = c.v.Hash(c.hasher, "pw") })
			d, err := c.v.Hash(c.hasher, "pw")
			assert.Empty(t, d)
			checkSentinelError(t, err, ErrParamsOutOfRange, c.hasher)
			assert.ErrorContains(t, err, c.want)
			assert.LessOrEqual(t, n, 16.0, "refused before any hashing")
		})
	}
}

// TestParseOrder: every parser checks the shape first, then the ranges the
// format allows, then the limits. A digest both malformed and out of range
// is malformed; one both out of range and above a limit is out of range
// ("outside"), whatever the limits.
func TestParseOrder(t *testing.T) {
	bcryptBody := mustFixture(t, "bcrypt")[7:]
	for _, c := range []struct{ hasher, digest string }{
		{"sha512_crypt", "$6$rounds=1$not a salt: with $$$ and junk"},
		{"sha256_crypt", "$5$rounds=99999999999$salt$!"},
		{"bcrypt", "$2b$99$" + bcryptBody[:52] + "!"},
		{"phpass", "$P$z" + strings.Repeat("!", 30)},
		{"argon2id", "$argon2id$v=7$m=0,t=0,p=0$!!$!!"},
		{"scrypt_werkzeug", "scrypt:3:0:0$salt$zz"},
		{"scrypt_firebase", "!!$AA==$AA==$AA==$0$99"},
		{"pbkdf2_sha256_passlib", "$pbkdf2-sha256$0$!!$!!"},
		{"pbkdf2_sha512", "pbkdf2_sha512$0$salt$zz"},
		{"pbkdf2_sha256", "pbkdf2_sha256$0$AA==$!"},
		{"pbkdf2_werkzeug", "pbkdf2:sha256:0$salt$zz"},
	} {
		checkSentinelError(t, Check(c.hasher, c.digest), ErrMalformedDigest, c.hasher)
	}
	strict := &Verifier{Limits: Limits{}}
	for _, p := range Params() {
		if !p.floor {
			strict.Limits[p] = p.Min // every limit at its lowest
		}
	}
	fb := mustFixture(t, "scrypt_firebase")
	fbHead := fb[:strings.LastIndexByte(fb[:len(fb)-3], '$')]
	argon2Tail := mustFixture(t, "argon2id")[len("$argon2id$v=19$m=64,t=1,p=1"):]
	werkzeugTail := mustFixture(t, "scrypt_werkzeug")[len("scrypt:1024:8:1"):]
	for _, c := range []struct{ hasher, digest string }{
		{"argon2id", "$argon2id$v=17$m=64,t=1,p=1" + argon2Tail},
		{"argon2id", "$argon2id$v=19$m=64,t=1,p=16777216" + argon2Tail},
		{"scrypt_firebase", fbHead + "$0$10"},
		{"scrypt_firebase", fbHead + "$1$32"},
		{"scrypt_werkzeug", "scrypt:1000:8:1" + werkzeugTail},
		{"bcrypt", "$2b$03$" + bcryptBody},
		{"sha512_crypt", "$6$rounds=999$salt$" + mustFixture(t, "sha512_crypt")[len("$6$saltstring$"):]},
	} {
		for _, v := range []*Verifier{Default, strict} {
			err := v.Check(c.hasher, c.digest)
			checkSentinelError(t, err, ErrParamsOutOfRange, c.digest)
			assert.Contains(t, err.Error(), "is outside", c.digest)
		}
	}
}

// TestTruncatedHashRefused: in every format whose stored hash length
// varies, a hash shorter than MinHashBytes (16 by default) is refused as
// truncated before any work, by Check and by Verify: a 1-byte PBKDF2 key
// matches one wrong password in 256. At the floor it passes; a lower floor
// lets the short one through.
func TestTruncatedHashRefused(t *testing.T) {
	b64 := func(n int) string { return base64.StdEncoding.EncodeToString(make([]byte, n)) }
	raw := func(n int) string { return base64.RawStdEncoding.EncodeToString(make([]byte, n)) }
	hexN := func(n int) string { return strings.Repeat("ab", n) }
	fb := func(n int) string { return b64(n) + "$" + b64(8) + "$" + b64(n) + "$" + b64(1) + "$8$14" }
	for _, c := range []struct {
		hasher string
		digest func(n int) string
	}{
		{"pbkdf2_sha512", func(n int) string { return "pbkdf2_sha512$1000$salt$" + hexN(n) }},
		{"pbkdf2_sha256", func(n int) string { return "pbkdf2_sha256$1000$" + b64(16) + "$" + b64(n) }},
		{"scrypt_werkzeug", func(n int) string { return "scrypt:1024:8:1$salt$" + hexN(n) }},
		{"scrypt_firebase", fb},
		{"argon2id", func(n int) string { return "$argon2id$v=19$m=64,t=1,p=1$" + raw(16) + "$" + raw(n) }},
		{"argon2i", func(n int) string { return "$argon2i$v=19$m=64,t=1,p=1$" + raw(16) + "$" + raw(n) }},
		{"argon2d", func(n int) string { return "$argon2d$v=19$m=64,t=1,p=1$" + raw(16) + "$" + raw(n) }},
		{"argon2_django", func(n int) string { return "argon2$argon2id$v=19$m=64,t=1,p=1$" + raw(16) + "$" + raw(n) }},
	} {
		t.Run(c.hasher, func(t *testing.T) {
			for _, n := range []int{4, 15} { // argon2's own floor is 4
				err := Check(c.hasher, c.digest(n))
				checkSentinelError(t, err, ErrParamsOutOfRange, c.digest(n))
				assert.ErrorContains(t, err, "looks truncated")
				assert.ErrorContains(t, err, "hash.min-bytes")
				ok, verr := Verify(c.hasher, c.digest(n), "password")
				assert.False(t, ok)
				assert.Equal(t, err, verr)
			}
			assert.NoError(t, Check(c.hasher, c.digest(16)))
			assert.NoError(t, (&Verifier{Limits: Limits{MinHashBytes: 4}}).Check(c.hasher, c.digest(4)))
		})
	}
	// The example: a 1-byte key, as a VARCHAR column cuts it.
	checkSentinelError(t, Check("pbkdf2_sha512", "pbkdf2_sha512$1000$salt$ab"), ErrParamsOutOfRange)
}
