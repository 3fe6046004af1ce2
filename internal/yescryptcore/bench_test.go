package yescryptcore

import "testing"

// BenchmarkKey is libxcrypt's default "$y$j9T$" (N=4096, r=32, 16 MiB).
func BenchmarkKey(b *testing.B) {
	p := Params{Flags: Defaults, N: 4096, R: 32, P: 1}
	b.ReportAllocs()
	b.SetBytes(p.MemoryBytes())
	for b.Loop() {
		if _, err := Key([]byte("password"), []byte("0123456789abcdef"), p, 32); err != nil {
			b.Fatal(err)
		}
	}
}
