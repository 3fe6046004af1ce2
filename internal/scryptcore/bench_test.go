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
		b.Run(fmt.Sprintf("N=%d/r=8/p=1/scryptcore", N), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Key([]byte("pw"), []byte("salt"), N, 8, 1, 32); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("N=%d/r=8/p=1/xcrypto", N), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := scrypt.Key([]byte("pw"), []byte("salt"), N, 8, 1, 32); err != nil {
					b.Fatal(err)
				}
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
