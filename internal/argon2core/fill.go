package argon2core

import (
	"runtime"
	"sync"
)

// instance is one Key computation: memory is lane-major, block j of lane l
// at mem[l*laneLen+j].
type instance struct {
	mem       []block
	lanes     uint32
	laneLen   uint32 // q: columns per lane
	segLen    uint32 // q/4: columns per slice
	passes    uint32
	typ       Type
	version   uint32
	memBlocks uint32 // m'
}

// zeroBlock is the all-zero first input of the address generator.
var zeroBlock block

// fill runs all passes (RFC 9106 section 3.2 steps 4-6). Segments of one
// slice depend only on earlier slices, so lanes run concurrently within a
// slice and meet at each of the four sync points.
func (in *instance) fill() {
	workers := min(in.lanes, uint32(runtime.GOMAXPROCS(0)))
	var wg sync.WaitGroup
	for pass := uint32(0); pass < in.passes; pass++ {
		for slice := uint32(0); slice < syncPoints; slice++ {
			if workers == 1 {
				for l := uint32(0); l < in.lanes; l++ {
					in.fillSegment(pass, slice, l)
				}
				continue
			}
			wg.Add(int(workers))
			for w := uint32(0); w < workers; w++ {
				go func(w uint32) {
					defer wg.Done()
					for l := w; l < in.lanes; l += workers {
						in.fillSegment(pass, slice, l)
					}
				}(w)
			}
			wg.Wait()
		}
	}
}

// segment holds what the reference index computation needs for one lane in
// one slice (RFC 9106 section 3.4).
type segment struct {
	lane, lanes, laneLen uint32
	// area is the size of the reference set W and startPos where it starts,
	// before the adjustment that depends on the index within the segment.
	area, startPos uint32
	sameLaneOnly   bool // first slice of the first pass
}

// refIndex maps the pseudo-random word for index i of the segment to the
// index of the reference block in memory.
func (s *segment) refIndex(rnd uint64, i uint32) uint32 {
	refLane := s.lane
	if !s.sameLaneOnly && s.lanes > 1 {
		refLane = uint32(rnd>>32) % s.lanes
	}
	// Same lane: everything computed so far but the previous block. Other
	// lanes: their finished segments, minus the last block when this is the
	// first block of the segment.
	size := s.area
	if refLane == s.lane {
		size += i - 1
	} else if i == 0 {
		size--
	}
	x := uint64(uint32(rnd))
	x = x * x >> 32
	rel := uint64(size) - 1 - (uint64(size) * x >> 32)
	pos := uint64(s.startPos) + rel
	if pos >= uint64(s.laneLen) {
		pos -= uint64(s.laneLen)
	}
	return refLane*s.laneLen + uint32(pos)
}

// nextRef tells the assembly where the reference block of the following
// block lies, so that it can be fetched while this one is computed: either
// directly (addr) or, for data-dependent addressing, as refIndex would find
// it from the first word of the block being computed.
type nextRef struct {
	mode      uint64
	addr      *block
	base      *block // block 0 of lane 0, or of this lane when lanes is 1
	laneLen   uint64
	lanes     uint64
	lane      uint64
	sizeSame  uint64
	sizeOther uint64
	start     uint64
	//lint:ignore U1000 written by the assembly, which purego builds lack
	got uintptr // what the assembly prefetched, for tests
}

// noPrefetch is the nextRef for calls with nothing to prefetch.
var noPrefetch nextRef

const (
	prefetchNone    = 0
	prefetchAddr    = 1
	prefetchCompute = 2
)

// segmentRefs returns the segment of lane in slice of pass and the nextRef
// that describes its reference area to the assembly.
func (in *instance) segmentRefs(pass, slice, lane uint32) (segment, nextRef) {
	s := segment{lane: lane, lanes: in.lanes, laneLen: in.laneLen}
	if pass == 0 {
		s.area = slice * in.segLen
		s.sameLaneOnly = slice == 0
	} else {
		s.area = in.laneLen - in.segLen
		if slice != syncPoints-1 {
			s.startPos = (slice + 1) * in.segLen
		}
	}
	nr := nextRef{
		base:      &in.mem[0],
		laneLen:   uint64(in.laneLen),
		lanes:     uint64(in.lanes),
		lane:      uint64(lane),
		sizeOther: uint64(s.area),
		start:     uint64(s.startPos),
	}
	if s.sameLaneOnly {
		nr.base, nr.lanes, nr.lane = &in.mem[lane*in.laneLen], 1, 0
	}
	return s, nr
}

// computeNext has the assembly find the reference of block next of the
// segment from the block it computes, as refIndex would.
func (nr *nextRef) computeNext(s *segment, next uint32) {
	nr.mode = prefetchCompute
	nr.sizeSame = uint64(s.area + next - 1)
}

// fillSegment computes the blocks of one lane in one slice.
func (in *instance) fillSegment(pass, slice, lane uint32) {
	mem := in.mem
	// Argon2i, and Argon2id in the first half of the first pass, take
	// reference indices from a generated address stream (section 3.4.1.2);
	// otherwise from the first word of the previous block.
	indep := in.typ == Argon2i || (in.typ == Argon2id && pass == 0 && slice < syncPoints/2)
	withXor := pass != 0 && in.version != Version10
	s, nr := in.segmentRefs(pass, slice, lane)

	var input, addr block
	start := uint32(0)
	if pass == 0 && slice == 0 {
		start = 2 // B[l][0] and B[l][1] come from H0
	}
	if indep {
		input[0] = uint64(pass)
		input[1] = uint64(lane)
		input[2] = uint64(slice)
		input[3] = uint64(in.memBlocks)
		input[4] = uint64(in.passes)
		input[5] = uint64(in.typ)
		if start != 0 {
			in.nextAddresses(&addr, &input)
		}
	}

	laneBase := lane * in.laneLen

	cur := laneBase + slice*in.segLen + start
	prev := cur - 1
	if cur == laneBase {
		prev = laneBase + in.laneLen - 1 // wrap to the lane's last block
	}
	var ref, nextIdx uint32
	haveNext := false
	for i := start; i < in.segLen; i++ {
		switch {
		case haveNext:
			ref = nextIdx
		case indep:
			if i%addressesPerBlock == 0 {
				in.nextAddresses(&addr, &input)
			}
			ref = s.refIndex(addr[i%addressesPerBlock], i)
		default:
			ref = s.refIndex(mem[prev][0], i)
		}

		// Let the following block's reference be fetched early.
		nr.mode, haveNext = prefetchNone, false
		if next := i + 1; next < in.segLen {
			if !indep {
				nr.computeNext(&s, next)
			} else if next%addressesPerBlock != 0 {
				nextIdx, haveNext = s.refIndex(addr[next%addressesPerBlock], next), true
				nr.mode, nr.addr = prefetchAddr, &mem[nextIdx]
			}
		}
		compress(&mem[cur], &mem[prev], &mem[ref], withXor, &nr)
		prev = cur
		cur++
	}
}

const addressesPerBlock = blockSize / 8

// nextAddresses bumps the counter in input and sets addr = G(0, G(0, input)).
func (in *instance) nextAddresses(addr, input *block) {
	input[6]++
	compress(addr, &zeroBlock, input, false, &noPrefetch)
	compress(addr, &zeroBlock, addr, false, &noPrefetch)
}
