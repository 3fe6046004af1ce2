package bcryptcore

import (
	"fmt"
	"testing"

	"github.com/pwdigest/pwdigest/internal/coretest"
	"golang.org/x/crypto/bcrypt"
)

var benchCosts = []int{10, 12}

// Compare with pyca/bcrypt (C) in the same shell command, e.g.
//
//	go test -run XXX -bench 'Hash|XCrypto' -benchtime 20x ./internal/bcryptcore
//	/usr/bin/python3 -c 'import bcrypt,time; h=bcrypt.hashpw(b"correct horse battery staple", b"$2b$10$" + b"."*22); t=time.process_time(); [bcrypt.checkpw(b"correct horse battery staple", h) for _ in range(20)]; print((time.process_time()-t)/20*1e9, "cpu-ns/op")'
//
// cpu-ns/op is the process CPU time per operation (see coretest.ReportCPU).

func BenchmarkHash(b *testing.B) {
	password := []byte("correct horse battery staple")
	salt := []byte("0123456789abcdef")
	for _, cost := range benchCosts {
		b.Run(fmt.Sprintf("cost=%d", cost), func(b *testing.B) {
			b.ReportAllocs()
			start := coretest.CPUStart()
			for b.Loop() {
				if _, err := Hash(password, salt, cost, 'b'); err != nil {
					b.Fatal(err)
				}
			}
			coretest.ReportCPU(b, start)
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
			start := coretest.CPUStart()
			for b.Loop() {
				if err := bcrypt.CompareHashAndPassword(digest, password); err != nil {
					b.Fatal(err)
				}
			}
			coretest.ReportCPU(b, start)
		})
	}
}
