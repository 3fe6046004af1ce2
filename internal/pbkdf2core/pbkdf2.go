// Package pbkdf2core computes PBKDF2 (RFC 8018, section 5.2) with HMAC-SHA-1,
// HMAC-SHA-256, HMAC-SHA-384 and HMAC-SHA-512 close to the speed of the hash's
// compression function.
//
// HMAC's inner and outer chaining values are computed once per key; every
// further iteration is two compressions of a fixed-shape one-block message,
// done by a loop that neither allocates nor re-keys. On amd64 the SHA-1 and
// SHA-256 compressions use the SHA extensions and SHA-384/512 use AVX and
// BMI2, chosen at run time; elsewhere, and with the purego build tag, the
// portable Go code runs.
//
// Output blocks are independent. Where the compression is bound by
// instruction latency (the SHA extensions) two blocks interleave on one
// core; beyond that, blocks are spread over up to GOMAXPROCS goroutines.
package pbkdf2core

import (
	"encoding/binary"
	"errors"
	"runtime"
	"sync"
)

// Hash names the hash function under HMAC.
type Hash int

// The hash functions; the zero Hash is invalid.
const (
	SHA1 Hash = iota + 1
	SHA256
	SHA512
	SHA384
)

// Size returns the output length of h in bytes, or 0 if h is unknown.
func (h Hash) Size() int {
	switch h {
	case SHA1:
		return 20
	case SHA256:
		return 32
	case SHA384:
		return 48
	case SHA512:
		return 64
	}
	return 0
}

// blockSize returns the input block length of h in bytes.
func (h Hash) blockSize() int {
	switch h {
	case SHA1, SHA256:
		return 64
	case SHA384, SHA512:
		return 128
	}
	return 0
}

var (
	errHash    = errors.New("pbkdf2core: unknown hash function")
	errIter    = errors.New("pbkdf2core: iteration count must be at least 1")
	errKeyLen  = errors.New("pbkdf2core: key length must be at least 1")
	errTooLong = errors.New("pbkdf2core: key length too long")
)

// sequential makes Key compute output blocks one after the other, with
// neither goroutines nor interleaved lanes; benchmarks use it to show the
// gain of the parallel blocks.
var sequential bool

// Key derives a keyLen-byte key from password and salt with iter iterations of
// PBKDF2 using HMAC with h. It returns an error, never panics, if h is unknown,
// iter < 1, keyLen < 1 or keyLen > (2^32-1)*h.Size().
func Key(h Hash, password, salt []byte, iter, keyLen int) ([]byte, error) {
	hLen := h.Size()
	switch {
	case hLen == 0:
		return nil, errHash
	case iter < 1:
		return nil, errIter
	case keyLen < 1:
		return nil, errKeyLen
	case uint64(keyLen) > (1<<32-1)*uint64(hLen):
		return nil, errTooLong
	}
	var f prf
	switch h {
	case SHA1:
		f = newPRF1(password)
	case SHA256:
		f = newPRF256(password)
	case SHA384:
		f = newPRF512(password, true)
	case SHA512:
		f = newPRF512(password, false)
	}

	out := make([]byte, keyLen)
	blocks := (keyLen-1)/hLen + 1
	// A unit of work is as many consecutive blocks as f interleaves on one
	// core; units go to up to GOMAXPROCS goroutines.
	lanes, workers := 1, 1
	if !sequential {
		lanes = f.lanes()
	}
	units := (blocks-1)/lanes + 1
	if !sequential {
		workers = min(units, runtime.GOMAXPROCS(0))
	}
	// Worker w does units w, w+workers, ...; all units cost about the same.
	run := func(w int) {
		msg := make([]byte, len(salt)+4)
		copy(msg, salt)
		for u := w; u < units; u += workers {
			lo := u * lanes * hLen
			f.blocks(out[lo:min(lo+lanes*hLen, keyLen)], msg, uint32(u*lanes+1), iter)
		}
	}
	if workers == 1 {
		run(0)
		return out, nil
	}
	var wg sync.WaitGroup
	wg.Add(workers - 1)
	for w := 1; w < workers; w++ {
		go func() {
			defer wg.Done()
			run(w)
		}()
	}
	run(0)
	wg.Wait()
	return out, nil
}

// Compressions returns how many compression-function calls the iteration
// loops of Key(h, _, _, iter, keyLen) make: two per iteration per output
// block. It returns 0 for arguments Key rejects.
func Compressions(h Hash, iter, keyLen int) int {
	hLen := h.Size()
	if hLen == 0 || iter < 1 || keyLen < 1 {
		return 0
	}
	return 2 * iter * ((keyLen-1)/hLen + 1)
}

// prf computes PBKDF2 output blocks T_i = U_1 ^ ... ^ U_iter, where
// U_1 = HMAC(P, S || INT(i)). Its methods only read the receiver, so
// goroutines share it.
type prf interface {
	// lanes is how many blocks one call of blocks computes in about the
	// time of one.
	lanes() int
	// blocks fills dst, at most lanes() hash outputs long, with the
	// blocks from number first on. msg is S followed by 4 bytes for INT(i).
	blocks(dst, msg []byte, first uint32, iter int)
}

// setIndex writes INT(i) at the end of msg.
func setIndex(msg []byte, i uint32) {
	binary.BigEndian.PutUint32(msg[len(msg)-4:], i)
}

// hmacKey returns the HMAC key block (RFC 2104): the password padded with
// zeros, or its hash when it is longer than the block.
func hmacKey(key []byte, blockSize int, sum func([]byte) []byte) []byte {
	k := make([]byte, blockSize)
	if len(key) > blockSize {
		key = sum(key)
	}
	copy(k, key)
	return k
}

// xorPad returns k XOR pad, a new slice.
func xorPad(k []byte, pad byte) []byte {
	p := make([]byte, len(k))
	for i, b := range k {
		p[i] = b ^ pad
	}
	return p
}

// The iteration loops run at most this many iterations per call, so that
// the runtime can stop the goroutine (for a GC) between calls: it cannot
// preempt assembly. Measured on an AMD EPYC (SHA-NI, AVX2) one iteration
// takes 77 ns (SHA-1), 84 ns (SHA-256, either one or two lanes) and 384 ns
// (SHA-512), so a call is 0.3-0.4 ms; the call costs a few nanoseconds.
const (
	chunk1   = 4096
	chunk256 = 4096
	chunk512 = 1024
)
