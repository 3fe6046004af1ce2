// Package asm is the module of the assembly generators of pbkdf2core, avo
// programs, one a file: cpu (cpu_amd64.s), sha1, sha256 and sha512. The
// package's go:generate lines run them; from the module root:
//
//	go generate ./internal/pbkdf2core
package asm
