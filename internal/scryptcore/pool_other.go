//go:build !linux

package scryptcore

func allocBuf(n int) ([]uint32, error) { return make([]uint32, n), nil }

func freeBuf([]uint32) {}
