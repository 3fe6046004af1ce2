package mempool

import "testing"

// BenchmarkClear compares clearChunked on a 19 MiB buffer (argon2id at
// OWASP's m=19456) with the builtin clear in the same 256 KiB calls, the
// pools' clearing before non-temporal stores. The buffer is written first,
// as a computation leaves it.
func BenchmarkClear(b *testing.B) {
	buf := make([]block1k, 19456)
	fill := func() {
		for i := range buf {
			buf[i][0] = uint64(i)
		}
	}
	b.Run("clearChunked", func(b *testing.B) {
		b.SetBytes(int64(len(buf)) * 1024)
		for b.Loop() {
			b.StopTimer()
			fill()
			b.StartTimer()
			clearChunked(buf)
		}
	})
	b.Run("builtin", func(b *testing.B) {
		b.SetBytes(int64(len(buf)) * 1024)
		for b.Loop() {
			b.StopTimer()
			fill()
			b.StartTimer()
			for rest := buf; len(rest) > 0; {
				n := min(len(rest), clearChunk/1024)
				builtinPart(rest[:n])
				rest = rest[n:]
			}
		}
	})
}

type block1k [128]uint64

//go:noinline
func builtinPart(b []block1k) { clear(b) }
