package scryptcore

import (
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/scrypt"
)

// RFC 7914 section 12, "Test Vectors for scrypt".
var rfcVectors = []struct {
	password, salt string
	N, r, p        int
	want           string
}{
	{"", "", 16, 1, 1, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442" +
		"fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"},
	{"password", "NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162" +
		"2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"},
	{"pleaseletmein", "SodiumChloride", 16384, 8, 1, "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2" +
		"d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"},
	{"pleaseletmein", "SodiumChloride", 1048576, 8, 1, "2101cb9b6a511aaeaddbbe09cf70f881ec568d574a2ffd4dabe5ee9820adaa47" +
		"8e56fd8f4ba5d09ffa1c6d927c40f4c337304049e8a952fbcbf45c6fa77a41a4"},
}

func TestRFC7914(t *testing.T) {
	for _, v := range rfcVectors {
		t.Run(v.password+"/"+v.salt, func(t *testing.T) {
			if v.N > 1<<14 && testing.Short() {
				t.Skip("1 GiB vector in -short mode")
			}
			want, err := hex.DecodeString(v.want)
			require.NoError(t, err)
			got, err := Key([]byte(v.password), []byte(v.salt), v.N, v.r, v.p, len(want))
			require.NoError(t, err)
			require.Equal(t, want, got)
		})
	}
}

// RFC 7914 section 8, "Test Vectors for Salsa20/8 Core" and section 9,
// "Test Vectors for scryptBlockMix" (r = 1).
func TestBlockMixRFC(t *testing.T) {
	in := "f7ce0b653d2d72a4108cf5abe912ffdd777616dbbb27a70e8204f3ae2d0f6fad" +
		"89f68f4811d1e87bcc3bd7400a9ffd29094f0184639574f39ae5a1315217bcd7" +
		"894991447213bb226c25b54da86370fbcd984380374666bb8ffcb5bf40c254b0" +
		"67d27c51ce4ad5fed829c90b505a571b7f4d1cad6a523cda770e67bceaaf7e89"
	want := "a41f859c6608cc993b81cacb020cef05044b2181a2fd337dfd7b1c6396682f29" +
		"b4393168e3c9e6bcfe6bc5b7a06d96bae424cc102c91745c24ad673dc7618f81" +
		"20edc975323881a80540f64c162dcd3c21077cfe5f8d5fe2b1a4168f953678b7" +
		"7d3b3d803b60e4ab920996e59b4d53b65d2a225877d5edf5842cb9f14eefe425"
	inb, _ := hex.DecodeString(in)
	wantb, _ := hex.DecodeString(want)
	for name, f := range blockMixImpls() {
		t.Run(name, func(t *testing.T) {
			x := make([]uint32, 32)
			load(x, inb)
			out := make([]uint32, 32)
			f(out, x, nil, 1)
			got := make([]byte, 128)
			store(got, out)
			require.Equal(t, hex.EncodeToString(wantb), hex.EncodeToString(got))

			// The same with the input split into two XORed halves.
			a, b := make([]uint32, 32), make([]uint32, 32)
			for i := range x {
				a[i] = uint32(i * 0x9e3779b9)
				b[i] = x[i] ^ a[i]
			}
			clear(out)
			f(out, a, b, 1)
			store(got, out)
			require.Equal(t, hex.EncodeToString(wantb), hex.EncodeToString(got))
		})
	}
}

func TestSalsa208RFC(t *testing.T) {
	// RFC 7914 section 8.
	in, _ := hex.DecodeString("7e879a214f3ec9867ca940e641718f26baee555b8c61c1b50df846116dcd3b1d" +
		"ee24f319df9b3d8514121e4b5ac5aa3276021d2909c74829edebc68db8b8c25e")
	want := "a41f859c6608cc993b81cacb020cef05044b2181a2fd337dfd7b1c6396682f29" +
		"b4393168e3c9e6bcfe6bc5b7a06d96bae424cc102c91745c24ad673dc7618f81"
	var s [16]uint32
	load(s[:], in)
	salsa208(&s)
	got := make([]byte, 64)
	store(got, s[:])
	require.Equal(t, want, hex.EncodeToString(got))
}

func TestAgainstXCrypto(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 150 {
		N := 2 << rng.IntN(10) // 2..1024
		r := 1 + rng.IntN(8)
		p := 1 + rng.IntN(3)
		keyLen := 1 + rng.IntN(100)
		pw := make([]byte, rng.IntN(80))
		salt := make([]byte, rng.IntN(40))
		for j := range pw {
			pw[j] = byte(rng.Uint32())
		}
		for j := range salt {
			salt[j] = byte(rng.Uint32())
		}
		want, err := scrypt.Key(pw, salt, N, r, p, keyLen)
		require.NoError(t, err)
		got, err := Key(pw, salt, N, r, p, keyLen)
		require.NoError(t, err, "case %d", i)
		require.Equal(t, want, got, "case %d: N=%d r=%d p=%d keyLen=%d", i, N, r, p, keyLen)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name          string
		N, r, p, kl   int
		wantSubstring string
	}{
		{"N=0", 0, 1, 1, 32, "N must"},
		{"N=1", 1, 1, 1, 32, "N must"},
		{"N negative", -16, 1, 1, 32, "N must"},
		{"N not a power of two", 1000, 1, 1, 32, "N must"},
		{"r=0", 16, 0, 1, 32, "r and p"},
		{"p=0", 16, 1, 0, 32, "r and p"},
		{"r negative", 16, -1, 1, 32, "r and p"},
		{"p negative", 16, 1, -8, 32, "r and p"},
		{"r·p = 2^30", 16, 1 << 15, 1 << 15, 32, "r and p"},
		{"r = 2^30", 16, 1 << 30, 1, 32, "r and p"},
		{"huge N", 1 << 62, 8, 1, 32, "too large"},
		{"huge N·r", 1 << 40, 1 << 20, 1, 32, "too large"},
		{"negative key length", 16, 1, 1, -1, "key length"},
		{"zero key length", 16, 1, 1, 0, "key length"},
		{"key length too long", 16, 1, 1, (1<<32)*32 + 64, "key length"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := Key([]byte("pw"), []byte("salt"), tt.N, tt.r, tt.p, tt.kl)
			require.Error(t, err)
			require.Nil(t, k)
			require.True(t, strings.HasPrefix(err.Error(), "scryptcore: "), err.Error())
			require.Contains(t, err.Error(), tt.wantSubstring)
			if tt.wantSubstring != "key length" {
				require.Equal(t, int64(-1), MemoryBytes(tt.N, tt.r, tt.p))
			}
		})
	}
}

func TestMemoryBytes(t *testing.T) {
	// V + B + X/Y as RFC 7914 section 5 sizes them.
	require.Equal(t, int64(128*8*16384+128*8*1+256*8), MemoryBytes(16384, 8, 1))
	require.Equal(t, int64(128*8*32768+128*8*1+256*8), MemoryBytes(32768, 8, 1))
	require.Equal(t, int64(128*1*2+128*1*3+256*1), MemoryBytes(2, 1, 3))
}
