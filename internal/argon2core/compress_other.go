//go:build !amd64 || !gc || purego

package argon2core

func (in *instance) compress(out, x, y *block, withXor bool, nr *nextRef) {
	compressGeneric(out, x, y, withXor)
}

func haveAsm() bool { return false }
