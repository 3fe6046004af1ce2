package scryptcore

import (
	"testing"

	"golang.org/x/crypto/scrypt"
)

// FuzzKey compares Key with golang.org/x/crypto/scrypt on small costs, and
// checks that bad costs give errors rather than panics.
func FuzzKey(f *testing.F) {
	f.Add([]byte("password"), []byte("NaCl"), uint8(4), uint8(1), uint8(1), uint8(32))
	f.Add([]byte(""), []byte(""), uint8(1), uint8(8), uint8(2), uint8(64))
	f.Fuzz(func(t *testing.T, pw, salt []byte, logN, r, p, keyLen uint8) {
		N := 1 << (logN % 11) // 1..1024; 1 must be refused
		rr, pp, kl := int(r%9), int(p%4), int(keyLen%101)
		got, err := Key(pw, salt, N, rr, pp, kl)
		if N < 2 || rr < 1 || pp < 1 || kl < 1 {
			if err == nil {
				t.Fatalf("N=%d r=%d p=%d keyLen=%d: no error", N, rr, pp, kl)
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		want, err := scrypt.Key(pw, salt, N, rr, pp, kl)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Fatalf("N=%d r=%d p=%d keyLen=%d: got %x, want %x", N, rr, pp, kl, got, want)
		}
	})
}
