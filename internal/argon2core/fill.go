package argon2core

import (
	"runtime"
	"sync"
)

// forceGeneric makes Key use the portable compression function even where
// assembly is available; tests flip it to compare the two.
var forceGeneric bool

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
	generic   bool
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

// fillSegment computes the blocks of one lane in one slice.
func (in *instance) fillSegment(pass, slice, lane uint32) {
	mem := in.mem
	// Argon2i, and Argon2id in the first half of the first pass, take
	// reference indices from a generated address stream (section 3.4.1.2);
	// otherwise from the first word of the previous block.
	indep := in.typ == Argon2i || (in.typ == Argon2id && pass == 0 && slice < syncPoints/2)
	withXor := pass != 0 && in.version != Version10

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
	col := slice*in.segLen + start // column within the lane
	prev := laneBase + col - 1
	if col == 0 {
		prev = laneBase + in.laneLen - 1 // wrap to the lane's last block
	}
	// Size of the reference area W and where it starts (section 3.4.2),
	// before the adjustment that depends on the index within the segment.
	var area, startPos uint32
	if pass == 0 {
		area = slice * in.segLen
	} else {
		area = in.laneLen - in.segLen
		if slice != syncPoints-1 {
			startPos = (slice + 1) * in.segLen
		}
	}
	sameLaneOnly := pass == 0 && slice == 0

	for i := start; i < in.segLen; i++ {
		var rnd uint64
		if indep {
			if i%addressesPerBlock == 0 {
				in.nextAddresses(&addr, &input)
			}
			rnd = addr[i%addressesPerBlock]
		} else {
			rnd = mem[prev][0]
		}

		refLane := uint32(rnd>>32) % in.lanes
		if sameLaneOnly {
			refLane = lane
		}
		// Same lane: everything computed so far but the previous block.
		// Other lanes: finished segments, minus their last block when this
		// is the first block of the segment.
		size := area
		if refLane == lane {
			size += i - 1
		} else if i == 0 {
			size--
		}
		x := uint64(uint32(rnd))
		x = x * x >> 32
		rel := uint64(size) - 1 - (uint64(size) * x >> 32)
		pos := uint64(startPos) + rel
		if pos >= uint64(in.laneLen) {
			pos -= uint64(in.laneLen)
		}
		ref := refLane*in.laneLen + uint32(pos)

		cur := laneBase + slice*in.segLen + i
		in.compress(&mem[cur], &mem[prev], &mem[ref], withXor)
		prev = cur
	}
}

const addressesPerBlock = blockSize / 8

// nextAddresses bumps the counter in input and sets addr = G(0, G(0, input)).
func (in *instance) nextAddresses(addr, input *block) {
	input[6]++
	in.compress(addr, &zeroBlock, input, false)
	in.compress(addr, &zeroBlock, addr, false)
}
