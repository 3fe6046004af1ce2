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
var benchCases = []benchCase{
	{"Django-sha256-1200000-32", SHA256, 1200000, 32},
	{"Keycloak-sha256-27500-64", SHA256, 27500, 64},
	{"sha256-27500-128", SHA256, 27500, 128},   // 4 blocks: lanes and goroutines
	{"sha512-100000-128", SHA512, 100000, 128}, // 2 blocks: goroutines only
	{"sha512-210000-64", SHA512, 210000, 64},
	{"sha1-260000-20", SHA1, 260000, 20},
}

type benchCase struct {
	name         string
	h            Hash
	iter, keyLen int
}

var (
	benchPassword = []byte("correct horse battery staple")
	benchSalt     = []byte("0123456789abcdef")
)

// benchVariant is one way to do the work of a benchCase. run returns the
// key, or nil for the bound.
type benchVariant struct {
	name string
	run  func() []byte
}

// variants lists, for c: this package; this package with one block after
// the other (when there are several); crypto/pbkdf2; golang.org/x/crypto/pbkdf2;
// for SHA-512 the crypto/sha512 state-restore alternative; and "bound": the
// standard library hashing, in one call, a buffer of as many blocks as the
// PBKDF2 iterations compress (Compressions).
func (c benchCase) variants() []benchVariant {
	pw, salt := benchPassword, benchSalt
	vs := []benchVariant{{"ours", func() []byte {
		k, _ := Key(c.h, pw, salt, c.iter, c.keyLen)
		return k
	}}}
	if c.keyLen > c.h.Size() {
		vs = append(vs, benchVariant{"ours-sequential", func() []byte {
			return keySequential(c.h, pw, salt, c.iter, c.keyLen)
		}})
	}
	vs = append(vs,
		benchVariant{"stdlib", func() []byte {
			k, _ := pbkdf2.Key(newHash(c.h), string(pw), salt, c.iter, c.keyLen)
			return k
		}},
		benchVariant{"xcrypto", func() []byte {
			return xpbkdf2.Key(pw, salt, c.iter, c.keyLen, newHash(c.h))
		}})
	if c.h == SHA512 {
		vs = append(vs, benchVariant{"stdlib-state-restore", func() []byte {
			return stateRestore512(pw, salt, c.iter, c.keyLen)
		}})
	}
	var buf []byte // allocated on first use
	vs = append(vs, benchVariant{"bound", func() []byte {
		if buf == nil {
			// Written, so that it is not all the shared zero page.
			buf = make([]byte, Compressions(c.h, c.iter, c.keyLen)*c.h.blockSize())
			for i := range buf {
				buf[i] = byte(i)
			}
		}
		switch c.h {
		case SHA1:
			sha1.Sum(buf)
		case SHA256:
			sha256.Sum256(buf)
		case SHA512:
			sha512.Sum512(buf)
		}
		return nil
	}})
	return vs
}

// BenchmarkPBKDF2 runs the variants of each shape side by side. Each
// reports ns/compr, the time per compression; the ratio of a variant's
// ns/op to the bound's is its distance from the bulk-hashing speed.
func BenchmarkPBKDF2(b *testing.B) {
	for _, c := range benchCases {
		want, err := pbkdf2.Key(newHash(c.h), string(benchPassword), benchSalt, c.iter, c.keyLen)
		if err != nil {
			b.Fatal(err)
		}
		comps := Compressions(c.h, c.iter, c.keyLen)
		for _, v := range c.variants() {
			b.Run(c.name+"/"+v.name, func(b *testing.B) {
				if v.name == "bound" {
					v.run() // allocate the buffer outside the timing
				}
				b.ReportAllocs()
				var k []byte
				for b.Loop() {
					k = v.run()
				}
				if k != nil && !bytes.Equal(k, want) {
					b.Fatalf("wrong key %x, want %x", k, want)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(comps), "ns/compr")
			})
		}
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
