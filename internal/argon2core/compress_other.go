//go:build !amd64 || !gc || purego

package argon2core

// useAsm is false: this build has no assembly.
var useAsm = false

func compress(out, x, y *block, withXor bool, nr *nextRef) {
	compressGeneric(out, x, y, withXor)
}
