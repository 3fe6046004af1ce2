package bcryptcore

import (
	"fmt"
	"testing"

	"golang.org/x/crypto/bcrypt"
)

var benchCosts = []int{10, 12}

func BenchmarkHash(b *testing.B) {
	password := []byte("correct horse battery staple")
	salt := []byte("0123456789abcdef")
	for _, cost := range benchCosts {
		b.Run(fmt.Sprintf("cost=%d", cost), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Hash(password, salt, cost, 'b'); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkXCrypto times golang.org/x/crypto/bcrypt's verification at the same
// costs, for a side-by-side comparison with BenchmarkHash.
func BenchmarkXCrypto(b *testing.B) {
	password := []byte("correct horse battery staple")
	for _, cost := range benchCosts {
		digest, err := bcrypt.GenerateFromPassword(password, cost)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("cost=%d", cost), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := bcrypt.CompareHashAndPassword(digest, password); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
