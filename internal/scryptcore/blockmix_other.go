//go:build !amd64 || !gc || purego

package scryptcore

func blockMix(out, in, v []uint32, r int) { blockMixGeneric(out, in, v, r) }
