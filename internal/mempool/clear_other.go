//go:build !amd64 || !gc || purego

package mempool

import "unsafe"

// clearNT is the portable clearNT of clear_amd64.go: the builtin clear.
func clearNT(p *byte, n uintptr) { clear(unsafe.Slice(p, n)) }

const haveClearNT = false
