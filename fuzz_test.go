package pwdigest

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzLimits keep every fuzz execution cheap: whatever the fuzzer writes
// into a digest, verifying it costs at most a few milliseconds.
var fuzzLimits = Limits{
	BcryptCost:             6,
	PBKDF2SHA1Iterations:   10000, // atlassian_pbkdf2_sha1's fixed count
	PBKDF2SHA256Iterations: 2000,
	PBKDF2SHA512Iterations: 2000,
	MaxHashBytes:           128,
	ScryptMemory:           1 << 20,
	ScryptP:                2,
	FirebaseMemCost:        10,
	Argon2Memory:           256,
	Argon2Time:             2,
	Argon2Threads:          2,
	PhpassRounds:           10,
	CryptRounds:            5000,
}

// fuzzHasher maps the fuzzer's hasher string onto a built-in hasher: itself
// when it names one (so that seeds and crashers stay readable), else one
// picked by its bytes.
func fuzzHasher(names []string, s string) string {
	if slices.Contains(names, s) {
		return s
	}
	sum := 0
	for i := 0; i < len(s); i++ {
		sum += int(s[i])
	}
	return names[sum%len(names)]
}

type fuzzSeed struct{ hasher, digest, password string }

// fuzzSeeds are every producer vector and every negative fixture.
func fuzzSeeds(f *testing.F) []fuzzSeed {
	var seeds []fuzzSeed
	if files, _ := filepath.Glob("testdata/vectors/*.jsonl"); len(files) > 0 {
		for _, vs := range loadVectors(f) {
			for _, v := range vs {
				seeds = append(seeds, fuzzSeed{v.Hasher, v.Digest, v.Password})
			}
		}
	}
	paths, _ := filepath.Glob("testdata/malformed/*.txt")
	for _, p := range paths {
		mf := loadMalformed(f, p)
		seeds = append(seeds, fuzzSeed{mf.hasher, mf.valid, mf.password})
		for _, c := range mf.cases {
			seeds = append(seeds, fuzzSeed{mf.hasher, c.digest, mf.password})
		}
	}
	return seeds
}

// FuzzVerify: whatever the digest and password, Verify does not panic or
// hang, returns (bool, nil) only for a digest that Check accepts, and
// otherwise (false, err) with err wrapping exactly one sentinel, starting
// with "pwdigest:", agreeing with Check and never containing the password.
func FuzzVerify(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s.hasher, s.digest, s.password)
	}
	names := builtinHashers(f)
	v := &Verifier{Limits: fuzzLimits, Policy: fastPolicy}
	f.Fuzz(func(t *testing.T, hasher, digest, password string) {
		name := fuzzHasher(names, hasher)
		ok, err := v.Verify(name, digest, password)
		checkErr := v.Check(name, digest)
		weak, rehashErr := v.NeedsRehash(name, digest)
		if (rehashErr == nil) != (checkErr == nil) {
			t.Fatalf("%s %q: Check %v but NeedsRehash %v", name, digest, checkErr, rehashErr)
		}
		if checkErr == nil && Insecure(name) && !weak {
			t.Fatalf("%s: insecure hasher's digest not reported weak", name)
		}
		if err == nil {
			if checkErr != nil {
				t.Fatalf("%s %q: Verify = %v, nil but Check = %v", name, digest, ok, checkErr)
			}
			return
		}
		if ok {
			t.Fatalf("%s %q: Verify = true with error %v", name, digest, err)
		}
		if !strings.HasPrefix(err.Error(), "pwdigest: ") {
			t.Fatalf("%s %q: error %q lacks the package prefix", name, digest, err)
		}
		if n := countSentinels(err); n != 1 {
			t.Fatalf("%s %q: error %q wraps %d sentinels", name, digest, err, n)
		}
		if checkErr != nil && checkErr.Error() != err.Error() {
			t.Fatalf("%s %q: Verify error %q, Check error %q", name, digest, err, checkErr)
		}
		// An error Check gives too was made without the password; only the
		// errors of verifying itself could leak it.
		if checkErr == nil && len(password) >= 8 && !strings.Contains(digest, password) && !strings.Contains(name, password) &&
			strings.Contains(err.Error(), password) {
			t.Fatalf("%s: error %q contains the password", name, err)
		}
	})
}

// passwordBytes says which bytes of a password a hasher uses, where that is
// not all of them: mutations outside them legitimately keep matching.
func passwordBytes(name string) (max int, nulAmbiguous bool) {
	switch name {
	case "bcrypt", "spring_delegating", "bcrypt_peppered": // Hash writes {bcrypt}; Devise's password+pepper
		// 72 bytes; C implementations stop at the first NUL, x/crypto does
		// not, so passwords with NUL are left out.
		return bcryptMaxPassword, true
	case "sha512_crypt", "sha256_crypt", "md5_crypt", "apr1_md5_crypt", "yescrypt", "scrypt_crypt",
		"ldap_crypt": // ldap_crypt's Hash: {CRYPT}$6$
		// crypt(3) sees a C string: verify ignores everything from a NUL on.
		return cryptMaxPassword, true
	case "des_crypt":
		// The first 8 bytes, as a C string.
		return 8, true
	case "bigcrypt":
		// The first 128 bytes, as a C string.
		return 128, true
	}
	return -1, false
}

// signInPassword is what the hasher's own sign-in passes to verify for a
// password that was hashed: WordPress trims both at hashing and at sign-in,
// but its verify does not (see wordpress.go), so a digest made by Hash
// matches the trimmed password.
func signInPassword(name, password string) string {
	if name == "bcrypt_sha384_wordpress" {
		return strings.Trim(password, phpTrimSet)
	}
	return password
}

// hmacEquivalent reports whether a and b are the same HMAC key: HMAC pads a
// key shorter than the hash's block (64 or 128 bytes) with zeros, so under
// PBKDF2 and scrypt a password and the same password with NULs appended
// give the same digest, in every implementation (found by FuzzRoundTrip:
// "" and "\x00" under scrypt_firebase; SCRAM's PBKDF2 likewise).
func hmacEquivalent(name, a, b string) bool {
	// ASP.NET Identity's Hash writes PBKDF2 too (v3 with HMAC-SHA512), and
	// SCRAM's salted password is PBKDF2.
	aspnet := strings.HasPrefix(name, "aspnet_identity_")
	if !strings.Contains(name, "pbkdf2") && !strings.Contains(name, "scrypt") && !strings.Contains(name, "scram") && !aspnet {
		return false
	}
	block := 64
	if strings.Contains(name, "sha512") || name == "aspnet_identity_v3" {
		block = 128
	}
	return len(a) <= block && len(b) <= block && strings.TrimRight(a, "\x00") == strings.TrimRight(b, "\x00")
}

// FuzzRoundTrip: a digest Hash makes verifies with its password and with no
// other; an insecure digest upgrades to a bcrypt digest of the same
// password.
func FuzzRoundTrip(f *testing.F) {
	names := builtinHashers(f)
	for _, n := range names {
		for _, pw := range []string{"", "correct horse", "pässwörd 密码", "a$b:c", strings.Repeat("x", 100), "\x00\xff"} {
			f.Add(n, pw, uint16(3), byte(1))
		}
	}
	v := &Verifier{Limits: fuzzLimits, Policy: fastPolicy}
	f.Fuzz(func(t *testing.T, hasher, password string, pos uint16, flip byte) {
		name := fuzzHasher(names, hasher)
		if s, _, _ := builtin(name); s.hash == nil {
			return // verify-only hasher
		}
		max, nulAmbiguous := passwordBytes(name)
		digest, err := v.Hash(name, password)
		// bcrypt takes 72 bytes, crypt(3) and WordPress 4096.
		if errors.Is(err, ErrPasswordTooLong) && len(password) > bcryptMaxPassword {
			return
		}
		if errors.Is(err, ErrUnsupportedPassword) && strings.IndexByte(password, 0) >= 0 {
			return // bcrypt and crypt(3) refuse NUL, as their C producers do
		}
		if errors.Is(err, ErrUnsupportedPassword) && password == "" && name == "spring_delegating" {
			return // Spring Security 7 matches no empty password
		}
		if errors.Is(err, ErrUnsupportedPassword) && !utf8.ValidString(password) {
			return // UTF-16 schemes (.NET strings) refuse bytes that are not UTF-8
		}
		if name == "des_crypt" && errors.Is(err, ErrPasswordTooLong) && len(password) > 8 ||
			name == "bigcrypt" && errors.Is(err, ErrPasswordTooLong) && len(password) > 128 ||
			(name == "des_crypt" || name == "bigcrypt") && errors.Is(err, ErrUnsupportedPassword) && !isASCII(password) {
			return // DES crypt's Hash refuses what DES would truncate
		}
		if err != nil {
			t.Fatalf("%s: Hash(%q): %v", name, password, err)
		}
		if err := v.Check(name, digest); err != nil {
			t.Fatalf("%s: Check(Hash(%q)) = %v for %q", name, password, err, digest)
		}
		password = signInPassword(name, password)
		ok, err := v.Verify(name, digest, password)
		if err != nil || !ok {
			t.Fatalf("%s: own digest %q of %q: %v, %v", name, digest, password, ok, err)
		}

		// Change one byte the hasher uses (or add one to an empty password).
		wrong := []byte(password)
		if len(wrong) == 0 {
			wrong = []byte{'a' ^ flip}
		} else {
			n := len(wrong)
			if max >= 0 && n > max {
				n = max
			}
			wrong[int(pos)%n] ^= flip | 1
		}
		skip := nulAmbiguous && (strings.IndexByte(password, 0) >= 0 || slices.Contains(wrong, 0))
		if !skip && !hmacEquivalent(name, password, string(wrong)) {
			ok, err = v.Verify(name, digest, string(wrong))
			if err != nil || ok {
				t.Fatalf("%s: digest %q of %q matched %q: %v, %v", name, digest, password, wrong, ok, err)
			}
		}

		if Insecure(name) {
			ok, up, err := v.VerifyAndUpgrade(name, digest, password)
			if !ok {
				t.Fatalf("%s: VerifyAndUpgrade: not ok, %v", name, err)
			}
			if err != nil {
				t.Fatalf("%s: VerifyAndUpgrade: ok with %v", name, err)
			}
			if len(password) > bcryptMaxPassword || strings.IndexByte(password, 0) >= 0 {
				if up != "" {
					t.Fatalf("%s: %q upgraded to bcrypt, which cannot take it: %q", name, password, up)
				}
				return
			}
			if ok, err := v.Verify("bcrypt", up, password); err != nil || !ok {
				t.Fatalf("%s: upgraded digest %q does not verify: %v, %v", name, up, ok, err)
			}
		}
	})
}

// FuzzIdentifyMatchesCheck: Identify does not panic, names each built-in hasher at most
// once, and names exactly those whose Check passes or fails only on a
// parameter range.
func FuzzIdentifyMatchesCheck(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s.digest)
	}
	names := builtinHashers(f)
	f.Fuzz(func(t *testing.T, digest string) {
		got := Identify(digest)
		seen := map[string]bool{}
		for _, n := range got {
			if seen[n] {
				t.Fatalf("Identify(%q) = %v: %s twice", digest, got, n)
			}
			seen[n] = true
		}
		for _, n := range names {
			err := Check(n, digest)
			parses := err == nil || errors.Is(err, ErrParamsOutOfRange)
			if parses != seen[n] {
				t.Fatalf("Identify(%q) = %v, but Check(%s) = %v", digest, got, n, err)
			}
		}
	})
}
