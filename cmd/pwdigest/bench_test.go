package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/pwdigest/pwdigest"
	"github.com/pwdigest/pwdigest/cmd/pwdigest/internal/genexport"
)

// BenchmarkCheck measures check over a generated export of 100,000 rows
// with every hasher and 0.5% broken rows, reporting rows/s. For the
// 1,000,000-row figure and peak memory, see the commands in main.go.
func BenchmarkCheck(b *testing.B) {
	const rows = 100_000
	path := filepath.Join(b.TempDir(), "export.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := genexport.Write(f, genexport.Options{Rows: rows, Seed: 1, Broken: 5}); err != nil {
		b.Fatal(err)
	}
	f.Close()
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run("workers="+strconv.Itoa(workers), func(b *testing.B) {
			b.ReportAllocs()
			e := &env{stdin: eofReader{}, stdout: io.Discard, stderr: io.Discard}
			o := defaultCheckOptions()
			o.workers = workers
			o.format = "jsonl"
			for b.Loop() {
				if code := checkExport(context.Background(), e, path, o); code != exitNegative {
					b.Fatalf("exit %d, want %d", code, exitNegative)
				}
			}
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
		})
	}
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }

// sampleLines returns n generated export lines.
func sampleLines(b *testing.B, n int) []string {
	var buf strings.Builder
	if err := genexport.Write(&buf, genexport.Options{Rows: n, Seed: 2}); err != nil {
		b.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
}

// BenchmarkRowParts splits the per-row cost of check: reading the JSON
// fields (ours), and the library's NeedsRehash (which runs Check), Lookup
// and Insecure, to see which dominates.
func BenchmarkRowParts(b *testing.B) {
	lines := sampleLines(b, 4096)
	names := &defaultCheckOptions().names
	rows := make([]fields, len(lines))
	for i, l := range lines {
		if err := parseObject(l, names, &rows[i]); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("parseObject", func(b *testing.B) {
		b.ReportAllocs()
		var f fields
		i := 0
		for b.Loop() {
			parseObject(lines[i%len(lines)], names, &f)
			i++
		}
	})
	b.Run("decodeObject", func(b *testing.B) { // the encoding/json path, for comparison
		b.ReportAllocs()
		var f fields
		i := 0
		for b.Loop() {
			decodeObject(lines[i%len(lines)], names, &f)
			i++
		}
	})
	b.Run("rowChecker.check", func(b *testing.B) {
		b.ReportAllocs()
		c := newRowChecker(names, false, "")
		var r result
		i := 0
		for b.Loop() {
			c.check(&rows[i%len(rows)], &r)
			i++
		}
	})
	b.Run("pwdigest.NeedsRehash", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			f := &rows[i%len(rows)]
			pwdigest.NeedsRehash(f.hasher, f.digest)
			i++
		}
	})
	b.Run("pwdigest.Check", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			f := &rows[i%len(rows)]
			pwdigest.Check(f.hasher, f.digest)
			i++
		}
	})
	b.Run("pwdigest.Lookup+Insecure", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			f := &rows[i%len(rows)]
			pwdigest.Lookup(f.hasher)
			pwdigest.Insecure(f.hasher)
			i++
		}
	})
}

// BenchmarkNeedsRehashByHasher: the library's per-hasher cost of the call
// check makes for each row.
func BenchmarkNeedsRehashByHasher(b *testing.B) {
	lines := sampleLines(b, 2048)
	names := &defaultCheckOptions().names
	byHasher := map[string][]string{}
	for _, l := range lines {
		var f fields
		if parseObject(l, names, &f) == nil && f.hasHasher {
			byHasher[f.hasher] = append(byHasher[f.hasher], f.digest)
		}
	}
	for _, h := range pwdigest.Hashers() {
		ds := byHasher[h]
		if len(ds) == 0 {
			continue
		}
		b.Run(h, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				pwdigest.NeedsRehash(h, ds[i%len(ds)])
				i++
			}
		})
	}
}
