package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// input is an opened export: decompressed when its first bytes say gzip or
// zstd, whatever its name.
type input struct {
	r    io.Reader // the (decompressed) text
	name string    // for messages: the path, or "standard input"
	// size is the file's size in bytes, -1 when unknown (a pipe); read
	// counts the bytes taken from the file, compressed or not, so the
	// progress bar's fraction is of the file.
	size        int64
	read        *countingReader
	compression string // "", "gzip" or "zstd"
	close       func()
}

// Magic numbers: RFC 1952 and RFC 8878.
var (
	gzipMagic = []byte{0x1f, 0x8b}
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
)

// otherCompressions are formats named in an error rather than read as text.
var otherCompressions = []struct {
	name  string
	magic []byte
}{
	{"xz", []byte{0xfd, '7', 'z', 'X'}},
	{"bzip2", []byte("BZh")},
	{"zip", []byte("PK\x03\x04")},
}

// openInput opens path ("-" for stdin) and looks at its first bytes for a
// compression format.
func openInput(e *env, path string) (*input, error) {
	in := &input{size: -1, name: "standard input", close: func() {}}
	var f io.Reader = e.stdin
	if path != "-" {
		file, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		fi, err := file.Stat()
		if err == nil && fi.IsDir() {
			file.Close()
			return nil, fmt.Errorf("%s is a directory", path)
		}
		if err == nil && fi.Mode().IsRegular() {
			in.size = fi.Size()
		}
		f, in.name, in.close = file, path, func() { file.Close() }
	}
	in.read = &countingReader{r: f}
	br := bufio.NewReaderSize(in.read, 64<<10)
	head, _ := br.Peek(6) // a short or failing read is the reader's to report
	switch {
	case bytes.HasPrefix(head, gzipMagic):
		zr, err := gzip.NewReader(br)
		if err != nil {
			in.close()
			return nil, fmt.Errorf("%s: gzip: %v", in.name, err)
		}
		zr.Multistream(true)
		in.r, in.compression = zr, "gzip"
	case bytes.HasPrefix(head, zstdMagic):
		zr, err := zstd.NewReader(br, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(1<<30))
		if err != nil {
			in.close()
			return nil, fmt.Errorf("%s: zstd: %v", in.name, err)
		}
		closeFile := in.close
		in.close = func() { zr.Close(); closeFile() }
		in.r, in.compression = &zstdReader{zr}, "zstd"
	default:
		for _, o := range otherCompressions {
			if bytes.HasPrefix(head, o.magic) && (o.name != "bzip2" || len(head) >= 4 && head[3] >= '1' && head[3] <= '9') {
				in.close()
				return nil, fmt.Errorf("%s is compressed with %s; decompress it first (gzip and zstd are read as they are)", in.name, o.name)
			}
		}
		in.r = br
	}
	return in, nil
}

// zstdReader names the decompressor in its errors.
type zstdReader struct{ d *zstd.Decoder }

func (z *zstdReader) Read(p []byte) (int, error) {
	n, err := z.d.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("zstd: %w", err)
	}
	return n, err
}

// countingReader counts the bytes read through it. Only the goroutine that
// reads the input uses it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// compressedExts are the extensions of compressed files, left off before
// the format is read from a name ("export.jsonl.gz" is JSON Lines).
var compressedExts = []string{".gz", ".gzip", ".zst", ".zstd", ".xz", ".bz2", ".zip"}

// formatOf decides the format from a file name's extension.
func formatOf(path string) (string, error) {
	if path == "-" {
		return "jsonl", nil
	}
	base := path
	for _, c := range compressedExts {
		if strings.HasSuffix(strings.ToLower(base), c) {
			base = base[:len(base)-len(c)]
			break
		}
	}
	switch ext := strings.ToLower(filepath.Ext(base)); ext {
	case ".jsonl", ".ndjson":
		return "jsonl", nil
	case ".json":
		return "json", nil
	case ".csv":
		return "csv", nil
	default:
		return "", fmt.Errorf("cannot tell the format of %s from its extension; use --format jsonl, json or csv", path)
	}
}

// errNoRows is an input without a single row: a failed dump should not
// pass the pre-flight.
var errNoRows = errors.New("no rows")
