//go:build !unix

package bcryptcore

func cpuTime() int64 { return -1 }
