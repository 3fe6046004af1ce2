package bcryptcore

import (
	"math/rand/v2"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

// digest assembles a modular-crypt bcrypt digest from our raw output.
func digest(minor byte, cost int, salt, sum []byte) []byte {
	d := []byte("$" + minorName(minor) + "$")
	d = append(d, byte('0'+cost/10), byte('0'+cost%10), '$')
	d = append(d, Encoding.EncodeToString(salt)...)
	return append(d, Encoding.EncodeToString(sum)...)
}

// TestXCrypto cross-checks against golang.org/x/crypto/bcrypt, an independent
// implementation whose key is the password plus NUL, like "$2a$", "$2b$" and
// "$2y$" (x/crypto treats every minor version alike).
func TestXCrypto(t *testing.T) {
	const ascii = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
	rng := rand.New(rand.NewPCG(1, 2))
	n := 150
	if testing.Short() {
		n = 20
	}
	for i := range n {
		pw := make([]byte, rng.IntN(80))
		for j := range pw {
			pw[j] = ascii[rng.IntN(len(ascii))]
		}
		minor := []byte{'a', 'b', 'y'}[i%3]
		cost := 4 + i%2
		if len(pw) <= 72 {
			// x/crypto chooses the salt; we must reproduce its checksum.
			d, err := bcrypt.GenerateFromPassword(pw, cost)
			if err != nil {
				t.Fatal(err)
			}
			salt, err := Decode(string(d[7:29]), SaltSize)
			if err != nil {
				t.Fatalf("x/crypto salt %q: %v", d[7:29], err)
			}
			sum, err := Hash(pw, salt, cost, minor)
			if err != nil {
				t.Fatal(err)
			}
			if got := Encoding.EncodeToString(sum); got != string(d[29:]) {
				t.Errorf("password %q: x/crypto %s, ours %s", pw, d, got)
			}
		}
		// x/crypto must accept our digest (it refuses to generate for long passwords
		// but verifies them, using the first 72 bytes).
		salt := make([]byte, SaltSize)
		for j := range salt {
			salt[j] = byte(rng.Uint32())
		}
		sum, err := Hash(pw, salt, cost, minor)
		if err != nil {
			t.Fatal(err)
		}
		if err := bcrypt.CompareHashAndPassword(digest(minor, cost, salt, sum), pw); err != nil {
			t.Errorf("x/crypto rejects our %s for %q: %v", digest(minor, cost, salt, sum), pw, err)
		}
	}
}

// FuzzXCrypto compares with x/crypto/bcrypt on arbitrary bytes: both use the
// password bytes as given, NULs and bytes >= 0x80 included.
func FuzzXCrypto(f *testing.F) {
	f.Add([]byte("U*U"), []byte("0123456789abcdef"), byte('a'))
	f.Add([]byte("\xff\xff\xa3"), []byte("0123456789abcdef"), byte('b'))
	f.Add([]byte("a\x00b"), []byte{}, byte('y'))
	f.Fuzz(func(t *testing.T, pw, saltSeed []byte, minorSel byte) {
		salt := make([]byte, SaltSize)
		copy(salt, saltSeed)
		minor := []byte{'a', 'b', 'y'}[int(minorSel)%3]
		sum, err := Hash(pw, salt, 4, minor)
		if err != nil {
			t.Fatal(err)
		}
		if len(sum) != Size {
			t.Fatalf("checksum of %d bytes", len(sum))
		}
		d := digest(minor, 4, salt, sum)
		if err := bcrypt.CompareHashAndPassword(d, pw); err != nil {
			t.Errorf("x/crypto rejects our %s for %q: %v", d, pw, err)
		}
	})
}
