package pbkdf2core

import "encoding/binary"

// portableKernels returns the portable Go code for a hash with compression
// function compress and a words-word output.
func portableKernels[W word](compress func(h *[8]W, m *[16]W), words int) kernels[W] {
	return kernels[W]{
		block: func(h *[8]W, p []byte) { blockGeneric(h, p, compress) },
		loop:  func(s *iter[W], n int) { loopGeneric(s, n, words, compress) },
		// Go code can be preempted anywhere: the chunk only needs to keep
		// the calls few.
		chunk: 1 << 20,
	}
}

// blockGeneric compresses the whole blocks of p into h.
func blockGeneric[W word](h *[8]W, p []byte, compress func(h *[8]W, m *[16]W)) {
	var m [16]W
	wb := wordBytes[W]()
	for ; len(p) >= 16*wb; p = p[16*wb:] {
		for i := range m {
			if wb == 4 {
				m[i] = W(binary.BigEndian.Uint32(p[4*i:]))
			} else {
				m[i] = W(binary.BigEndian.Uint64(p[8*i:]))
			}
		}
		compress(h, &m)
	}
	clear(m[:])
}

// loopGeneric runs n PBKDF2 iterations: U = HMAC(P, U), acc ^= U, where U
// has words words.
func loopGeneric[W word](s *iter[W], n, words int, compress func(h *[8]W, m *[16]W)) {
	// U follows a one-block key: the padding and the length are the same
	// in every message.
	wb := wordBytes[W]()
	var m [16]W
	m[words] = 1 << (8*wb - 1)
	m[15] = W((16 + words) * wb * 8)
	for range n {
		copy(m[:words], s.u[:words])
		h := s.is
		compress(&h, &m)
		copy(m[:words], h[:words])
		s.u = s.os
		compress(&s.u, &m)
		for i := range words {
			s.acc[i] ^= s.u[i]
		}
	}
	clear(m[:])
}
