package main

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"syscall"
	"time"
)

// settings is the timing method shared by every runner, in-process and
// subprocess alike: one untimed warm-up call that must verify; then samples
// of `inner` back-to-back calls, inner chosen so a sample lasts at least
// minSample; n samples, fewer (but at least 3) where n would take more than
// budget. Each sample records wall time and the process's CPU time (all
// threads), both divided by inner.
type settings struct {
	n         int
	minSample time.Duration
	budget    time.Duration
}

// plan returns inner and the number of samples for an op of duration t0.
func (s settings) plan(t0 time.Duration) (inner, reps int) {
	t0 = max(t0, 1)
	inner = max(1, int(math.Ceil(float64(s.minSample)/float64(t0))))
	reps = min(s.n, max(3, int(s.budget/(t0*time.Duration(inner)))))
	return inner, reps
}

// result is one implementation's timing of one case.
type result struct {
	Impl         string    `json:"impl"`
	Bound        bool      `json:"bound,omitempty"`
	NsPerOp      float64   `json:"ns_per_op,omitempty"`     // median wall time
	CPUNsPerOp   float64   `json:"cpu_ns_per_op,omitempty"` // median CPU time
	SamplesNs    []float64 `json:"samples_ns,omitempty"`
	CPUSamplesNs []float64 `json:"cpu_samples_ns,omitempty"`
	Inner        int       `json:"inner,omitempty"`
	Method       string    `json:"method,omitempty"`
	Error        string    `json:"error,omitempty"`
}

func (r *result) finish() {
	if r.Error == "" && len(r.SamplesNs) == 0 {
		r.Error = "no samples"
	}
	if r.Error == "" {
		r.NsPerOp = median(r.SamplesNs)
		if len(r.CPUSamplesNs) > 0 {
			r.CPUNsPerOp = median(r.CPUSamplesNs)
		}
	}
}

// metric is the median compared: wall time, or CPU time with -cpu.
func (r *result) metric(cpu bool) float64 {
	if cpu {
		return r.CPUNsPerOp
	}
	return r.NsPerOp
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// cpuTime is this process's user+system time, all threads.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// measureGo times the in-process implementations of one case. Their
// samples are interleaved (one sample of each in turn) so that a change in
// the machine's load affects them alike.
func measureGo(impls []goImpl, s settings) []result {
	rs := make([]result, len(impls))
	inner := make([]int, len(impls))
	reps := make([]int, len(impls))
	for i, g := range impls {
		rs[i] = result{Impl: g.name, Bound: g.bound, Method: "in process, samples interleaved with the other Go implementations"}
		runtime.GC()
		start := time.Now()
		ok, err := g.f()
		t0 := time.Since(start)
		if err != nil || !ok {
			rs[i].Error = fmt.Sprintf("did not verify the digest (ok=%v, err=%v)", ok, err)
			continue
		}
		inner[i], reps[i] = s.plan(t0)
		rs[i].Inner = inner[i]
	}
	for round := 0; ; round++ {
		active := false
		for i, g := range impls {
			if rs[i].Error != "" || round >= reps[i] {
				continue
			}
			active = true
			runtime.GC() // collect the previous sample's garbage outside the timing
			c0, w0 := cpuTime(), time.Now()
			for range inner[i] {
				if ok, err := g.f(); err != nil || !ok {
					rs[i].Error = fmt.Sprintf("did not verify the digest (ok=%v, err=%v)", ok, err)
					break
				}
			}
			w, c := time.Since(w0), cpuTime()-c0
			rs[i].SamplesNs = append(rs[i].SamplesNs, float64(w.Nanoseconds())/float64(inner[i]))
			rs[i].CPUSamplesNs = append(rs[i].CPUSamplesNs, float64(c.Nanoseconds())/float64(inner[i]))
		}
		if !active {
			break
		}
	}
	for i := range rs {
		rs[i].finish()
	}
	return rs
}
