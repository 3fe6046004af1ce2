//go:build !unix

package scryptcore

func cpuTime() int64 { return -1 }
