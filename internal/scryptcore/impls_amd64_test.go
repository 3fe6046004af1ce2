//go:build amd64 && gc && !purego

package scryptcore

func addArchImpls(m map[string]blockMixFunc) { m["sse2"] = blockMix }
