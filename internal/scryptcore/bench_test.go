package scryptcore

import (
	"fmt"
	"testing"

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
				start := cpuTime()
				for b.Loop() {
					if _, err := impl.key([]byte("pw"), []byte("salt"), N, 8, 1, 32); err != nil {
						b.Fatal(err)
					}
				}
				// CPU time, as other work may share the machine; it
				// includes the collector's work on x/crypto's V arrays.
				if start >= 0 {
					b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
				}
			})
		}
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
