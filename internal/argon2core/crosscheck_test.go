package argon2core

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/argon2"
)

// xcrypto computes version 0x13 Argon2i or Argon2id with
// golang.org/x/crypto/argon2, which has no secret and no Argon2d.
func xcrypto(password, salt, data []byte, p Params) []byte {
	if p.Type == Argon2i {
		return argon2.Key(password, salt, p.Time, p.Memory, uint8(p.Threads), p.KeyLen)
	}
	return argon2.IDKey(password, salt, p.Time, p.Memory, uint8(p.Threads), p.KeyLen)
}

func randomParams(r *rand.Rand, maxMemory uint32) Params {
	threads := 1 + r.Uint32N(8)
	return Params{
		Type:    Type(r.Uint32N(3)),
		Version: []uint32{Version10, Version13}[r.IntN(2)],
		Memory:  8*threads + r.Uint32N(maxMemory),
		Time:    1 + r.Uint32N(3),
		Threads: threads,
		KeyLen:  4 + r.Uint32N(200),
	}
}

func randomBytes(r *rand.Rand, min, max int) []byte {
	b := make([]byte, min+r.IntN(max-min+1))
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// Version 0x13 Argon2i and Argon2id against x/crypto on random inputs.
func TestCrossCheckXCrypto(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 60
	if testing.Short() {
		n = 15
	}
	for i := range n {
		p := randomParams(r, 2000)
		p.Version = Version13
		p.Type = Argon2i + Type(r.IntN(2))
		password, salt := randomBytes(r, 0, 64), randomBytes(r, 8, 40)
		want := xcrypto(password, salt, nil, p)
		for _, path := range paths() {
			t.Run(fmt.Sprintf("%d/%s/%+v", i, path, p), func(t *testing.T) {
				withPath(t, path)
				got, err := Key(password, salt, nil, nil, p)
				require.NoError(t, err)
				assert.Equal(t, want, got)
			})
		}
	}
}

// All types and versions, with secret and data: assembly against Go.
func TestAsmMatchesGeneric(t *testing.T) {
	if !asmAvailable {
		t.Skip("no assembly here")
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 40 {
		p := randomParams(r, 3000)
		password, salt := randomBytes(r, 0, 64), randomBytes(r, 8, 40)
		secret, data := randomBytes(r, 0, 32), randomBytes(r, 0, 32)
		t.Run(fmt.Sprintf("%d/%+v", i, p), func(t *testing.T) {
			want := keyWith(t, "generic", password, salt, secret, data, p)
			got := keyWith(t, "asm", password, salt, secret, data, p)
			assert.Equal(t, want, got)
		})
	}
}

func keyWith(t testing.TB, path string, password, salt, secret, data []byte, p Params) []byte {
	old := useAsm
	useAsm = path == "asm"
	defer func() { useAsm = old }()
	k, err := Key(password, salt, secret, data, p)
	require.NoError(t, err)
	return k
}

// Concurrent calls share the pool; run with -race.
func TestConcurrentKeys(t *testing.T) {
	p := Params{Type: Argon2id, Version: Version13, Memory: 256, Time: 2, Threads: 2, KeyLen: 32}
	want := xcrypto([]byte("password"), []byte("somesalt"), nil, p)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				got, err := Key([]byte("password"), []byte("somesalt"), nil, nil, p)
				if err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(got, want) {
					errs <- fmt.Errorf("got %x, want %x", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// FuzzKey compares the assembly with the portable code on every type and
// version, and both with x/crypto for version 0x13 Argon2i and Argon2id.
func FuzzKey(f *testing.F) {
	f.Add([]byte("password"), []byte("somesalt"), []byte{}, []byte{}, uint8(2), true, uint16(64), uint8(2), uint8(1), uint8(32))
	f.Add([]byte{}, []byte("12345678"), []byte("k"), []byte("x"), uint8(0), false, uint16(100), uint8(3), uint8(3), uint8(5))
	f.Fuzz(func(t *testing.T, password, salt, secret, data []byte, typ uint8, v13 bool, memory uint16, time, threads, keyLen uint8) {
		p := Params{
			Type:    Type(typ % 3),
			Version: Version10,
			Threads: 1 + uint32(threads%8),
			Time:    1 + uint32(time%4),
			KeyLen:  4 + uint32(keyLen),
		}
		if v13 {
			p.Version = Version13
		}
		p.Memory = 8*p.Threads + uint32(memory%2048)
		if len(salt) < minSaltLen {
			_, err := Key(password, salt, secret, data, p)
			if err == nil {
				t.Fatal("short salt accepted")
			}
			return
		}
		want := keyWith(t, "generic", password, salt, secret, data, p)
		if asmAvailable {
			if got := keyWith(t, "asm", password, salt, secret, data, p); !bytes.Equal(got, want) {
				t.Fatalf("asm %x, generic %x, %+v", got, want, p)
			}
		}
		if p.Version == Version13 && p.Type != Argon2d {
			// x/crypto takes no secret or associated data.
			ours, err := Key(password, salt, nil, nil, p)
			if err != nil {
				t.Fatal(err)
			}
			if x := xcrypto(password, salt, nil, p); !bytes.Equal(x, ours) {
				t.Fatalf("x/crypto %x, ours %x, %+v", x, ours, p)
			}
		}
	})
}
