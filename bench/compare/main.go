// Command compare times pwdigest.Verify side by side with other
// implementations of the same schemes on the same digests, in one run: the
// Go libraries golang.org/x/crypto and github.com/go-crypt/crypt, and the C
// implementations behind Python (hashlib/OpenSSL, pyca bcrypt, argon2-cffi),
// PHP and Node.js, plus the argon2 CLI. See README.md.
//
// Run it from this directory: go run . [-cases regexp] [-n 5] [-json]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// caseResult is one case's results, as written by -json.
type caseResult struct {
	Case    string   `json:"case"`
	Hasher  string   `json:"hasher"`
	Params  string   `json:"params"`
	Source  string   `json:"source"`
	Results []result `json:"results"`
	// The comparisons by median wall time and by median CPU time.
	Wall comparison `json:"wall"`
	CPU  comparison `json:"cpu"`
}

// comparison puts pwdigest beside the fastest other implementation (not a
// BOUND row): Ratio is pwdigest's time over its time, BoundRatio pwdigest's
// time over the BOUND row's.
type comparison struct {
	Fastest    string  `json:"fastest_other,omitempty"`
	Ratio      float64 `json:"ratio_pwdigest_fastest_other,omitempty"`
	BoundRatio float64 `json:"ratio_pwdigest_bound,omitempty"`
}

type report struct {
	Date     string            `json:"date"`
	CPU      string            `json:"cpu"`
	NumCPU   int               `json:"num_cpu"`
	Go       string            `json:"go"`
	Modules  map[string]string `json:"modules"`
	Refs     map[string]any    `json:"references"`
	Settings string            `json:"settings"`
	// Load is /proc/loadavg at the start and the end: other jobs on the
	// cores inflate wall times.
	Load  [2]string    `json:"loadavg"`
	Cases []caseResult `json:"cases"`
}

func main() {
	var (
		digests   = flag.String("digests", filepath.Join("..", "..", "testdata", "bench", "digests.jsonl"), "benchmark digests (JSON lines)")
		casesRe   = flag.String("cases", "", "run only the cases whose name matches this regexp")
		n         = flag.Int("n", 5, "samples per implementation and case; the median is reported")
		budget    = flag.Duration("budget", 2500*time.Millisecond, "time per implementation and case above which fewer samples (at least 3) are taken")
		minSample = flag.Duration("min-sample", 50*time.Millisecond, "fast operations are repeated within a sample to last at least this long")
		jsonOut   = flag.Bool("json", false, "write JSON instead of tables")
		t         tools
	)
	flag.StringVar(&t.python, "python", "/usr/bin/python3", "Python with pyca bcrypt, argon2-cffi, passlib, cryptography (Debian's)")
	flag.StringVar(&t.php, "php", "php", "PHP CLI")
	flag.StringVar(&t.node, "node", "node", "Node.js")
	flag.StringVar(&t.nodePath, "node-path", filepath.Join("..", "..", "testdata", "gen", "node_modules"), "node_modules holding firebase-scrypt")
	flag.StringVar(&t.argon2, "argon2", "argon2", "the system argon2 CLI (empty to skip)")
	flag.StringVar(&t.libargon2, "libargon2", "", "an optimised libargon2 argon2 CLI, built outside the repository")
	flag.Parse()

	if *n < 1 {
		fatalf("-n must be at least 1")
	}
	re, err := regexp.Compile(*casesRe)
	if err != nil {
		fatalf("-cases: %v", err)
	}
	cases, err := loadCases(*digests)
	if err != nil {
		fatalf("%v", err)
	}
	if t.nodePath, err = filepath.Abs(t.nodePath); err != nil {
		fatalf("%v", err)
	}
	if err := t.writeScripts(); err != nil {
		fatalf("%v", err)
	}
	defer os.RemoveAll(t.dir)
	t.startup = map[string]cliTime{}
	s := settings{n: *n, minSample: *minSample, budget: *budget}

	rep := report{
		Date: time.Now().Format("2006-01-02 15:04 MST"), CPU: cpuModel(), NumCPU: runtime.NumCPU(),
		Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH, Modules: modules(),
		Refs: t.versions(), Load: [2]string{loadAvg(), ""},
		Settings: fmt.Sprintf("after one untimed warm-up call that must verify, the median of n=%d samples "+
			"(fewer, at least 3, where n would take over %v); fast operations repeated to fill %v per sample",
			s.n, s.budget, s.minSample),
	}
	if !*jsonOut {
		printHeader(os.Stdout, &rep)
	}
	for _, c := range cases {
		if !re.MatchString(c.Case) {
			continue
		}
		cr := runCase(&t, c, s)
		rep.Cases = append(rep.Cases, cr)
		if !*jsonOut {
			printCase(os.Stdout, &cr)
		}
	}
	rep.Load[1] = loadAvg()
	if *jsonOut {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(&rep); err != nil {
			fatalf("%v", err)
		}
		return
	}
	printSummary(os.Stdout, rep.Cases, false)
	printSummary(os.Stdout, rep.Cases, true)
	fmt.Printf("Load average: %s at the start, %s at the end.\n", rep.Load[0], rep.Load[1])
}

// runCase runs every implementation of c: the Go ones interleaved, then
// each reference in turn.
func runCase(t *tools, c *benchCase, s settings) caseResult {
	cr := caseResult{Case: c.Case, Hasher: c.Hasher, Params: c.desc, Source: c.Source}
	cr.Results = measureGo(goImpls(c), s)
	for _, si := range scriptImpls(c) {
		cr.Results = append(cr.Results, t.runScript(si, s))
	}
	if c.kind == "argon2" {
		if t.argon2 != "" {
			name := t.argon2
			if p, err := exec.LookPath(name); err == nil {
				name = p
			}
			cr.Results = append(cr.Results, t.runArgon2CLI("argon2 CLI "+name, t.argon2, c, s))
		}
		if t.libargon2 != "" {
			cr.Results = append(cr.Results, t.runArgon2CLI("argon2 CLI "+t.libargon2+" (-libargon2)", t.libargon2, c, s))
		}
	}
	cr.Wall, cr.CPU = compare(cr.Results, false), compare(cr.Results, true)
	return cr
}

// compare finds the fastest other implementation; results[0] is pwdigest.
func compare(results []result, cpu bool) (c comparison) {
	pw := results[0]
	if pw.Error != "" || pw.metric(cpu) == 0 {
		return c
	}
	var fastest *result
	for i := range results[1:] {
		r := &results[i+1]
		if r.Error != "" || r.metric(cpu) == 0 {
			continue
		}
		if r.Bound {
			c.BoundRatio = pw.metric(cpu) / r.metric(cpu)
			continue
		}
		if fastest == nil || r.metric(cpu) < fastest.metric(cpu) {
			fastest = r
		}
	}
	if fastest != nil {
		c.Fastest, c.Ratio = fastest.Impl, pw.metric(cpu)/fastest.metric(cpu)
	}
	return c
}

func printHeader(w io.Writer, rep *report) {
	fmt.Fprintf(w, "pwdigest compare, %s\n%s (%d CPUs), %s\n", rep.Date, rep.CPU, rep.NumCPU, rep.Go)
	for _, m := range []string{"golang.org/x/crypto", "github.com/go-crypt/crypt"} {
		fmt.Fprintf(w, "  %s %s\n", m, rep.Modules[m])
	}
	for _, lang := range []string{"python", "php", "node"} {
		if v, ok := rep.Refs[lang]; ok {
			b, _ := json.Marshal(v)
			fmt.Fprintf(w, "  %s: %s\n", lang, b)
		}
	}
	fmt.Fprintf(w, "Load average at the start: %s\n", rep.Load[0])
	fmt.Fprintf(w, "Method: %s.\n", rep.Settings)
	fmt.Fprintf(w, "Times are medians per operation: wall time, and CPU time of the process (all threads).\n")
	fmt.Fprintf(w, "ratio = pwdigest's time / this one's: below 1, pwdigest is faster.\n\n")
}

func printCase(w io.Writer, cr *caseResult) {
	fmt.Fprintf(w, "%s: %s (%s)\n", cr.Case, cr.Params, cr.Hasher)
	fmt.Fprintf(w, "  %-50s %10s %6s %10s %6s %8s\n", "implementation", "wall ms", "ratio", "CPU ms", "ratio", "samples")
	pw := cr.Results[0]
	ratio := func(r *result, cpu bool) string {
		if pw.Error != "" || r.metric(cpu) == 0 {
			return "-"
		}
		return fmt.Sprintf("%.2f", pw.metric(cpu)/r.metric(cpu))
	}
	for i := range cr.Results {
		r := &cr.Results[i]
		if r.Error != "" {
			fmt.Fprintf(w, "  %-50s %s\n", r.Impl, r.Error)
			continue
		}
		samples := fmt.Sprint(len(r.SamplesNs))
		if r.Inner > 1 {
			samples += fmt.Sprintf("x%d", r.Inner)
		}
		fmt.Fprintf(w, "  %-50s %10.2f %6s %10.2f %6s %8s\n", r.Impl,
			r.NsPerOp/1e6, ratio(r, false), r.CPUNsPerOp/1e6, ratio(r, true), samples)
	}
	for _, c := range []struct {
		what string
		comparison
	}{{"wall", cr.Wall}, {"CPU", cr.CPU}} {
		if c.Fastest == "" {
			continue
		}
		fmt.Fprintf(w, "  %s: pwdigest / fastest other (%s) = %.2f", c.what, c.Fastest, c.Ratio)
		if c.BoundRatio != 0 {
			fmt.Fprintf(w, "; pwdigest / BOUND = %.2f", c.BoundRatio)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
}

func printSummary(w io.Writer, cs []caseResult, cpu bool) {
	what := "wall time"
	if cpu {
		what = "CPU time"
	}
	fmt.Fprintf(w, "Summary by %s (ms)\n  %-30s %9s  %-46s %9s %6s %6s\n", what,
		"case", "pwdigest", "fastest other", "its time", "ratio", "/BOUND")
	for _, cr := range cs {
		pw, c := &cr.Results[0], cr.Wall
		if cpu {
			c = cr.CPU
		}
		if c.Fastest == "" {
			fmt.Fprintf(w, "  %-30s %s\n", cr.Case, "incomplete")
			continue
		}
		bound := ""
		if c.BoundRatio != 0 {
			bound = fmt.Sprintf("%.2f", c.BoundRatio)
		}
		line := fmt.Sprintf("  %-30s %9.2f  %-46s %9.2f %6.2f %6s", cr.Case, pw.metric(cpu)/1e6,
			c.Fastest, pw.metric(cpu)/c.Ratio/1e6, c.Ratio, bound)
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	fmt.Fprintln(w)
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

// loadAvg is the 1, 5 and 15 minute load averages.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func modules() map[string]string {
	out := map[string]string{}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			out[m.Path] = m.Version
		}
	}
	return out
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "compare: "+format+"\n", args...)
	os.Exit(1)
}
