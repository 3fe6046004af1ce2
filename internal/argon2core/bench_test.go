package argon2core

import (
	"fmt"
	"testing"

	"github.com/pwdigest/pwdigest/internal/coretest"
	"golang.org/x/crypto/argon2"
)

// BenchmarkArgon2id runs ours and golang.org/x/crypto/argon2 side by side on
// the OWASP minimum (19 MiB, t=2, p=1) and two heavier settings.
func BenchmarkArgon2id(b *testing.B) {
	password, salt := []byte("correct horse battery staple"), []byte("0123456789abcdef")
	for _, c := range []struct{ memory, time, threads uint32 }{
		{19 << 10, 2, 1},
		{64 << 10, 3, 4},
		{256 << 10, 4, 1},
	} {
		name := fmt.Sprintf("m=%dMiB,t=%d,p=%d", c.memory>>10, c.time, c.threads)
		p := Params{Type: Argon2id, Version: Version13, Memory: c.memory, Time: c.time, Threads: c.threads, KeyLen: 32}
		b.Run(name+"/ours", func(b *testing.B) {
			b.ReportAllocs()
			start := coretest.CPUStart()
			for b.Loop() {
				if _, err := Key(password, salt, nil, nil, p); err != nil {
					b.Fatal(err)
				}
			}
			coretest.ReportCPU(b, start)
		})
		b.Run(name+"/xcrypto", func(b *testing.B) {
			b.ReportAllocs()
			start := coretest.CPUStart()
			for b.Loop() {
				argon2.IDKey(password, salt, c.time, c.memory, uint8(c.threads), 32)
			}
			coretest.ReportCPU(b, start)
		})
	}
}

// BenchmarkClear times what clearing the block memory adds to each Key at
// the memory sizes of BenchmarkArgon2id: a pooled buffer taken and handed
// back.
func BenchmarkClear(b *testing.B) {
	for _, mib := range []int{19, 64, 256} {
		b.Run(fmt.Sprintf("m=%dMiB", mib), func(b *testing.B) {
			n := mib << 10
			b.SetBytes(int64(n) * blockSize)
			for b.Loop() {
				mem, err := getBlocks(n)
				if err != nil {
					b.Fatal(err)
				}
				putBlocks(mem)
			}
		})
	}
}

func BenchmarkCompress(b *testing.B) {
	var out, x, y block
	for i := range x {
		x[i], y[i] = uint64(i)*0x9e3779b97f4a7c15, uint64(i)
	}
	for _, path := range paths() {
		b.Run(path, func(b *testing.B) {
			withPath(b, path)
			b.SetBytes(blockSize)
			for b.Loop() {
				compress(&out, &x, &y, true, &noPrefetch)
			}
		})
	}
}
