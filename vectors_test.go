package pwdigest

import (
	"bufio"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// vector is one line of testdata/vectors/<hasher>.jsonl: a digest made by a
// real producer (named in source) and the password that matches it.
type vector struct {
	Digest   string `json:"digest"`
	Password string `json:"password"`
	Source   string `json:"source"`
	Note     string `json:"note"`
	// PasswordHex, where set, is the password as hex bytes (not UTF-8).
	PasswordHex string `json:"password_hex"`
	// Hasher overrides the file name's hasher.
	Hasher string `json:"hasher"`
}

// loadVectors reads every vector file, keyed by hasher name.
func loadVectors(t testing.TB) map[string][]vector {
	t.Helper()
	files, err := filepath.Glob("testdata/vectors/*.jsonl")
	require.NoError(t, err)
	require.NotEmpty(t, files, "no vector files")
	out := map[string][]vector{}
	for _, file := range files {
		f, err := os.Open(file)
		require.NoError(t, err)
		base := strings.TrimSuffix(filepath.Base(file), ".jsonl")
		hasher := fileHasher(base)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for line := 1; sc.Scan(); line++ {
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var v vector
			require.NoError(t, json.Unmarshal(sc.Bytes(), &v), "%s:%d", file, line)
			require.NotEmpty(t, v.Source, "%s:%d has no source", file, line)
			if v.PasswordHex != "" {
				b, err := hex.DecodeString(v.PasswordHex)
				require.NoError(t, err, "%s:%d", file, line)
				v.Password = string(b)
			}
			if v.Hasher == "" {
				v.Hasher = hasher
			}
			out[base] = append(out[base], v)
		}
		require.NoError(t, sc.Err())
		f.Close()
	}
	return out
}

// fileHasher maps a vector file's name to its hasher: the name itself, or
// its longest registered prefix ("bcrypt_legacy" holds bcrypt vectors).
func fileHasher(base string) string {
	for name := base; ; {
		if _, err := Lookup(name); err == nil {
			return name
		}
		i := strings.LastIndexByte(name, '_')
		if i < 0 {
			return base
		}
		name = name[:i]
	}
}

// wrongPasswords returns passwords that must not match p under hasher: a
// fixed one, and p changed at its end where that is inside bcrypt's 72
// bytes (des_crypt's 8). (Changing one byte of a password with 8-bit bytes
// is not enough: $2x$'s sign-extension bug really makes such passwords
// collide.)
func wrongPasswords(hasher, digest, p string) []string {
	w := []string{"Wr0ng-pa55word"}
	keep := 71
	if hasher == "des_crypt" || hasher == "ldap_crypt" && len(digest) == len("{CRYPT}")+13 {
		keep = 8 // DES crypt reads 8 bytes
	}
	if len(p) < keep {
		w = append(w, p+"!")
	}
	return w
}

func TestVectors(t *testing.T) {
	for file, vs := range loadVectors(t) {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			for i, v := range vs {
				ok, err := Verify(v.Hasher, v.Digest, v.Password)
				if assert.NoError(t, err, "vector %d (%s)", i, v.Source) {
					assert.True(t, ok, "vector %d (%s) did not match: %s", i, v.Source, v.Digest)
				}
				for _, wrong := range wrongPasswords(v.Hasher, v.Digest, v.Password) {
					ok, err = Verify(v.Hasher, v.Digest, wrong)
					assert.NoError(t, err, "vector %d (%s)", i, v.Source)
					assert.False(t, ok, "vector %d (%s) matched a wrong password", i, v.Source)
				}
			}
		})
	}
}

func TestVectorsCoverEveryHasher(t *testing.T) {
	vs := loadVectors(t)
	count := map[string]int{}
	for _, list := range vs {
		for _, v := range list {
			count[v.Hasher]++
		}
	}
	for _, name := range Hashers() {
		if s, builtin := mustLookup(t, name).(*scheme); !builtin || s.remote {
			continue // registered by a test, or checked by a remote service
		}
		assert.GreaterOrEqual(t, count[name], 10, "hasher %s has too few producer vectors", name)
	}
}
