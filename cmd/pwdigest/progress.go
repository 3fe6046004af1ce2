package main

import (
	"fmt"
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress shows rows done, rows per second and, for a file, the time left
// from the bytes read, on stderr when it is a terminal. A nil *progress is
// silent.
type progress struct {
	bar      *progressbar.ProgressBar
	w        io.Writer
	start    time.Time
	rows     int64
	lastDesc time.Time
	read     int64
}

func newProgress(e *env, disabled bool, size int64) *progress {
	if disabled || !e.stderrTerm {
		return nil
	}
	max := size
	if max <= 0 {
		max = -1 // a spinner: the size of a pipe is unknown
	}
	bar := progressbar.NewOptions64(max,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription("checking"),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(20),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionSpinnerType(14),
	)
	return &progress{bar: bar, w: e.stderr, start: time.Now()}
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
		p.bar.Describe(fmt.Sprintf("%s rows, %s rows/s", commas(p.rows), commas(int64(rate))))
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
