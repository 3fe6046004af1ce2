package argon2core

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// paths lists the compression implementations available here, so that each
// test runs against the assembly and the portable Go code.
func paths() []string {
	if asmAvailable {
		return []string{"asm", "generic"}
	}
	return []string{"generic"}
}

// asmAvailable is whether this build and CPU run the assembly.
var asmAvailable = useAsm

func withPath(t testing.TB, path string) {
	old := useAsm
	useAsm = path == "asm"
	t.Cleanup(func() { useAsm = old })
}

// RFC 9106 section 5 (version 0x13) and the version 0x10 files of the
// reference repository (P-H-C/phc-winner-argon2 @ f57e61e, kats/argon2*_v16),
// which use the same inputs: memory 32 KiB, 3 passes, 4 lanes, 32-byte tag,
// password 32 x 0x01, salt 16 x 0x02, secret 8 x 0x03, data 12 x 0x04.
var rfcVectors = []struct {
	typ     Type
	version uint32
	tag     string
}{
	{Argon2d, Version13, "512b391b6f1162975371d30919734294f868e3be3984f3c1a13a4db9fabe4acb"},
	{Argon2i, Version13, "c814d9d1dc7f37aa13f0d77f2494bda1c8de6b016dd388d29952a4c4672b6ce8"},
	{Argon2id, Version13, "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"},
	{Argon2d, Version10, "96a9d4e5a1734092c85e29f410a45914a5dd1f5cbf08b2670da68a0285abf32b"},
	{Argon2i, Version10, "87aeedd6517ab830cd9765cd8231abb2e647a5dee08f7c05e02fcb763335d0fd"},
	{Argon2id, Version10, "b64615f07789b66b645b67ee9ed3b377ae350b6bfcbb0fc95141ea8f322613c0"},
}

func TestRFC9106(t *testing.T) {
	password := bytes.Repeat([]byte{1}, 32)
	salt := bytes.Repeat([]byte{2}, 16)
	secret := bytes.Repeat([]byte{3}, 8)
	data := bytes.Repeat([]byte{4}, 12)
	for _, path := range paths() {
		for _, v := range rfcVectors {
			t.Run(fmt.Sprintf("%s/type%d/v%x", path, v.typ, v.version), func(t *testing.T) {
				withPath(t, path)
				p := Params{Type: v.typ, Version: v.version, Memory: 32, Time: 3, Threads: 4, KeyLen: 32}
				got, err := Key(password, salt, secret, data, p)
				require.NoError(t, err)
				assert.Equal(t, v.tag, hex.EncodeToString(got))
			})
		}
	}
}

// From src/test.c of P-H-C/phc-winner-argon2 @ f57e61e (libargon2's own
// test program): 32-byte tags, memory 2^logM KiB.
var refTestVectors = []struct {
	typ               Type
	version           uint32
	time, logM, lanes uint32
	password, salt    string
	tag               string
}{
	{Argon2i, Version10, 2, 16, 1, "password", "somesalt", "f6c4db4a54e2a370627aff3db6176b94a2a209a62c8e36152711802f7b30c694"},
	{Argon2i, Version10, 2, 18, 1, "password", "somesalt", "3e689aaa3d28a77cf2bc72a51ac53166761751182f1ee292e3f677a7da4c2467"},
	{Argon2i, Version10, 2, 8, 1, "password", "somesalt", "fd4dd83d762c49bdeaf57c47bdcd0c2f1babf863fdeb490df63ede9975fccf06"},
	{Argon2i, Version10, 2, 8, 2, "password", "somesalt", "b6c11560a6a9d61eac706b79a2f97d68b4463aa3ad87e00c07e2b01e90c564fb"},
	{Argon2i, Version10, 1, 16, 1, "password", "somesalt", "81630552b8f3b1f48cdb1992c4c678643d490b2b5eb4ff6c4b3438b5621724b2"},
	{Argon2i, Version10, 4, 16, 1, "password", "somesalt", "f212f01615e6eb5d74734dc3ef40ade2d51d052468d8c69440a3a1f2c1c2847b"},
	{Argon2i, Version10, 2, 16, 1, "differentpassword", "somesalt", "e9c902074b6754531a3a0be519e5baf404b30ce69b3f01ac3bf21229960109a3"},
	{Argon2i, Version10, 2, 16, 1, "password", "diffsalt", "79a103b90fe8aef8570cb31fc8b22259778916f8336b7bdac3892569d4f1c497"},

	{Argon2i, Version13, 2, 16, 1, "password", "somesalt", "c1628832147d9720c5bd1cfd61367078729f6dfb6f8fea9ff98158e0d7816ed0"},
	{Argon2i, Version13, 2, 18, 1, "password", "somesalt", "296dbae80b807cdceaad44ae741b506f14db0959267b183b118f9b24229bc7cb"},
	{Argon2i, Version13, 2, 8, 1, "password", "somesalt", "89e9029f4637b295beb027056a7336c414fadd43f6b208645281cb214a56452f"},
	{Argon2i, Version13, 2, 8, 2, "password", "somesalt", "4ff5ce2769a1d7f4c8a491df09d41a9fbe90e5eb02155a13e4c01e20cd4eab61"},
	{Argon2i, Version13, 1, 16, 1, "password", "somesalt", "d168075c4d985e13ebeae560cf8b94c3b5d8a16c51916b6f4ac2da3ac11bbecf"},
	{Argon2i, Version13, 4, 16, 1, "password", "somesalt", "aaa953d58af3706ce3df1aefd4a64a84e31d7f54175231f1285259f88174ce5b"},
	{Argon2i, Version13, 2, 16, 1, "differentpassword", "somesalt", "14ae8da01afea8700c2358dcef7c5358d9021282bd88663a4562f59fb74d22ee"},
	{Argon2i, Version13, 2, 16, 1, "password", "diffsalt", "b0357cccfbef91f3860b0dba447b2348cbefecadaf990abfe9cc40726c521271"},

	{Argon2id, Version13, 2, 16, 1, "password", "somesalt", "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7"},
	{Argon2id, Version13, 2, 18, 1, "password", "somesalt", "78fe1ec91fb3aa5657d72e710854e4c3d9b9198c742f9616c2f085bed95b2e8c"},
	{Argon2id, Version13, 2, 8, 1, "password", "somesalt", "9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe"},
	{Argon2id, Version13, 2, 8, 2, "password", "somesalt", "6d093c501fd5999645e0ea3bf620d7b8be7fd2db59c20d9fff9539da2bf57037"},
	{Argon2id, Version13, 1, 16, 1, "password", "somesalt", "f6a5adc1ba723dddef9b5ac1d464e180fcd9dffc9d1cbf76cca2fed795d9ca98"},
	{Argon2id, Version13, 4, 16, 1, "password", "somesalt", "9025d48e68ef7395cca9079da4c4ec3affb3c8911fe4f86d1a2520856f63172c"},
	{Argon2id, Version13, 2, 16, 1, "differentpassword", "somesalt", "0b84d652cf6b0c4beaef0dfe278ba6a80df6696281d7e0d2891b817d8c458fde"},
	{Argon2id, Version13, 2, 16, 1, "password", "diffsalt", "bdf32b05ccc42eb15d58fd19b1f856b113da1e9a5874fdcc544308565aa8141c"},
}

func TestReferenceTestC(t *testing.T) {
	for _, path := range paths() {
		for _, v := range refTestVectors {
			name := fmt.Sprintf("%s/type%d/v%x/t=%d,m=2^%d,p=%d/%s/%s", path, v.typ, v.version, v.time, v.logM, v.lanes, v.password, v.salt)
			t.Run(name, func(t *testing.T) {
				if testing.Short() && (v.logM > 16 || v.logM == 16 && path == "generic" && asmAvailable) {
					t.Skip("slow; -short")
				}
				withPath(t, path)
				p := Params{Type: v.typ, Version: v.version, Memory: 1 << v.logM, Time: v.time, Threads: v.lanes, KeyLen: 32}
				got, err := Key([]byte(v.password), []byte(v.salt), nil, nil, p)
				require.NoError(t, err)
				assert.Equal(t, v.tag, hex.EncodeToString(got))
			})
		}
	}
}

// Outputs of Debian bookworm's libargon2 0~20171227-0.3+deb12u1, through
// argon2-cffi 21.1.0 (argon2.low_level.hash_secret_raw) or the argon2 CLI
// (`printf %s PASSWORD | argon2 SALT -TYPE -v 10 -t T -k M -p P -l LEN -r`).
// They cover version 0x10, Argon2d, memory that is not a multiple of 4*lanes,
// and tags that are not 32 bytes long.
var libargon2Vectors = []struct {
	typ                         Type
	version                     uint32
	time, memory, lanes, keyLen uint32
	password, salt, tag, source string
}{
	{Argon2d, Version10, 2, 256, 1, 32, "password", "somesalt", "bd404868ff00c52e7543c8332e6a772a5724892d7e328d5cf253bbc8e726b371", "cffi and CLI"},
	{Argon2d, Version10, 3, 100, 3, 5, "", "saltsaltsalt", "504e612473", "cffi"},
	{Argon2i, Version10, 1, 64, 2, 65, "pw", "12345678", "7a8d59f85af20ece236fbaa0901df0055b8bb4339da17305987847bc9331f283ac8c8b873c9278bef2933863dcc44bdb11d3a6466a6bc32644527a0a2c515b7e6e", "cffi"},
	{Argon2id, Version10, 2, 1000, 4, 100, "correct horse battery staple", "NaClNaClNaClNaCl", "4ba014084eafbcba9b01ba630b69f3875467e3ce1ae986685d6ffd8be89ac1fccf752da98cf5fd894b954c29321246c6c7c521ded5a131e7287398e41ec2b40c28f924c9209762dbd1268aeef8457e997fb879dd70f6573e057bb36c229c867a424a8a7d", "cffi"},
	{Argon2id, Version10, 4, 37, 1, 64, "\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff\x00\xff", "\x01\x01\x01\x01\x01\x01\x01\x01", "b358880a238ee3778f0808a60be46ffd05827480ca4b36910978f84d7798a3062c592376b7582a4c09b24a091fb4dd80ab06e6a622d11029544109a8a66843c0", "cffi"},
	{Argon2id, Version10, 3, 4096, 2, 24, "hunter2", "saltysaltysalt", "c8fd87206cd5624cb492195727c5a8f2adea8d744fce2ebe", "CLI"},
	{Argon2i, Version10, 1, 2048, 8, 16, "hunter2", "saltysaltysalt", "511abb914d0a060c48a991a907114c29", "CLI"},
	{Argon2d, Version13, 3, 333, 2, 33, "password", "somesalt", "3cbf9c98b46d3d477d1686374126c8b5de4bda7803dca14f4edb1b688f7139c96d", "cffi"},
	{Argon2d, Version13, 1, 8, 1, 4, "x", "abcdefgh", "d3c40aaa", "cffi"},
	{Argon2i, Version13, 2, 500, 5, 128, "passphrase", "0123456789abcdef", "f376a37773f5c243ce11cdc700d7cf8aaf5f6fde71ed88e5cc9e3b1cbbe095e48b10653344e4d99f039ddc652934ab5254a5d8f42f6defce6f908c8fd53c6b3f23cbc9f887a4f1543a0ba27bcb01b7178124203a50970d8d908b4098eeed53fbd8903c46655519a5c68bee2f9e24c1507cfea4e41c70786ea20973cc9cd8631e", "cffi"},
}

func TestLibargon2(t *testing.T) {
	for _, path := range paths() {
		for i, v := range libargon2Vectors {
			t.Run(fmt.Sprintf("%s/%d", path, i), func(t *testing.T) {
				withPath(t, path)
				p := Params{Type: v.typ, Version: v.version, Memory: v.memory, Time: v.time, Threads: v.lanes, KeyLen: v.keyLen}
				got, err := Key([]byte(v.password), []byte(v.salt), nil, nil, p)
				require.NoError(t, err)
				assert.Equal(t, v.tag, hex.EncodeToString(got), v.source)
			})
		}
	}
}

func TestValidate(t *testing.T) {
	good := Params{Type: Argon2id, Version: Version13, Memory: 64, Time: 1, Threads: 8, KeyLen: 4}
	require.NoError(t, good.Validate())
	tests := []struct {
		name string
		edit func(*Params)
	}{
		{"type", func(p *Params) { p.Type = 3 }},
		{"version", func(p *Params) { p.Version = 0x12 }},
		{"version zero", func(p *Params) { p.Version = 0 }},
		{"time", func(p *Params) { p.Time = 0 }},
		{"no threads", func(p *Params) { p.Threads = 0 }},
		{"too many threads", func(p *Params) { p.Threads = 1 << 24; p.Memory = 1 << 31 }},
		{"memory per thread", func(p *Params) { p.Memory = 63 }},
		{"memory", func(p *Params) { p.Memory = 7; p.Threads = 1 }},
		{"key length", func(p *Params) { p.KeyLen = 3 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := good
			tt.edit(&p)
			assert.Error(t, p.Validate())
			_, err := Key([]byte("password"), []byte("somesalt"), nil, nil, p)
			assert.Error(t, err)
		})
	}
}

func TestKeyErrors(t *testing.T) {
	p := Params{Type: Argon2id, Version: Version13, Memory: 8, Time: 1, Threads: 1, KeyLen: 32}
	// libargon2 returns ARGON2_SALT_TOO_SHORT for a salt under 8 bytes
	// (src/test.c, "Fail on salt too short").
	_, err := Key([]byte("password"), []byte("1234567"), nil, nil, p)
	assert.ErrorContains(t, err, "salt")
	_, err = Key([]byte("password"), nil, nil, nil, p)
	assert.Error(t, err)
	_, err = Key(nil, []byte("12345678"), nil, nil, p)
	assert.NoError(t, err)
}

func TestMemoryBytes(t *testing.T) {
	tests := []struct {
		memory, threads uint32
		want            uint64
	}{
		{19456, 1, 19456 << 10},
		{65536, 4, 65536 << 10},
		{100, 3, 96 << 10},
		{37, 1, 36 << 10},
		{8, 1, 8 << 10},
		{4, 1, 8 << 10}, // invalid, but counted as libargon2 would
		{1, 0, 0},
		{1<<32 - 1, 1, (1<<32 - 4) << 10},
	}
	for _, tt := range tests {
		p := Params{Memory: tt.memory, Threads: tt.threads}
		assert.Equal(t, tt.want, MemoryBytes(p), "m=%d p=%d", tt.memory, tt.threads)
	}
}

// Key leaves nothing of its blocks in the pool: the buffer it hands back is
// cleared, and the next Key that takes it still gives the right tag.
func TestPoolCleared(t *testing.T) {
	for _, path := range paths() {
		t.Run(path, func(t *testing.T) {
			withPath(t, path)
			p := Params{Type: Argon2d, Version: Version13, Memory: 32, Time: 3, Threads: 4, KeyLen: 32}
			key := func() string {
				got, err := Key(bytes.Repeat([]byte{1}, 32), bytes.Repeat([]byte{2}, 16),
					bytes.Repeat([]byte{3}, 8), bytes.Repeat([]byte{4}, 12), p)
				require.NoError(t, err)
				return hex.EncodeToString(got)
			}
			assert.Equal(t, rfcVectors[0].tag, key())
			mem, err := getBlocks(32)
			require.NoError(t, err)
			require.Equal(t, make([]block, len(mem)), mem, "pooled memory holds the computation's blocks")
			putBlocks(mem)
			assert.Equal(t, rfcVectors[0].tag, key())
		})
	}
}

func TestPoolLimit(t *testing.T) {
	old := SetPoolLimit(10 << 10)
	t.Cleanup(func() { SetPoolLimit(old) })
	alloc := func(n int) []block {
		b, err := getBlocks(n)
		require.NoError(t, err)
		return b
	}
	a, b := alloc(8), alloc(8)
	putBlocks(a)
	putBlocks(b) // evicts a
	held, n := pool.Held()
	assert.LessOrEqual(t, held, int64(10<<10))
	assert.Equal(t, 1, n)
	putBlocks(alloc(11)) // over the limit on its own
	_, n = pool.Held()
	assert.Equal(t, 1, n)

	c := alloc(4) // 8 is at most twice 4: reused
	assert.Len(t, c, 4)
	assert.Equal(t, 8, cap(c))
	held, n = pool.Held()
	assert.Zero(t, n)
	assert.Zero(t, held)
	putBlocks(c)

	SetPoolLimit(0)
	_, n = pool.Held()
	assert.Zero(t, n)
	putBlocks(alloc(8))
	_, n = pool.Held()
	assert.Zero(t, n)
}
