//go:build !unix

package coretest

func cpuTime() int64 { return -1 }
