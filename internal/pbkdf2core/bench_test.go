package pbkdf2core

import (
	"bytes"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding"
	"encoding/binary"
	"testing"

	xpbkdf2 "golang.org/x/crypto/pbkdf2"
)

// The benchmark shapes: what Django, Keycloak and common defaults store,
// and two longer keys to show the parallel blocks.
var benchCases = []struct {
	name         string
	h            Hash
	iter, keyLen int
}{
	{"Django-sha256-1200000-32", SHA256, 1200000, 32},
	{"Keycloak-sha256-27500-64", SHA256, 27500, 64},
	{"sha256-27500-128", SHA256, 27500, 128},   // 4 blocks: lanes and goroutines
	{"sha512-100000-128", SHA512, 100000, 128}, // 2 blocks: goroutines only
	{"sha512-210000-64", SHA512, 210000, 64},
	{"sha1-260000-20", SHA1, 260000, 20},
}

// BenchmarkPBKDF2 runs, per shape, this package, crypto/pbkdf2 and
// golang.org/x/crypto/pbkdf2, and "bound": the standard library hashing, in
// one call, a buffer of as many blocks as the PBKDF2 iterations compress
// (Compressions). Each reports ns/compr, the time per compression.
func BenchmarkPBKDF2(b *testing.B) {
	password := []byte("correct horse battery staple")
	salt := []byte("0123456789abcdef")
	for _, c := range benchCases {
		comps := Compressions(c.h, c.iter, c.keyLen)
		perCompression := func(b *testing.B) {
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(comps), "ns/compr")
		}
		want, err := pbkdf2.Key(newHash(c.h), string(password), salt, c.iter, c.keyLen)
		if err != nil {
			b.Fatal(err)
		}
		check := func(b *testing.B, got []byte) {
			if !bytes.Equal(got, want) {
				b.Fatalf("wrong key %x, want %x", got, want)
			}
		}

		b.Run(c.name+"/ours", func(b *testing.B) {
			b.ReportAllocs()
			var k []byte
			for b.Loop() {
				k, _ = Key(c.h, password, salt, c.iter, c.keyLen)
			}
			check(b, k)
			perCompression(b)
		})
		if c.keyLen > c.h.Size() {
			b.Run(c.name+"/ours-sequential", func(b *testing.B) {
				defer func(old bool) { sequential = old }(sequential)
				sequential = true
				b.ReportAllocs()
				var k []byte
				for b.Loop() {
					k, _ = Key(c.h, password, salt, c.iter, c.keyLen)
				}
				check(b, k)
				perCompression(b)
			})
		}
		b.Run(c.name+"/stdlib", func(b *testing.B) {
			b.ReportAllocs()
			var k []byte
			for b.Loop() {
				k, _ = pbkdf2.Key(newHash(c.h), string(password), salt, c.iter, c.keyLen)
			}
			check(b, k)
			perCompression(b)
		})
		b.Run(c.name+"/xcrypto", func(b *testing.B) {
			b.ReportAllocs()
			var k []byte
			for b.Loop() {
				k = xpbkdf2.Key(password, salt, c.iter, c.keyLen, newHash(c.h))
			}
			check(b, k)
			perCompression(b)
		})
		if c.h == SHA512 {
			b.Run(c.name+"/stdlib-state-restore", func(b *testing.B) {
				b.ReportAllocs()
				var k []byte
				for b.Loop() {
					k = stateRestore512(password, salt, c.iter, c.keyLen)
				}
				check(b, k)
				perCompression(b)
			})
		}
		b.Run(c.name+"/bound", func(b *testing.B) {
			// Written, so that it is not all the shared zero page.
			buf := make([]byte, comps*c.h.blockSize())
			for i := range buf {
				buf[i] = byte(i)
			}
			b.ReportAllocs()
			for b.Loop() {
				switch c.h {
				case SHA1:
					sha1.Sum(buf)
				case SHA256:
					sha256.Sum256(buf)
				case SHA512:
					sha512.Sum512(buf)
				}
			}
			perCompression(b)
		})
	}
}

// stateRestore512 is PBKDF2-HMAC-SHA-512 on crypto/sha512 alone: the HMAC
// inner and outer states are saved once with AppendBinary and restored with
// UnmarshalBinary for every hash, reusing all buffers. It is the alternative
// to our own SHA-512 compression that the benchmark measures.
func stateRestore512(password, salt []byte, iter, keyLen int) []byte {
	key := password
	if len(key) > 128 {
		s := sha512.Sum512(key)
		key = s[:]
	}
	pad := make([]byte, 128)
	ih, oh := sha512.New(), sha512.New()
	for i := range pad {
		pad[i] = 0x36
		if i < len(key) {
			pad[i] ^= key[i]
		}
	}
	ih.Write(pad)
	for i := range pad {
		pad[i] ^= 0x36 ^ 0x5c
	}
	oh.Write(pad)
	is, _ := ih.(encoding.BinaryAppender).AppendBinary(nil)
	os, _ := oh.(encoding.BinaryAppender).AppendBinary(nil)
	iu, ou := ih.(encoding.BinaryUnmarshaler), oh.(encoding.BinaryUnmarshaler)

	out := make([]byte, 0, keyLen+64)
	u := make([]byte, 0, 64)
	var t [64]byte
	var ctr [4]byte
	for block := uint32(1); len(out) < keyLen; block++ {
		iu.UnmarshalBinary(is)
		ih.Write(salt)
		binary.BigEndian.PutUint32(ctr[:], block)
		ih.Write(ctr[:])
		u = ih.Sum(u[:0])
		ou.UnmarshalBinary(os)
		oh.Write(u)
		u = oh.Sum(u[:0])
		copy(t[:], u)
		for n := 2; n <= iter; n++ {
			iu.UnmarshalBinary(is)
			ih.Write(u)
			u = ih.Sum(u[:0])
			ou.UnmarshalBinary(os)
			oh.Write(u)
			u = oh.Sum(u[:0])
			for i := range t {
				t[i] ^= u[i]
			}
		}
		out = append(out, t[:]...)
	}
	return out[:keyLen]
}
