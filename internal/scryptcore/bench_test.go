package scryptcore

import (
	"fmt"
	"testing"

	"github.com/pwdigest/pwdigest/internal/coretest"
	"golang.org/x/crypto/scrypt"
)

// BenchmarkKey runs this package and x/crypto side by side at the costs of
// Firebase (N=2^14) and Werkzeug (N=2^15).
func BenchmarkKey(b *testing.B) {
	for _, N := range []int{1 << 14, 1 << 15} {
		for _, impl := range []struct {
			name string
			key  func(password, salt []byte, N, r, p, keyLen int) ([]byte, error)
		}{{"scryptcore", Key}, {"xcrypto", scrypt.Key}} {
			b.Run(fmt.Sprintf("N=%d/r=8/p=1/%s", N, impl.name), func(b *testing.B) {
				b.ReportAllocs()
				start := coretest.CPUStart()
				for b.Loop() {
					if _, err := impl.key([]byte("pw"), []byte("salt"), N, 8, 1, 32); err != nil {
						b.Fatal(err)
					}
				}
				// CPU time, as other work may share the machine; it
				// includes the collector's work on x/crypto's V arrays.
				coretest.ReportCPU(b, start)
			})
		}
	}
}

// BenchmarkClear times what clearing the working memory adds to each Key
// at the costs of BenchmarkKey: a pooled buffer taken and handed back.
func BenchmarkClear(b *testing.B) {
	for _, N := range []int{1 << 14, 1 << 15} {
		b.Run(fmt.Sprintf("N=%d/r=8/p=1", N), func(b *testing.B) {
			words, err := check(N, 8, 1)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(4 * int64(words))
			for b.Loop() {
				buf, err := getBuf(words)
				if err != nil {
					b.Fatal(err)
				}
				putBuf(buf)
			}
		})
	}
}

func BenchmarkBlockMix(b *testing.B) {
	for name, f := range blockMixImpls() {
		b.Run(name, func(b *testing.B) {
			const r = 8
			in, v, out := make([]uint32, 32*r), make([]uint32, 32*r), make([]uint32, 32*r)
			b.SetBytes(128 * r)
			b.ReportAllocs()
			for b.Loop() {
				f(out, in, v, r)
				in, out = out, in
			}
		})
	}
}
