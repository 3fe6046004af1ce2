//go:build !amd64 || !gc || purego

package scryptcore

func addArchImpls(map[string]blockMixFunc) {}
