package pwdigest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fastPolicy keeps the round-trip tests quick.
var fastPolicy = Policy{Costs: map[*Param]int64{
	BcryptCost: 4, PBKDF2SHA1Iterations: 10, PBKDF2SHA256Iterations: 10, PBKDF2SHA512Iterations: 10,
	Argon2Memory: 64, Argon2Time: 1, Argon2Threads: 1, ScryptN: 16, ScryptR: 1, ScryptP: 1,
	FirebaseMemCost: 4, FirebaseRounds: 1, PhpassRounds: 7, CryptRounds: 1000,
}}

func TestCoreHashersRegistered(t *testing.T) {
	names := Hashers()
	assert.True(t, slices.IsSorted(names))
	for _, n := range []string{
		"bcrypt", "bcrypt_sha256_django", "md5", "sha256", "pbkdf2_sha256", "pbkdf2_sha512",
		"pbkdf2_sha256_django", "pbkdf2_sha1", "phpass", "scrypt_firebase", "scrypt_werkzeug",
		"argon2i", "argon2id",
	} {
		assert.Contains(t, names, n)
		h, err := Lookup(n)
		require.NoError(t, err)
		assert.Equal(t, n, h.Name())
	}
}

type fakeHasher struct{ name string }

func (f fakeHasher) Name() string { return f.name }
func (f fakeHasher) Verify(digest, password string) (bool, error) {
	return digest == "plain:"+password, nil
}

func TestRegister(t *testing.T) {
	assert.PanicsWithValue(t, "pwdigest: Register hasher is nil", func() { Register(nil) })
	assert.Panics(t, func() { Register(fakeHasher{""}) })
	assert.Panics(t, func() { Register(fakeHasher{"bcrypt"}) }, "duplicate of a built-in")

	Register(fakeHasher{"test_plain"})
	t.Cleanup(func() { unregister("test_plain") }) // so that -count=2 registers it again
	assert.Panics(t, func() { Register(fakeHasher{"test_plain"}) })
	assert.Contains(t, Hashers(), "test_plain")
	ok, err := Verify("test_plain", "plain:secret", "secret")
	assert.NoError(t, err)
	assert.True(t, ok)
	ok, err = Verify("test_plain", "plain:secret", "other")
	assert.NoError(t, err)
	assert.False(t, ok)
	assert.False(t, Insecure("test_plain"))
	assert.NotContains(t, Identify("plain:secret"), "test_plain")
	assert.Error(t, Check("test_plain", "plain:x"))
}

// unregister removes a hasher a test registered.
func unregister(name string) {
	registry.mu.Lock()
	defer registry.mu.Unlock()
	h := registry.byName[name]
	delete(registry.byName, name)
	registry.order = slices.DeleteFunc(registry.order, func(x Hasher) bool { return x == h })
}

func TestUnknownHasher(t *testing.T) {
	_, err := Lookup("nope")
	assert.ErrorIs(t, err, ErrUnknownHasher)
	ok, err := Verify("nope", "x", "y")
	assert.ErrorIs(t, err, ErrUnknownHasher)
	assert.False(t, ok)
	_, err = Hash("nope", "y")
	assert.ErrorIs(t, err, ErrUnknownHasher)
	assert.ErrorIs(t, Check("nope", "x"), ErrUnknownHasher)
	_, err = NeedsRehash("nope", "x")
	assert.ErrorIs(t, err, ErrUnknownHasher)
	assert.False(t, Insecure("nope"))
}

func TestInsecure(t *testing.T) {
	assert.True(t, Insecure("md5"))
	assert.True(t, Insecure("sha256"))
	for _, n := range []string{"bcrypt", "pbkdf2_sha256", "argon2id", "phpass", "scrypt_werkzeug"} {
		assert.False(t, Insecure(n), n)
	}
}

// TestHashRoundTrip: every built-in hasher's own digests verify, and a
// wrong password does not. (That they verify in the real producers is
// checked by testdata/gen's round-trip mode.)
// truncatesAt72 are the hashers whose Hash refuses a password that bcrypt
// would truncate.
var truncatesAt72 = []string{"bcrypt", "bcrypt_django", "spring_delegating", "bcrypt_peppered"}

func TestHashRoundTrip(t *testing.T) {
	v := &Verifier{Policy: fastPolicy}
	for _, name := range Hashers() {
		if s, ok := mustLookup(t, name).(*scheme); !ok || s.hash == nil {
			continue // not built in, or makes no digests (recipe)
		}
		t.Run(name, func(t *testing.T) {
			for _, pw := range []string{"correct horse", "pässwörd 密码", "a$b:c", strings.Repeat("x", 100)} {
				d, err := v.Hash(name, pw)
				if slices.Contains(truncatesAt72, name) && len(pw) > 72 || name == "des_crypt" && len(pw) > 8 {
					require.ErrorIs(t, err, ErrPasswordTooLong, "%s would truncate", name)
					continue
				}
				if (name == "des_crypt" || name == "bigcrypt") && !isASCII(pw) {
					require.ErrorIs(t, err, ErrUnsupportedPassword, "%s drops the high bits", name)
					continue
				}
				require.NoError(t, err)
				require.NoError(t, v.Check(name, d), d)
				ok, err := v.Verify(name, d, pw)
				require.NoError(t, err)
				assert.True(t, ok, "%s: %q", d, pw)
				ok, err = v.Verify(name, d, pw+"!")
				require.NoError(t, err)
				assert.False(t, ok)
				assert.Contains(t, v.Identify(d), name, d)
			}
		})
	}
}

func mustLookup(t *testing.T, name string) Hasher {
	h, err := Lookup(name)
	require.NoError(t, err)
	return h
}

func TestVerifyAndUpgrade(t *testing.T) {
	v := &Verifier{Policy: Policy{Costs: map[*Param]int64{BcryptCost: 5}}}
	const md5Hello = "5d41402abc4b2a76b9719d911017c592" // md5("hello"), RFC 1321 reference
	ok, up, err := v.VerifyAndUpgrade("md5", md5Hello, "hello")
	require.NoError(t, err)
	assert.True(t, ok)
	require.NotEmpty(t, up)
	assert.True(t, strings.HasPrefix(up, "$2b$05$"), up)
	ok, err = v.Verify("bcrypt", up, "hello")
	assert.NoError(t, err)
	assert.True(t, ok)

	ok, up, err = v.VerifyAndUpgrade("md5", strings.ToUpper(md5Hello), "wrong")
	assert.NoError(t, err)
	assert.False(t, ok)
	assert.Empty(t, up)

	long := strings.Repeat("p", 73)
	d, err := v.Hash("sha256", long)
	require.NoError(t, err)
	ok, up, err = v.VerifyAndUpgrade("sha256", d, long)
	assert.NoError(t, err, "ok is true: never an error")
	assert.True(t, ok, "the password was right")
	assert.Empty(t, up, "too long for bcrypt: keep the old digest")

	// A digest at the policy is not upgraded; one below it is.
	b, err := v.Hash("bcrypt", "hello")
	require.NoError(t, err)
	ok, up, err = v.VerifyAndUpgrade("bcrypt", b, "hello")
	assert.NoError(t, err)
	assert.True(t, ok)
	assert.Empty(t, up)
	weak, err := (&Verifier{Policy: Policy{Costs: map[*Param]int64{BcryptCost: 4}}}).Hash("bcrypt", "hello")
	require.NoError(t, err)
	ok, up, err = v.VerifyAndUpgrade("bcrypt", weak, "hello")
	assert.NoError(t, err)
	assert.True(t, ok)
	assert.True(t, strings.HasPrefix(up, "$2b$05$"), up)
	ok, up, err = v.VerifyAndUpgrade("bcrypt", weak, "wrong")
	assert.NoError(t, err)
	assert.False(t, ok)
	assert.Empty(t, up)

	// A weak Django digest (NeedsRehash), not insecure, is upgraded too.
	django, password := fixtureDigest(t, "pbkdf2_sha256_django")
	ok, up, err = v.VerifyAndUpgrade("pbkdf2_sha256_django", django, password)
	assert.NoError(t, err)
	assert.True(t, ok)
	assert.True(t, strings.HasPrefix(up, "$2b$05$"), up)
	ok, err = v.Verify("bcrypt", up, password)
	assert.NoError(t, err)
	assert.True(t, ok)

	// The package-level functions, with a context.
	ok, up, err = VerifyAndUpgradeContext(context.Background(), "md5", md5Hello, "hello")
	assert.NoError(t, err)
	assert.True(t, ok)
	assert.True(t, strings.HasPrefix(up, "$2b$12$"), up)
}

// TestVerifyAndUpgradeTarget: Policy.Upgrade picks the target; argon2id
// takes the long passwords bcrypt cannot; a target that cannot be one is a
// configuration error, ok = false, whatever the password.
func TestVerifyAndUpgradeTarget(t *testing.T) {
	const md5Hello = "5d41402abc4b2a76b9719d911017c592"
	long := strings.Repeat("p", 100)
	d, err := Hash("md5", long)
	require.NoError(t, err)
	v := &Verifier{Policy: Policy{Upgrade: "argon2id", Costs: fastPolicy.Costs}}
	assert.Equal(t, "argon2id", v.Policy.UpgradeHasher())
	assert.Equal(t, "bcrypt", (&Policy{}).UpgradeHasher())
	ok, up, err := v.VerifyAndUpgrade("md5", d, long)
	assert.NoError(t, err)
	assert.True(t, ok)
	require.True(t, strings.HasPrefix(up, "$argon2id$v=19$m=64,t=1,p=1$"), up)
	ok, err = v.Verify("argon2id", up, long)
	assert.NoError(t, err)
	assert.True(t, ok)
	weak, err := v.NeedsRehash("argon2id", up)
	assert.NoError(t, err)
	assert.False(t, weak, "the new digest is at the policy: no upgrade loop")

	Register(fakeHasher{"test_upgrade_target"})
	t.Cleanup(func() { unregister("test_upgrade_target") })
	for _, bad := range []*Verifier{
		{Policy: Policy{Upgrade: "md5"}},
		{Policy: Policy{Upgrade: "nope"}},
		{Policy: Policy{Upgrade: "test_upgrade_target"}},
		{Policy: Policy{Costs: map[*Param]int64{BcryptCost: 20}}},
		{Policy: Policy{Upgrade: "argon2id"}, Limits: Limits{Argon2Memory: 1024}},
	} {
		ok, up, err := bad.VerifyAndUpgrade("md5", md5Hello, "hello")
		assert.False(t, ok)
		assert.Empty(t, up)
		assert.ErrorContains(t, err, "Policy.Upgrade")
	}
}

// TestVerifyAndUpgradeNeverErrsWhenOK: for every hasher, with its
// producer's digest and password, ok = true comes with err = nil, and a
// new digest verifies with the target and is not weak.
func TestVerifyAndUpgradeNeverErrsWhenOK(t *testing.T) {
	v := &Verifier{Policy: fastPolicy}
	for _, h := range builtinHashers(t) {
		if mustScheme(t, h).remote {
			continue // awscognito: package cognito's TestEmulator upgrades through Cognito
		}
		digest, password := fixtureDigest(t, h)
		for _, pw := range []string{password, password + "\x00nul", strings.Repeat(password+"x", 20)} {
			d := digest
			if pw != password { // a digest of this password, in h's format
				var err error
				if d, err = v.Hash(h, pw); err != nil {
					continue // h cannot take it: nothing to verify
				}
			}
			ok, up, err := v.VerifyAndUpgrade(h, d, pw)
			assert.True(t, ok, "%s %q", h, d)
			assert.NoError(t, err, h)
			if up == "" {
				continue
			}
			ok, err = v.Verify("bcrypt", up, pw)
			assert.True(t, ok, h)
			assert.NoError(t, err, h)
			weak, err := v.NeedsRehash("bcrypt", up)
			assert.NoError(t, err)
			assert.False(t, weak)
		}
	}
}

// TestVerifyAndUpgradeContextKeepsOld: when the context ends while the new
// digest waits for its memory, the sign-in still succeeds and the old
// digest stays.
func TestVerifyAndUpgradeContextKeepsOld(t *testing.T) {
	const md5Hello = "5d41402abc4b2a76b9719d911017c592"
	v := &Verifier{Policy: Policy{Upgrade: "argon2id", Costs: fastPolicy.Costs}, Budget: NewMemoryBudget(64 << 10)}
	require.NoError(t, v.Budget.acquire(context.Background(), 64<<10)) // someone else's verify
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	ok, up, err := v.VerifyAndUpgradeContext(ctx, "md5", md5Hello, "hello")
	assert.True(t, ok)
	assert.NoError(t, err)
	assert.Empty(t, up)
	v.Budget.release(64 << 10)
	ok, up, err = v.VerifyAndUpgradeContext(context.Background(), "md5", md5Hello, "hello")
	assert.True(t, ok)
	assert.NoError(t, err)
	assert.NotEmpty(t, up)
}

// A NUL byte cannot go into bcrypt or crypt(3) digests that their C producers
// would verify; schemes that pre-hash the password take it.
func TestHashRefusesNUL(t *testing.T) {
	v := &Verifier{Policy: fastPolicy}
	for _, name := range []string{"bcrypt", "sha512_crypt", "sha256_crypt", "md5_crypt"} {
		_, err := v.Hash(name, "nul\x00byte")
		assert.ErrorIs(t, err, ErrUnsupportedPassword, name)
	}
	for _, name := range []string{"bcrypt_sha256_django", "bcrypt_sha384_wordpress", "argon2id", "pbkdf2_sha256_django"} {
		_, err := v.Hash(name, "nul\x00byte")
		assert.NoError(t, err, name)
	}
	ok, up, err := v.VerifyAndUpgrade("md5", "d7b3a4a3f0fbbc4cb5d5e1e1f6c4b9c3", "nul\x00byte")
	assert.NoError(t, err)
	assert.False(t, ok)
	assert.Empty(t, up)
	d, err := v.Hash("md5", "nul\x00byte")
	require.NoError(t, err)
	ok, up, err = v.VerifyAndUpgrade("md5", d, "nul\x00byte")
	assert.NoError(t, err, "ok is true: never an error")
	assert.True(t, ok)
	assert.Empty(t, up, "bcrypt cannot take it: keep the old digest")
}

func TestNeedsRehash(t *testing.T) {
	v := &Verifier{Policy: Policy{Costs: map[*Param]int64{BcryptCost: 5, PBKDF2SHA256Iterations: 1000}}}
	weak, err := v.NeedsRehash("md5", "5d41402abc4b2a76b9719d911017c592")
	assert.NoError(t, err)
	assert.True(t, weak)
	b4 := "$2b$04$" + strings.Repeat("a", 21) + "e" + strings.Repeat("a", 30) + "."
	b6 := "$2b$06$" + strings.Repeat("a", 21) + "e" + strings.Repeat("a", 30) + "."
	weak, err = v.NeedsRehash("bcrypt", b4)
	assert.NoError(t, err)
	assert.True(t, weak)
	weak, err = v.NeedsRehash("bcrypt", b6)
	assert.NoError(t, err)
	assert.False(t, weak)
	_, err = v.NeedsRehash("bcrypt", "$2b$")
	assert.ErrorIs(t, err, ErrMalformedDigest)
}

func TestErrorsNeverEchoPassword(t *testing.T) {
	const secret = "S3cr3t-P4ss"
	for _, name := range Hashers() {
		_, err := Verify(name, "garbage$"+secret, secret)
		if err != nil {
			assert.False(t, strings.Contains(err.Error(), secret), "%s: %v", name, err)
			assert.True(t, strings.HasPrefix(err.Error(), "pwdigest: "), "%s: %v", name, err)
			assert.True(t, errors.Is(err, ErrMalformedDigest) || errors.Is(err, ErrParamsOutOfRange), "%s: %v", name, err)
		}
	}
}

// TestAliases: an old name is the same hasher under another key. Every
// call that takes a hasher name behaves as under the new one, Hashers lists
// the new name only, and the old name cannot be registered again.
func TestAliases(t *testing.T) {
	for alias, name := range map[string]string{
		"werkzeug_pbkdf2": "pbkdf2_werkzeug",
		"wordpress":       "bcrypt_sha384_wordpress",
	} {
		t.Run(alias, func(t *testing.T) {
			h, err := Lookup(alias)
			require.NoError(t, err)
			assert.Equal(t, name, h.Name())
			assert.NotContains(t, Hashers(), alias)
			assert.Contains(t, Hashers(), name)
			assert.Equal(t, HasherParams(name), HasherParams(alias))
			assert.Equal(t, Insecure(name), Insecure(alias))

			digest, password := fixtureDigest(t, name)
			for _, n := range []string{name, alias} {
				ok, err := Verify(n, digest, password)
				assert.True(t, ok, n)
				assert.NoError(t, err, n)
				ok, err = Verify(n, digest, password+"x")
				assert.False(t, ok, n)
				assert.NoError(t, err, n)
				assert.NoError(t, Check(n, digest), n)
				weak, err := NeedsRehash(n, digest)
				assert.NoError(t, err)
				assert.True(t, weak, "fixture below the default policy")
			}
			assert.Equal(t, Check(name, digest[:len(digest)-1]), Check(alias, digest[:len(digest)-1]), "same error")
			assert.Contains(t, Identify(digest), name)
			assert.NotContains(t, Identify(digest), alias)
			v := &Verifier{Policy: fastPolicy}
			d, err := v.Hash(alias, password)
			require.NoError(t, err)
			ok, err := v.Verify(name, d, password)
			assert.True(t, ok)
			assert.NoError(t, err)
			assert.PanicsWithValue(t, "pwdigest: Register called twice for hasher "+alias, func() { Register(fakeHasher{alias}) })
		})
	}
}

// TestHashMemoryFromBudget: a memory-hard Hash takes from the Verifier's
// budget what the digest's Verify will (every scheme whose digests hold
// memory declares hashMemory), and one needing more than the whole budget
// is refused before hashing.
func TestHashMemoryFromBudget(t *testing.T) {
	for _, h := range builtinHashers(t) {
		s := mustScheme(t, h)
		if s.hash == nil {
			continue // makes no digests (recipe)
		}
		d, err := (&Verifier{Policy: fastPolicy}).Hash(h, "pw")
		require.NoError(t, err)
		p, err := s.parse(d, nil)
		require.NoError(t, err)
		if p.memory() == 0 {
			continue
		}
		require.NotNil(t, s.hashMemory, "%s: memory-hard without hashMemory", h)
		assert.Equal(t, p.memory(), s.hashMemory(&fastPolicy), "%s: Hash charges what Verify will", h)
		_, err = (&Verifier{Policy: fastPolicy, Budget: NewMemoryBudget(p.memory() - 1)}).Hash(h, "pw")
		assert.ErrorIs(t, err, ErrParamsOutOfRange, h)
		assert.ErrorContains(t, err, "whole budget", h)
		_, err = (&Verifier{Policy: fastPolicy, Budget: NewMemoryBudget(p.memory())}).Hash(h, "pw")
		assert.NoError(t, err, h)
	}
}
