//go:build linux && cputime

package pbkdf2core

import (
	"runtime"
	"syscall"
	"testing"
	"time"
	"unsafe"
)

// threadCPU returns the CPU time of the calling thread.
func threadCPU() time.Duration {
	const clockThreadCPUTimeID = 3
	var ts syscall.Timespec
	syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTimeID, uintptr(unsafe.Pointer(&ts)), 0)
	return time.Duration(ts.Nano())
}

// BenchmarkCPUTime measures the BenchmarkPBKDF2 variants by the CPU time of
// the calling thread instead of wall time, interleaving them round by round
// (b.N rounds) and keeping each one's fastest run. On a machine shared with
// other work it shows the uncontended cost on one core; GOMAXPROCS is 1, so
// this package uses its interleaved lanes but no extra goroutines. Run:
//
//	go test -tags cputime -run NONE -bench CPUTime -benchtime 7x
func BenchmarkCPUTime(b *testing.B) {
	for _, c := range benchCases {
		b.Run(c.name, func(b *testing.B) {
			// Per sub-benchmark: the testing package sets GOMAXPROCS
			// before each run.
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			vs := c.variants()
			for _, v := range vs {
				if v.name == "bound" {
					v.run() // allocate the buffer outside the timing
				}
			}
			best := make([]time.Duration, len(vs))
			for i := range best {
				best[i] = time.Duration(1<<63 - 1)
			}
			for b.Loop() {
				for i, v := range vs {
					t := threadCPU()
					v.run()
					best[i] = min(best[i], threadCPU()-t)
				}
			}
			comps := float64(Compressions(c.h, c.iter, c.keyLen))
			for i, v := range vs {
				b.ReportMetric(float64(best[i].Nanoseconds())/comps, v.name+"-ns/compr")
			}
		})
	}
}

// BenchmarkChunkCPU measures one call of the assembly iteration loops with
// a full chunk, by the CPU time of the calling thread: the longest the
// runtime waits for a goroutine in Key to reach a preemption point (plus
// scheduling). max-call-ms is the slowest call, best-call-ms the fastest.
//
//	go test -tags cputime -run NONE -bench ChunkCPU -benchtime 50x
func BenchmarkChunkCPU(b *testing.B) {
	b.Run("sha1", func(b *testing.B) { chunkCPU(b, sha1Fn) })
	b.Run("sha256", func(b *testing.B) { chunkCPU(b, sha256Fn) })
	b.Run("sha512", func(b *testing.B) { chunkCPU(b, sha512Fn) })
}

func chunkCPU[W word](b *testing.B, f *hashFn[W]) {
	if f.asm == nil {
		b.Skip("no assembly in this build")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	k := f.asm
	lanes := 1
	if k.loop2 != nil {
		lanes = 2
	}
	var s [2]iter[W]
	worst, best := time.Duration(0), time.Duration(1<<63-1)
	for b.Loop() {
		t := threadCPU()
		loopStep(k, &s, lanes, k.chunk)
		d := threadCPU() - t
		worst, best = max(worst, d), min(best, d)
	}
	b.ReportMetric(float64(worst)/1e6, "max-call-ms")
	b.ReportMetric(float64(best)/1e6, "best-call-ms")
}
