package pbkdf2core

import (
	"crypto/pbkdf2"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzKey compares Key with crypto/pbkdf2. The iteration count and key
// length are folded into small ranges to keep each run fast; out-of-range
// values must give an error. sel picks the hash, the code
// path and the order of the output blocks.
func FuzzKey(f *testing.F) {
	f.Add(uint8(0), []byte("password"), []byte("salt"), 2, 20)
	f.Add(uint8(1), []byte("passwd"), []byte("salt"), 1, 64)
	f.Add(uint8(2), []byte(""), []byte(""), 3, 65)
	f.Add(uint8(7), make([]byte, 129), make([]byte, 200), 5, 130)
	f.Add(uint8(3), []byte("x"), []byte("y"), 0, 10)
	f.Add(uint8(9), []byte("x"), []byte("y"), 1, -1)
	f.Fuzz(func(t *testing.T, sel uint8, password, salt []byte, iter, keyLen int) {
		h := allHashes[sel%4]
		if iter < 1 || keyLen < 1 {
			k, err := Key(h, password, salt, iter, keyLen)
			require.Error(t, err)
			require.Nil(t, k)
			return
		}
		iter = 1 + iter%300
		keyLen = 1 + keyLen%(6*h.Size())

		defer func(old bool) { forceGeneric = old }(forceGeneric)
		forceGeneric = sel&4 != 0
		var got []byte
		if sel&8 != 0 {
			got = keySequential(h, password, salt, iter, keyLen)
		} else {
			var err error
			got, err = Key(h, password, salt, iter, keyLen)
			require.NoError(t, err)
		}
		want, err := pbkdf2.Key(newHash(h), string(password), salt, iter, keyLen)
		require.NoError(t, err)
		require.Equal(t, want, got)
	})
}
