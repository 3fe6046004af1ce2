package pwdigest_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/pwdigest/pwdigest"
)

// benchDigest is one line of testdata/bench/digests.jsonl: a digest at the
// parameters people really use, made by the producer named in Source
// (testdata/bench/gen.sh regenerates the file).
type benchDigest struct {
	Case     string `json:"case"`
	Hasher   string `json:"hasher"`
	Digest   string `json:"digest"`
	Password string `json:"password"`
	Source   string `json:"source"`
	Note     string `json:"note"`
}

func loadBenchDigests(tb testing.TB) []benchDigest {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", "bench", "digests.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var ds []benchDigest
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var d benchDigest
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatalf("digests.jsonl line %d: %v", len(ds)+1, err)
		}
		ds = append(ds, d)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return ds
}

// TestBenchDigests checks that each benchmark digest matches its password, so
// the benchmarks time real matches (TestVectors covers wrong passwords).
func TestBenchDigests(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: the digests use production costs")
	}
	for _, d := range loadBenchDigests(t) {
		t.Run(d.Case, func(t *testing.T) {
			ok, err := pwdigest.Verify(d.Hasher, d.Digest, d.Password)
			if err != nil || !ok {
				t.Fatalf("Verify = %v, %v; want true (source: %s)", ok, err, d.Source)
			}
		})
	}
}

// BenchmarkVerify times pwdigest.Verify on each benchmark digest. The
// per-implementation comparison is in bench/compare.
func BenchmarkVerify(b *testing.B) {
	for _, d := range loadBenchDigests(b) {
		b.Run(d.Case, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ok, err := pwdigest.Verify(d.Hasher, d.Digest, d.Password)
				if err != nil || !ok {
					b.Fatalf("Verify = %v, %v; want true", ok, err)
				}
			}
		})
	}
}

// BenchmarkVerifyParallel measures the throughput of concurrent verifies, for
// scaling with cores: run it with -cpu 1,N and compare ns/op (time per verify
// across all goroutines); N cores should give about N times the throughput of
// one for these CPU-bound schemes.
func BenchmarkVerifyParallel(b *testing.B) {
	for _, d := range loadBenchDigests(b) {
		switch d.Case {
		case "bcrypt_cost10", "pbkdf2_sha256_django_1200000", "argon2id_19456_2_1":
		default:
			continue
		}
		b.Run(d.Case, func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					ok, err := pwdigest.Verify(d.Hasher, d.Digest, d.Password)
					if err != nil || !ok {
						b.Errorf("Verify = %v, %v; want true", ok, err)
						return
					}
				}
			})
		})
	}
}
