package main

import (
	"compress/gzip"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/klauspost/compress/zstd"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"pwdigest": main})
}

// TestScript runs the end-to-end scenarios in testdata/script, each a
// .txtar file: the pwdigest binary against the sample exports and inline
// files. The samples are copied into each script's $WORK.
func TestScript(t *testing.T) {
	samples := map[string]string{
		"sample-export.jsonl": "../../testdata/sample-export.jsonl",
		"sample-export.csv":   "../../testdata/sample-export.csv",
		"sample-export.json":  "testdata/sample-export.json",
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			for name, src := range samples {
				b, err := os.ReadFile(src)
				if err != nil {
					return err
				}
				if err := os.WriteFile(filepath.Join(e.WorkDir, name), b, 0o644); err != nil {
					return err
				}
			}
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":      cmdExits,
			"stdout2env": cmdStdoutToEnv,
			"jsonvalid":  cmdJSONValid,
			"compress":   cmdCompress,
			"maxwidth":   cmdMaxWidth,
		},
	})
}

// cmdExits runs a command and checks its exit status:
//
//	exits 2 pwdigest check nosuchfile.jsonl
//
// Its stdout and stderr are kept for the stdout and stderr commands.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	err = ts.Exec(args[1], args[2:]...)
	got := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		got = ee.ExitCode()
	case err != nil:
		ts.Fatalf("%v", err)
	}
	if got != want {
		ts.Fatalf("exit status %d, want %d", got, want)
	}
}

// cmdStdoutToEnv sets an environment variable to the last command's
// stdout, less its final newline, to pass a digest from hash to verify.
func cmdStdoutToEnv(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: stdout2env NAME")
	}
	ts.Setenv(args[0], strings.TrimSuffix(ts.ReadFile("stdout"), "\n"))
}

// cmdJSONValid checks that a file holds exactly one valid JSON value.
func cmdJSONValid(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: jsonvalid FILE")
	}
	err := validJSON(ts.ReadFile(args[0]))
	if neg && err == nil {
		ts.Fatalf("%s is valid JSON", args[0])
	}
	if !neg && err != nil {
		ts.Fatalf("%s: %v", args[0], err)
	}
}

// cmdCompress writes a gzip or zstd copy of a file:
//
//	compress gzip export.jsonl export.jsonl.gz
func cmdCompress(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: compress gzip|zstd SRC DST")
	}
	data := ts.ReadFile(args[1])
	out, err := os.Create(ts.MkAbs(args[2]))
	ts.Check(err)
	defer out.Close()
	var w io.WriteCloser
	switch args[0] {
	case "gzip":
		w = gzip.NewWriter(out)
	case "zstd":
		w, err = zstd.NewWriter(out)
		ts.Check(err)
	default:
		ts.Fatalf("compress: unknown format %q", args[0])
	}
	_, err = io.WriteString(w, data)
	ts.Check(err)
	ts.Check(w.Close())
}

// cmdMaxWidth checks that no line of a file is wider than N runes, up to
// the first line matching STOP if given:
//
//	maxwidth 80 stdout '^problems'
func cmdMaxWidth(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 && len(args) != 3 {
		ts.Fatalf("usage: maxwidth N FILE [STOP]")
	}
	n, err := strconv.Atoi(args[0])
	ts.Check(err)
	var stop *regexp.Regexp
	if len(args) == 3 {
		stop = regexp.MustCompile(args[2])
	}
	widest, line := 0, ""
	for _, l := range strings.Split(ts.ReadFile(args[1]), "\n") {
		if stop != nil && stop.MatchString(l) {
			break
		}
		if w := utf8.RuneCountInString(l); w > widest {
			widest, line = w, l
		}
	}
	if neg != (widest > n) {
		ts.Fatalf("widest line of %s: %d runes (max %d): %q", args[1], widest, n, line)
	}
}
