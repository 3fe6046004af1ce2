// Command genexport writes a synthetic export for measuring pwdigest check:
//
//	go run ./cmd/pwdigest/internal/cmd/genexport -rows 1000000 -o /tmp/export.jsonl
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/pwdigest/pwdigest/cmd/pwdigest/internal/genexport"
)

func main() {
	var o genexport.Options
	out := flag.String("o", "", "output file (default stdout)")
	flag.IntVar(&o.Rows, "rows", 1_000_000, "rows to write")
	flag.Uint64Var(&o.Seed, "seed", 1, "random seed")
	flag.IntVar(&o.Broken, "broken", 5, "broken rows per thousand")
	flag.Parse()
	w := os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "genexport:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	if err := genexport.Write(w, o); err != nil {
		fmt.Fprintln(os.Stderr, "genexport:", err)
		os.Exit(1)
	}
}
