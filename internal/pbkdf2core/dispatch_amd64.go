//go:build amd64 && gc && !purego

package pbkdf2core

import "golang.org/x/sys/cpu"

// portable forces the portable code; tests use it to compare both.
var portable bool

// golang.org/x/sys/cpu does not report the SHA extensions on x86, so ask
// CPUID leaf 7 (EBX bit 29) directly. The assembly also uses SSSE3.
var hasSHANI = func() bool {
	maxLeaf, _, _, _ := cpuid(0, 0)
	if maxLeaf < 7 {
		return false
	}
	_, ebx, _, _ := cpuid(7, 0)
	return ebx&(1<<29) != 0 && cpu.X86.HasSSSE3 && cpu.X86.HasSSE41
}()

// The SHA-512 assembly needs AVX for the schedule and BMI1/BMI2 (ANDN,
// RORX) for the rounds.
var hasAVXBMI2 = cpu.X86.HasAVX && cpu.X86.HasBMI1 && cpu.X86.HasBMI2

func useNI() bool  { return hasSHANI && !portable }
func useAVX() bool { return hasAVXBMI2 && !portable }

func cpuid(leaf, sub uint32) (a, b, c, d uint32)

// SHA-1 (sha1_amd64.s).

//go:noescape
func block1NI(h *[5]uint32, p []byte)

//go:noescape
func loop1NI(s *iter1, n int)

//go:noescape
func loop1NIx2(a, b *iter1, n int)

func block1(h *[5]uint32, p []byte) {
	if useNI() {
		block1NI(h, p)
		return
	}
	block1Generic(h, p)
}

func loop1(s *iter1, n int) {
	if useNI() {
		loop1NI(s, n)
		return
	}
	loop1Generic(s, n)
}

// lanes1 is how many SHA-1 blocks interleave on one core.
func lanes1() int {
	if useNI() {
		return 2
	}
	return 1
}

// loop1x2 runs loop1 on a and b; with SHA-NI the two interleave and take
// about the time of one.
func loop1x2(a, b *iter1, n int) {
	if useNI() {
		loop1NIx2(a, b, n)
		return
	}
	loop1Generic(a, n)
	loop1Generic(b, n)
}

// SHA-256 (sha256_amd64.s).

//go:noescape
func block256NI(h *[8]uint32, p []byte)

//go:noescape
func loop256NI(s *iter256, n int)

//go:noescape
func loop256NIx2(a, b *iter256, n int)

func block256(h *[8]uint32, p []byte) {
	if useNI() {
		block256NI(h, p)
		return
	}
	block256Generic(h, p)
}

func loop256(s *iter256, n int) {
	if useNI() {
		loop256NI(s, n)
		return
	}
	loop256Generic(s, n)
}

// lanes256 is how many SHA-256 blocks interleave on one core.
func lanes256() int {
	if useNI() {
		return 2
	}
	return 1
}

// loop256x2 runs loop256 on a and b; with SHA-NI the two interleave and
// take about the time of one.
func loop256x2(a, b *iter256, n int) {
	if useNI() {
		loop256NIx2(a, b, n)
		return
	}
	loop256Generic(a, n)
	loop256Generic(b, n)
}

// SHA-512 and SHA-384 (sha512_amd64.s). The rounds are bound by the integer
// units, not by latency, so two lanes would gain nothing.

//go:noescape
func block512AVX(h *[8]uint64, p []byte)

//go:noescape
func loop512AVX(s *iter512, n int)

//go:noescape
func loop384AVX(s *iter512, n int)

func block512(h *[8]uint64, p []byte) {
	if useAVX() {
		block512AVX(h, p)
		return
	}
	block512Generic(h, p)
}

func loop512(s *iter512, n, words int) {
	switch {
	case !useAVX():
		loop512Generic(s, n, words)
	case words == 8:
		loop512AVX(s, n)
	default:
		loop384AVX(s, n)
	}
}

// Accelerated reports whether h runs on assembly here. Where it does not,
// the standard library's crypto/pbkdf2 is faster than our portable code;
// tests skip the slowest vectors on the portable code.
func Accelerated(h Hash) bool {
	switch h {
	case SHA1, SHA256:
		return useNI()
	case SHA384, SHA512:
		return useAVX()
	}
	return false
}
