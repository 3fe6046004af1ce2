package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"

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
