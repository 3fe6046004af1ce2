package yescryptcore

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/scrypt"
)

var kdfLine = regexp.MustCompile(`^(yescrypt|scrypt)\("([^"]*)", "([^"]*)", ([0-9, ]+)\) = ([0-9a-f ]+)$`)

type kdfCase struct {
	name       string
	pass, salt string
	p          Params
	want       []byte
}

func kdfCases(t *testing.T) []kdfCase {
	t.Helper()
	f, err := os.Open("testdata/kdf.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []kdfCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") {
			continue
		}
		m := kdfLine.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("bad line %q", line)
		}
		var nums []uint64
		for _, s := range strings.Split(m[4], ", ") {
			n, err := strconv.ParseUint(s, 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			nums = append(nums, n)
		}
		want, err := hex.DecodeString(strings.ReplaceAll(m[5], " ", ""))
		if err != nil {
			t.Fatal(err)
		}
		c := kdfCase{name: line[:strings.Index(line, " =")], pass: m[2], salt: m[3], want: want}
		if m[1] == "scrypt" {
			c.p = Params{Flags: Scrypt, N: nums[0], R: uint32(nums[1]), P: uint32(nums[2])}
		} else {
			c.p = Params{Flags: uint32(nums[0]), N: nums[1], R: uint32(nums[2]), P: uint32(nums[3]), T: uint32(nums[4])}
		}
		cases = append(cases, c)
	}
	if len(cases) < 29 {
		t.Fatalf("only %d cases", len(cases))
	}
	return cases
}

// TestKnownAnswers checks every known answer of openwall/yescrypt's TESTS-OK
// but the 1 GiB scrypt one.
func TestKnownAnswers(t *testing.T) {
	for _, c := range kdfCases(t) {
		t.Run(c.name, func(t *testing.T) {
			if c.p.N*uint64(c.p.R) > 1<<20 {
				t.Skip("1 GiB: too slow for a unit test")
			}
			got, err := Key([]byte(c.pass), []byte(c.salt), c.p, len(c.want))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, c.want) {
				t.Fatalf("got  %x\nwant %x", got, c.want)
			}
		})
	}
}

// TestCryptStrings recomputes the "$y$" and "$7$" strings of TESTS-OK (p up
// to 11, WORM and RW, t, salts of 0 to 16 bytes).
func TestCryptStrings(t *testing.T) {
	data, err := os.ReadFile("testdata/crypt.txt")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		n++
		i := strings.LastIndexByte(line, '$')
		setting, hash := line[:i], line[i+1:]
		p, salt := parseSetting(t, setting)
		got, err := Key([]byte("pleaseletmein"), salt, p, 32)
		if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		if enc := string(AppendEncode(nil, got)); enc != hash {
			t.Errorf("%s: got %s", setting, enc)
		}
	}
	if n < 18 {
		t.Fatalf("only %d strings", n)
	}
}

// parseSetting is a test's parser of the strings in crypt.txt.
func parseSetting(t *testing.T, s string) (Params, []byte) {
	t.Helper()
	if rest, ok := strings.CutPrefix(s, "$7$"); ok {
		r, _ := DecodeFixed(rest[1:6])
		p, _ := DecodeFixed(rest[6:11])
		return Params{Flags: Scrypt, N: 1 << Char(rest[0]), R: r, P: p}, []byte(rest[11:])
	}
	rest := strings.TrimPrefix(s, "$y$")
	flavor, rest, ok1 := DecodeUint32(rest, 0)
	nlog, rest, ok2 := DecodeUint32(rest, 1)
	r, rest, ok3 := DecodeUint32(rest, 1)
	if !ok1 || !ok2 || !ok3 {
		t.Fatalf("%s: bad parameters", s)
	}
	p := Params{N: 1 << nlog, R: r, P: 1}
	switch flavor {
	case 0, 1:
		p.Flags = flavor
	default:
		p.Flags = RW + (flavor-RW)<<2
	}
	if rest[0] != '$' {
		have, r2, _ := DecodeUint32(rest, 1)
		rest = r2
		if have&1 != 0 {
			p.P, rest, _ = DecodeUint32(rest, 2)
		}
		if have&2 != 0 {
			p.T, rest, _ = DecodeUint32(rest, 1)
		}
	}
	var salt [64]byte
	n, ok := Decode(salt[:], rest[1:])
	if !ok {
		t.Fatalf("%s: bad salt", s)
	}
	return p, salt[:n]
}

// TestScryptMatchesXCrypto checks the classic flavor, both the portable
// path and the one through scryptcore, against golang.org/x/crypto/scrypt,
// an independent implementation.
func TestScryptMatchesXCrypto(t *testing.T) {
	for _, c := range []struct {
		N    uint64
		r, p uint32
	}{{4, 1, 1}, {16, 1, 3}, {1024, 8, 2}, {64, 3, 5}} {
		want, err := scrypt.Key([]byte("pw"), []byte("salt"), int(c.N), int(c.r), int(c.p), 40)
		if err != nil {
			t.Fatal(err)
		}
		p := Params{Flags: Scrypt, N: c.N, R: c.r, P: c.p}
		for name, f := range map[string]func([]byte, []byte, Params, int) ([]byte, error){"Key": Key, "portable": key} {
			got, err := f([]byte("pw"), []byte("salt"), p, 40)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s N=%d r=%d p=%d: got %x want %x", name, c.N, c.r, c.p, got, want)
			}
		}
	}
}

func TestCheck(t *testing.T) {
	bad := []Params{
		{Flags: Defaults, N: 2, R: 8, P: 1},
		{Flags: Defaults, N: 4096, R: 8, P: 2048}, // N/p ≤ 3
		{Flags: Defaults, N: 4095, R: 8, P: 1},
		{Flags: Defaults, N: 1 << 32, R: 8, P: 1},
		{Flags: Defaults, N: 4096, R: 0, P: 1},
		{Flags: Defaults, N: 4096, R: 8, P: 0},
		{Flags: Defaults, N: 4096, R: 1 << 15, P: 1 << 15},
		{Flags: Scrypt, N: 4096, R: 8, P: 1, T: 1},
		{Flags: RW, N: 4096, R: 8, P: 1},
		{Flags: 0x3, N: 4096, R: 8, P: 1},
	}
	for _, p := range bad {
		if p.Check() == nil || p.MemoryBytes() != -1 {
			t.Errorf("%+v accepted", p)
		}
		if _, err := Key(nil, nil, p, 32); err == nil {
			t.Errorf("Key %+v accepted", p)
		}
	}
	p := Params{Flags: Defaults, N: 4096, R: 32, P: 1}
	// V 16 MiB, B 4 KiB, X and Y 8 KiB, S 12 KiB.
	if got, want := p.MemoryBytes(), int64(16<<20+4<<10+8<<10+12<<10); got != want {
		t.Errorf("MemoryBytes = %d, want %d", got, want)
	}
	for _, n := range []int{0, 65} {
		if _, err := Key(nil, nil, p, n); err == nil {
			t.Errorf("keyLen %d accepted", n)
		}
	}
}

func TestEncoding(t *testing.T) {
	for n := range 65 {
		src := make([]byte, n)
		for i := range src {
			src[i] = byte(i*37 + n)
		}
		enc := AppendEncode(nil, src)
		if len(enc) != EncodedLen(n) {
			t.Fatalf("%d bytes: length %d", n, len(enc))
		}
		var buf [64]byte
		m, ok := Decode(buf[:], string(enc))
		if !ok || !bytes.Equal(buf[:m], src) {
			t.Fatalf("%d bytes: round trip %x %v", n, buf[:m], ok)
		}
	}
	for _, s := range []string{"a", "abcde", "uv", "abcdefghijklmnopqrstuv", "ab!d", strings.Repeat("..", 44)} {
		var buf [64]byte
		if _, ok := Decode(buf[:], s); ok {
			t.Errorf("Decode(%q) accepted", s)
		}
	}
	for _, v := range []uint32{0, 1, 47, 48, 559, 560, 1 << 20, 1<<30 - 1} {
		for _, min := range []uint32{0, 1, 2} {
			if v < min {
				continue
			}
			enc, ok := AppendUint32(nil, v, min)
			if !ok {
				t.Fatalf("%d: not encoded", v)
			}
			got, rest, ok := DecodeUint32(string(enc)+"$", min)
			if !ok || got != v || rest != "$" {
				t.Errorf("%d (min %d): %q decodes to %d %q %v", v, min, enc, got, rest, ok)
			}
		}
	}
	if _, ok := AppendUint32(nil, 0, 1); ok {
		t.Error("value below min encoded")
	}
	if enc, _ := AppendUint32(nil, 47, 0); string(enc) != "j" {
		t.Errorf("flavor 47 = %q, want j", enc)
	}
}

func TestConcurrent(t *testing.T) {
	p := Params{Flags: Defaults, N: 1024, R: 8, P: 2, T: 1}
	want, err := Key([]byte("pw"), []byte("salt"), p, 32)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 3 {
				got, err := Key([]byte("pw"), []byte("salt"), p, 32)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("concurrent Key differs: %x %v", got, err)
				}
			}
		})
	}
	wg.Wait()
}
