package descrypt

import (
	"crypto/des"
	"encoding/binary"
	"testing"
)

const alphabet = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// crypt is the 13-character string: the salt, then the 64 bits and two zero
// bits in 6-bit groups, most significant first.
func crypt(password string, salt string) string {
	v := uint32(0)
	for i := range 2 {
		for j := range 64 {
			if alphabet[j] == salt[i] {
				v |= uint32(j) << (6 * i)
			}
		}
	}
	sum := Sum([]byte(password), v)
	out := []byte(salt)
	for i := range 11 {
		shift := 58 - 6*i
		var c uint64
		if shift >= 0 {
			c = sum >> shift & 0x3f
		} else {
			c = sum << -shift & 0x3f
		}
		out = append(out, alphabet[c])
	}
	return string(out)
}

// TestKnownAnswers: strings written by libxcrypt 4.4.33 crypt() (Debian 12,
// through Python's crypt module) and the Version 7 manual's property that
// only 8 bytes and 7 bits of each count.
func TestKnownAnswers(t *testing.T) {
	for _, c := range []struct{ pw, salt, want string }{
		{"password", "ab", "abJnggxhB/yWI"},
		{"pässwörd", "ab", "abzp3RXJm5gNA"},
		{"password", "Cn", "Cn1c3KfBVgHXI"},
		{"passwordXYZ", "ab", "abJnggxhB/yWI"},
	} {
		if got := crypt(c.pw, c.salt); got != c.want {
			t.Errorf("crypt(%q, %q) = %s, want %s", c.pw, c.salt, got, c.want)
		}
	}
}

// TestZeroSaltIsDES: with salt 0 the expansion is DES's own, so the result
// is 25 encryptions of a zero block by crypto/des with the shifted key.
func TestZeroSaltIsDES(t *testing.T) {
	for _, pw := range []string{"", "a", "password", "\xff\x80secret"} {
		var key [8]byte
		for i := 0; i < 8 && i < len(pw); i++ {
			key[i] = pw[i] << 1
		}
		c, err := des.NewCipher(key[:])
		if err != nil {
			t.Fatal(err)
		}
		var block [8]byte
		for range 25 {
			c.Encrypt(block[:], block[:])
		}
		if got, want := Sum([]byte(pw), 0), binary.BigEndian.Uint64(block[:]); got != want {
			t.Errorf("%q: got %016x, want %016x", pw, got, want)
		}
	}
}

func TestNULEndsThePassword(t *testing.T) {
	if Sum([]byte("ab\x00cd"), 5) != Sum([]byte("ab"), 5) {
		t.Error("bytes after a NUL changed the result")
	}
}
