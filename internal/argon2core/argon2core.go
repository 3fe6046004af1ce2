// Package argon2core computes Argon2d, Argon2i and Argon2id (RFC 9106) in
// both versions, 0x10 and 0x13.
//
// On amd64 with AVX2 the compression function runs in assembly; elsewhere a
// portable Go version is used. Block memory is kept in a bounded pool between
// calls (see SetPoolLimit). On Linux it is mapped outside the Go heap, so
// GOMEMLIMIT and the garbage collector do not count it.
package argon2core

import (
	"encoding/binary"
	"errors"
	"math"

	"golang.org/x/crypto/blake2b"
)

// Type is the Argon2 variant, numbered as in RFC 9106 section 3.1.
type Type uint32

const (
	Argon2d  Type = 0
	Argon2i  Type = 1
	Argon2id Type = 2
)

// Versions of the algorithm. 0x10 is the original one; 0x13 (RFC 9106) XORs
// each new block into the old one on passes after the first.
const (
	Version10 = 0x10
	Version13 = 0x13
)

// Params are the Argon2 cost and output parameters.
type Params struct {
	Type    Type
	Version uint32 // Version10 or Version13
	Memory  uint32 // KiB, >= 8*Threads
	Time    uint32 // passes, >= 1
	Threads uint32 // lanes (parallelism), 1..2^24-1
	KeyLen  uint32 // tag length in bytes, >= 4
}

const (
	syncPoints = 4 // slices per pass
	maxLanes   = 1<<24 - 1
	minKeyLen  = 4
	minSaltLen = 8 // libargon2's ARGON2_MIN_SALT_LENGTH; RFC 9106 sets no minimum
	blockSize  = 1024
)

// Limits mirror libargon2's validate_inputs (src/core.c, 20190702): the RFC
// itself allows a salt of any length, but libargon2 refuses fewer than 8
// bytes, and every other implementation we compare with follows libargon2.
var (
	errType     = errors.New("argon2core: unknown type")
	errVersion  = errors.New("argon2core: unknown version")
	errTime     = errors.New("argon2core: time must be at least 1")
	errThreads  = errors.New("argon2core: threads must be between 1 and 2^24-1")
	errMemory   = errors.New("argon2core: memory must be at least 8 KiB per thread")
	errMemLarge = errors.New("argon2core: memory too large for this platform")
	errKeyLen   = errors.New("argon2core: key length must be at least 4")
	errSalt     = errors.New("argon2core: salt must be at least 8 bytes")
	errInputLen = errors.New("argon2core: input longer than 2^32-1 bytes")
)

// Validate reports whether p is usable by Key.
func (p Params) Validate() error {
	switch {
	case p.Type > Argon2id:
		return errType
	case p.Version != Version10 && p.Version != Version13:
		return errVersion
	case p.Time < 1:
		return errTime
	case p.Threads < 1 || p.Threads > maxLanes:
		return errThreads
	case uint64(p.Memory) < 2*syncPoints*uint64(p.Threads):
		return errMemory
	case p.KeyLen < minKeyLen:
		return errKeyLen
	case memoryBlocks(p) > math.MaxInt/blockSize:
		// As libargon2, at most 2^(wordsize-11) KiB: this only bites on
		// 32-bit platforms.
		return errMemLarge
	}
	return nil
}

// MemoryBytes returns the bytes of block memory Key holds for p: Memory
// rounded down to a multiple of 4*Threads KiB (but at least 8*Threads KiB).
// It returns 0 when Threads is 0.
func MemoryBytes(p Params) uint64 {
	if p.Threads == 0 {
		return 0
	}
	return uint64(memoryBlocks(p)) * blockSize
}

// memoryBlocks is m' of RFC 9106 section 3.2, step 5.
func memoryBlocks(p Params) uint64 {
	lanes := uint64(p.Threads)
	m := uint64(p.Memory)
	if m < 2*syncPoints*lanes {
		m = 2 * syncPoints * lanes
	}
	return m / (syncPoints * lanes) * (syncPoints * lanes)
}

// Key derives a p.KeyLen-byte tag from password and salt. secret (K) and data
// (X) are optional. Like libargon2 it requires a salt of at least 8 bytes.
// It allocates MemoryBytes(p) (or takes it from the pool), so callers that
// take parameters from untrusted input must bound p.Memory first.
func Key(password, salt, secret, data []byte, p Params) ([]byte, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	if len(salt) < minSaltLen {
		return nil, errSalt
	}
	for _, b := range [][]byte{password, salt, secret, data} {
		if uint64(len(b)) > math.MaxUint32 {
			return nil, errInputLen
		}
	}

	h0 := initialHash(password, salt, secret, data, p)

	lanes := p.Threads
	laneLen := uint32(memoryBlocks(p) / uint64(lanes))
	mem, err := getBlocks(int(memoryBlocks(p)))
	if err != nil {
		return nil, err
	}
	defer putBlocks(mem)

	in := instance{
		mem:       mem,
		lanes:     lanes,
		laneLen:   laneLen,
		segLen:    laneLen / syncPoints,
		passes:    p.Time,
		typ:       p.Type,
		version:   p.Version,
		memBlocks: uint32(len(mem)),
	}
	in.firstBlocks(&h0)
	in.fill()

	// C = B[0][q-1] XOR ... XOR B[p-1][q-1]; tag = H'^T(C).
	final := mem[laneLen-1]
	for l := uint32(1); l < lanes; l++ {
		last := &mem[l*laneLen+laneLen-1]
		for i := range final {
			final[i] ^= last[i]
		}
	}
	var cbuf [blockSize]byte
	final.toBytes(&cbuf)
	out := make([]byte, p.KeyLen)
	hPrime(out, cbuf[:])
	clear(cbuf[:])
	return out, nil
}

// initialHash is H0 of RFC 9106 section 3.2, step 1, plus 8 spare bytes for
// the block and lane numbers appended in step 2.
func initialHash(password, salt, secret, data []byte, p Params) [blake2b.Size + 8]byte {
	h, _ := blake2b.New512(nil)
	var w [4]byte
	put := func(v uint32) {
		binary.LittleEndian.PutUint32(w[:], v)
		h.Write(w[:])
	}
	put(p.Threads)
	put(p.KeyLen)
	put(p.Memory)
	put(p.Time)
	put(p.Version)
	put(uint32(p.Type))
	for _, b := range [][]byte{password, salt, secret, data} {
		put(uint32(len(b)))
		h.Write(b)
	}
	var h0 [blake2b.Size + 8]byte
	h.Sum(h0[:0])
	return h0
}

// hPrime is the variable-length hash H' of RFC 9106 section 3.3, writing
// len(out) bytes of H'(in) to out.
func hPrime(out, in []byte) {
	var t [4]byte
	binary.LittleEndian.PutUint32(t[:], uint32(len(out)))
	if len(out) <= blake2b.Size {
		h, _ := blake2b.New(len(out), nil)
		h.Write(t[:])
		h.Write(in)
		h.Sum(out[:0])
		return
	}
	// V1 = H(T||A); Vi = H(Vi-1); the first 32 bytes of each are output, and
	// the last, shortened hash fills the remaining 33..64 bytes.
	r := (len(out)+31)/32 - 2
	h, _ := blake2b.New512(nil)
	h.Write(t[:])
	h.Write(in)
	var v [blake2b.Size]byte
	h.Sum(v[:0])
	copy(out, v[:32])
	pos := 32
	for i := 2; i <= r; i++ {
		v = blake2b.Sum512(v[:])
		copy(out[pos:], v[:32])
		pos += 32
	}
	last, _ := blake2b.New(len(out)-pos, nil)
	last.Write(v[:])
	last.Sum(out[pos:pos])
	clear(v[:])
}

// firstBlocks computes B[i][0] and B[i][1] for every lane i (step 2 and 3).
func (in *instance) firstBlocks(h0 *[blake2b.Size + 8]byte) {
	var buf [blockSize]byte
	for l := uint32(0); l < in.lanes; l++ {
		binary.LittleEndian.PutUint32(h0[blake2b.Size+4:], l)
		for j := uint32(0); j < 2; j++ {
			binary.LittleEndian.PutUint32(h0[blake2b.Size:], j)
			hPrime(buf[:], h0[:])
			in.mem[l*in.laneLen+j].fromBytes(&buf)
		}
	}
	clear(buf[:])
	clear(h0[:])
}

type block [blockSize / 8]uint64

func (b *block) fromBytes(src *[blockSize]byte) {
	for i := range b {
		b[i] = binary.LittleEndian.Uint64(src[i*8:])
	}
}

func (b *block) toBytes(dst *[blockSize]byte) {
	for i, v := range b {
		binary.LittleEndian.PutUint64(dst[i*8:], v)
	}
}
