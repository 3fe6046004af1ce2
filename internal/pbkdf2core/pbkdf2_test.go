package pbkdf2core

import (
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// forEachImpl runs f with the assembly (where this build has it) and with
// the portable code, each with Key and with keySequential (seq).
func forEachImpl(t *testing.T, f func(t *testing.T, key keyFunc, seq bool)) {
	t.Helper()
	for _, generic := range []bool{false, true} {
		for _, seq := range []bool{false, true} {
			key := Key
			if seq {
				key = func(h Hash, password, salt []byte, iter, keyLen int) ([]byte, error) {
					return keySequential(h, password, salt, iter, keyLen), nil
				}
			}
			t.Run(fmt.Sprintf("generic=%v/sequential=%v", generic, seq), func(t *testing.T) {
				defer func(old bool) { forceGeneric = old }(forceGeneric)
				forceGeneric = generic
				f(t, key, seq)
			})
		}
	}
}

type keyFunc func(h Hash, password, salt []byte, iter, keyLen int) ([]byte, error)

// keySequential is Key with one output block after the other, with neither
// interleaved lanes nor goroutines; the arguments must be valid. The
// benchmarks use it to show the gain of the parallel blocks.
func keySequential(h Hash, password, salt []byte, iter, keyLen int) []byte {
	p := h.impl().newPRF(password)
	out := make([]byte, keyLen)
	derive(p, out, salt, iter, 1, 1)
	return out
}

func newHash(h Hash) func() hash.Hash {
	switch h {
	case SHA1:
		return sha1.New
	case SHA256:
		return sha256.New
	case SHA384:
		return sha512.New384
	case SHA512:
		return sha512.New
	}
	return nil
}

var allHashes = []Hash{SHA1, SHA256, SHA384, SHA512}

type vector struct {
	h            Hash
	password     string
	salt         string
	iter, keyLen int
	want         string // hex
}

var vectors = []vector{
	// RFC 6070, section 2 (PBKDF2-HMAC-SHA1).
	{SHA1, "password", "salt", 1, 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6"},
	{SHA1, "password", "salt", 2, 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"},
	{SHA1, "password", "salt", 4096, 20, "4b007901b765489abead49d926f721d065a429c1"},
	{SHA1, "password", "salt", 16777216, 20, "eefe3d61cd4da4e4e9945b3d6ba2158c2634e984"},
	{SHA1, "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 25,
		"3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038"},
	{SHA1, "pass\x00word", "sa\x00lt", 4096, 16, "56fa6aa75548099dcc37d7f03425e0c3"},

	// RFC 7914, section 11 (PBKDF2-HMAC-SHA256).
	{SHA256, "passwd", "salt", 1, 64,
		"55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc" +
			"49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"},
	{SHA256, "Password", "NaCl", 80000, 64,
		"4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56" +
			"a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"},

	// PBKDF2-HMAC-SHA512 vectors published at
	// https://stackoverflow.com/questions/15593184 (answer by
	// Anti-weakpasswords, 2013; the same values are in CPython's
	// Lib/test/test_hashlib.py).
	{SHA512, "password", "salt", 1, 64,
		"867f70cf1ade02cff3752599a3a53dc4af34c7a669815ae5d513554e1c8cf252" +
			"c02d470a285a0501bad999bfe943c08f050235d7d68b1da55e63f73b60a57fce"},
	{SHA512, "password", "salt", 2, 64,
		"e1d9c16aa681708a45f5c7c4e215ceb66e011a2e9f0040713f18aefdb866d53c" +
			"f76cab2868a39b9f7840edce4fef5a82be67335c77a6068e04112754f27ccf4e"},
	{SHA512, "password", "salt", 4096, 64,
		"d197b1b33db0143e018b12f3d1d1479e6cdebdcc97c5c0f87f6902e072f457b5" +
			"143f30602641b3d55cd335988cb36b84376060ecd532e039b742a239434af2d5"},
	{SHA512, "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 64,
		"8c0511f4c6e597c6ac6315d8f0362e225f3c501495ba23b868c005174dc4ee71" +
			"115b59f9e60cd9532fa33e0f75aefe30225c583a186cd82bd4daea9724a3d3b8"},

	// The rest: Python 3.11.2 hashlib.pbkdf2_hmac with OpenSSL 3.0.19
	// (Debian 12 /usr/bin/python3), for SHA-384, multi-block keys and
	// passwords longer than the hash block.
	{SHA384, "password", "salt", 1, 48,
		"c0e14f06e49e32d73f9f52ddf1d0c5c7191609233631dadd76a567db42b78676b38fc800cc53ddb642f5c74442e62be4"},
	{SHA384, "password", "salt", 4096, 48,
		"559726be38db125bc85ed7895f6e3cf574c7a01c080c3447db1e8a76764deb3c307b94853fbe424f6488c5f4f1289626"},
	{SHA384, "passwordPASSWORDpassword", "saltSALTsaltSALTsaltSALTsaltSALTsalt", 4096, 100,
		"819143ad66df9a552559b9e131c52ae6c5c1b0eed18f4d283b8c5c9eaeb92b392c147cc2d2869d58ffe2f7da13d15f8d" +
			"925721f0ed1afafa24480d55cf6060b17f112a3de74cae25fdf3569e247f29e4dbb84421847822ea99bd20283c3a25" +
			"a60d3db95a"},
	{SHA256, "keycloak-password", "0123456789abcdef", 27500, 64,
		"cfe007969614f24f17c861113e889aed33c4397c59f1aeaa3c94c7676ed80508" +
			"94fffc75d175cdb58ce7d19eab719f705af894935f1f45b8e420f07cc2f7945a"},
	{SHA512, string(make200('p')), "", 1000, 130,
		"f1eda61ed3afd66d088d9f674181bfef2384a1aaddd6714171c191a99e8a7c112c5fb869607729bfbfa2c8fda20857b6" +
			"26153db3e0c175dd5c723cc1c25f6d2be7d83fc5c9892f3059f3a579382d6c34d14164f29d6a849f029c93eecb8d36" +
			"00154ef66a52b3f7ac6bf12a10e14a4929f0d9ba5770dfa734c36cc4ba92fab3dabcf3"},
	{SHA1, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "NaCl", 1000, 41,
		"df7f6b96ffe9c66150d2aaf204183771a6bca4b771b5da6b59c113b41eab8519166d9d1874ce823ad1"},
}

func make200(c byte) []byte {
	b := make([]byte, 200)
	for i := range b {
		b[i] = c
	}
	return b
}

func TestVectors(t *testing.T) {
	forEachImpl(t, func(t *testing.T, key keyFunc, seq bool) {
		for _, v := range vectors {
			name := fmt.Sprintf("%s/%d/%d", hashName(v.h), v.iter, v.keyLen)
			t.Run(name, func(t *testing.T) {
				// The 2^24-iteration vector once, and only on assembly.
				if v.iter > 100000 && (testing.Short() || seq || !Accelerated(v.h)) {
					t.Skip("long vector")
				}
				got, err := key(v.h, []byte(v.password), []byte(v.salt), v.iter, v.keyLen)
				require.NoError(t, err)
				require.Equal(t, v.want, hex.EncodeToString(got))
			})
		}
	})
}

func hashName(h Hash) string {
	switch h {
	case SHA1:
		return "SHA1"
	case SHA256:
		return "SHA256"
	case SHA384:
		return "SHA384"
	case SHA512:
		return "SHA512"
	}
	return fmt.Sprintf("Hash(%d)", int(h))
}

func randBytes(r *rand.Rand, n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// TestAgainstStdlib compares Key with crypto/pbkdf2 on random inputs,
// covering empty and long passwords and salts, key lengths that are not a
// multiple of the hash size, and many output blocks.
func TestAgainstStdlib(t *testing.T) {
	forEachImpl(t, func(t *testing.T, key keyFunc, _ bool) {
		r := rand.New(rand.NewPCG(1, 2))
		lens := []int{0, 1, 55, 56, 63, 64, 65, 111, 112, 127, 128, 129, 200, 300}
		for _, h := range allHashes {
			for i := range 60 {
				var pw, salt []byte // both empty when i == len(lens)
				switch {
				case i < len(lens):
					pw = randBytes(r, lens[i])
					salt = randBytes(r, lens[len(lens)-1-i])
				case i > len(lens):
					pw = randBytes(r, r.IntN(300))
					salt = randBytes(r, r.IntN(300))
				}
				iter := 1 + r.IntN(40)
				keyLen := 1 + r.IntN(12*h.Size())
				if i%10 == 0 {
					iter = 1 + r.IntN(1000)
				}
				got, err := key(h, pw, salt, iter, keyLen)
				require.NoError(t, err)
				want, err := pbkdf2.Key(newHash(h), string(pw), salt, iter, keyLen)
				require.NoError(t, err)
				require.Equal(t, want, got, "%s pw=%x salt=%x iter=%d keyLen=%d", hashName(h), pw, salt, iter, keyLen)
			}
		}
	})
}

func TestErrors(t *testing.T) {
	tooLong := uint64(math.MaxUint32)*20 + 1
	tests := []struct {
		name         string
		h            Hash
		iter, keyLen int
	}{
		{"zero hash", 0, 1, 20},
		{"unknown hash", 5, 1, 20},
		{"negative hash", -1, 1, 20},
		{"zero iterations", SHA256, 0, 32},
		{"negative iterations", SHA1, -1, 20},
		{"min int iterations", SHA512, math.MinInt, 64},
		{"zero key length", SHA256, 1, 0},
		{"negative key length", SHA384, 1, -5},
	}
	if tooLong <= math.MaxInt {
		tests = append(tests, struct {
			name         string
			h            Hash
			iter, keyLen int
		}{"key too long", SHA1, 1, int(tooLong)})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := Key(tt.h, []byte("pw"), []byte("salt"), tt.iter, tt.keyLen)
			require.Error(t, err)
			require.Nil(t, k)
		})
	}
}

func TestSizeAndCompressions(t *testing.T) {
	for _, h := range allHashes {
		require.Equal(t, newHash(h)().Size(), h.Size())
		require.Equal(t, newHash(h)().BlockSize(), h.blockSize())
	}
	require.Zero(t, Hash(0).Size())
	require.Equal(t, 2*27500*2, Compressions(SHA256, 27500, 64))
	require.Equal(t, 2*1000*1, Compressions(SHA512, 1000, 64))
	require.Equal(t, 2*10*3, Compressions(SHA1, 10, 41))
}
