//go:build amd64 && gc && !purego

package pbkdf2core

import "golang.org/x/sys/cpu"

// The assembly (generated, see _asm) and the CPU features it needs:
// SHA-1 and SHA-256 with the SHA extensions plus SSSE3 and SSE4.1, SHA-384
// and SHA-512 with AVX for the message schedule and BMI1/BMI2 (ANDN, RORX)
// for the rounds, whose integer units bound them, so two lanes would gain
// nothing there.
func init() {
	if hasSHANI() && cpu.X86.HasSSSE3 && cpu.X86.HasSSE41 {
		sha1Fn.asm = &kernels[uint32]{block1NI, loop1NI, loop1NIx2, chunk1}
		sha256Fn.asm = &kernels[uint32]{block256NI, loop256NI, loop256NIx2, chunk256}
	}
	if cpu.X86.HasAVX && cpu.X86.HasBMI1 && cpu.X86.HasBMI2 {
		sha512Fn.asm = &kernels[uint64]{block512AVX, loop512AVX, nil, chunk512}
		sha384Fn.asm = &kernels[uint64]{block512AVX, loop384AVX, nil, chunk512}
	}
}

// Iterations per assembly call. Measured on an AMD EPYC (Zen, SHA-NI), one
// iteration takes 77 ns (SHA-1), 84 ns (SHA-256, with one lane or two) and
// 384 ns (SHA-512 and SHA-384), so a call is 0.3-0.4 ms, and its few
// nanoseconds of entry and exit are lost in the noise.
const (
	chunk1   = 4096
	chunk256 = 4096
	chunk512 = 1024
)

// hasSHANI asks CPUID leaf 7 (EBX bit 29) for the SHA extensions, which
// golang.org/x/sys/cpu does not report on x86.
func hasSHANI() bool {
	maxLeaf, _, _, _ := cpuid(0, 0)
	if maxLeaf < 7 {
		return false
	}
	_, ebx, _, _ := cpuid(7, 0)
	return ebx&(1<<29) != 0
}

func cpuid(leaf, sub uint32) (a, b, c, d uint32)

//go:noescape
func block1NI(h *[8]uint32, p []byte)

//go:noescape
func loop1NI(s *iter[uint32], n int)

//go:noescape
func loop1NIx2(a, b *iter[uint32], n int)

//go:noescape
func block256NI(h *[8]uint32, p []byte)

//go:noescape
func loop256NI(s *iter[uint32], n int)

//go:noescape
func loop256NIx2(a, b *iter[uint32], n int)

//go:noescape
func block512AVX(h *[8]uint64, p []byte)

//go:noescape
func loop512AVX(s *iter[uint64], n int)

//go:noescape
func loop384AVX(s *iter[uint64], n int)
