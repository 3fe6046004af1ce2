//go:build amd64 && gc && !purego

package mempool

//go:generate go run -C _asm . -out ../clear_amd64.s -pkg mempool

// clearNT zeroes n bytes at p with non-temporal stores: p 16-byte aligned,
// n a positive multiple of 128.
//
//go:noescape
func clearNT(p *byte, n uintptr)

// haveClearNT says clearNT is assembly here, worth the alignment work.
const haveClearNT = true
