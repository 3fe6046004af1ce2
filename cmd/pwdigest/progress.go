package main

import (
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows rows done, rows per second and, for a file, the share of
// its bytes read and the time left, on stderr when it is a terminal:
//
//	checked 120,000 rows (48,000/s); read  40% |████████            | (12/30 MB, 5.0 MB/s) [2s:3s]
//
// A nil *progress is silent.
type progress struct {
	bar      *progressbar.ProgressBar
	w        io.Writer
	start    time.Time
	rows     int64
	lastDesc time.Time
	read     int64
	verb     string
}

// verb says what is done to the rows: "checked", "converted".
func newProgress(e *env, disabled bool, size int64, verb string) *progress {
	if disabled || !e.stderrTerm {
		return nil
	}
	max := size
	if max <= 0 {
		max = -1 // a spinner: the size of a pipe is unknown
	}
	bar := progressbar.NewOptions64(max,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription(verb+" 0 rows; read"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(20),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSpinnerType(14),
	)
	return &progress{bar: bar, w: e.stderr, start: time.Now(), verb: verb}
}

func (p *progress) row() {
	if p != nil {
		p.rows++
	}
}

// offset moves the bar to the input offset reached.
func (p *progress) offset(off int64) {
	if p == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.lastDesc) >= 250*time.Millisecond {
		p.lastDesc = now
		rate := float64(p.rows) / now.Sub(p.start).Seconds()
		// The bar's percentage and counts are of the file's bytes (rows
		// have no known total); the description says so.
		p.bar.Describe(fmt.Sprintf("%s %s (%s/s); read", p.verb, plural(p.rows, "row"), commas(int64(rate))))
	}
	if d := off - p.read; d > 0 {
		p.bar.Add64(d)
		p.read = off
	}
}

func (p *progress) finish() {
	if p == nil {
		return
	}
	// The report follows on stdout, which may be the same terminal. Erase
	// the whole line: a ^C echoed after the bar is longer than it.
	p.bar.Clear()
	fmt.Fprint(p.w, "\r\x1b[K")
}

// clearLine erases the bar so a message can be written on stderr; the bar
// comes back at its next update.
func (p *progress) clearLine() {
	if p == nil {
		return
	}
	p.bar.Clear()
	fmt.Fprint(p.w, "\r\x1b[K")
}
