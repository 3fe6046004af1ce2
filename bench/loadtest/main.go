// Command loadtest runs pwdigest inside a real net/http sign-in server and
// measures what the server's other requests feel while sign-ins run.
//
// The server listens on 127.0.0.1 only, with GOMAXPROCS 2 and a goroutine
// that allocates steadily (the rest of a busy server's work), and serves
//
//	POST /signin   form hasher, digest, password: 200 on a match, 401 on a
//	               mismatch, 500 on an error
//	GET  /healthz  200, no work
//
// The clients run in a second process (this program again, re-executed): a
// number of sign-in loops over a mix of production digests, a third of them
// with a wrong password, and a prober that sends GET /healthz every 10 ms
// (each on its own, so a stalled server shows in every probe it delays).
// At the end it prints the /healthz latency (p50, p99, max), sign-ins per
// second, how many answers were right, and the worst GC pause the server
// saw.
//
// Usage, from the repository root:
//
//	go run ./bench/loadtest [-duration 10s] [-clients 6] [-max-verifies 0] [-json]
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pwdigest/pwdigest"
	"github.com/pwdigest/pwdigest/internal/gcpause"
)

// Config is what one run does; the client process receives it as JSON in
// the environment.
type Config struct {
	Duration    time.Duration // how long the clients sign in
	Clients     int           // concurrent sign-in loops
	MaxVerifies int           // server: verifies at once, the rest queue; 0: no limit
	Procs       int           // server GOMAXPROCS
	AllocMBps   int           // server: steady allocation, MB/s
	Digests     string        // testdata/bench/digests.jsonl
	Cases       []string      // the mix: case names in digests.jsonl
	URL         string        // client: the server's base URL
	Probe       time.Duration // /healthz every Probe
}

// defaultCases is the mix: the production parameters of issue 11.
var defaultCases = []string{
	"bcrypt_cost12",
	"pbkdf2_sha256_django_1200000",
	"pbkdf2_sha512_210000",
	"argon2id_19456_2_1",
	"scrypt_werkzeug_32768_8_1",
	"phpass_wordpress",
}

// clientEnv carries the Config to the client process.
const clientEnv = "PWDIGEST_LOADTEST_CLIENT"

func main() {
	cfg := Config{Probe: 10 * time.Millisecond}
	flag.DurationVar(&cfg.Duration, "duration", 10*time.Second, "how long the clients sign in")
	flag.IntVar(&cfg.Clients, "clients", 6, "concurrent sign-in clients")
	flag.IntVar(&cfg.MaxVerifies, "max-verifies", 0, "verifies the server runs at once, the rest queue (0: no limit)")
	flag.IntVar(&cfg.Procs, "procs", 2, "the server's GOMAXPROCS")
	flag.IntVar(&cfg.AllocMBps, "alloc", 64, "MB/s the server allocates besides sign-ins")
	flag.StringVar(&cfg.Digests, "digests", "", "digests file (default: testdata/bench/digests.jsonl found from the working directory up)")
	cases := flag.String("cases", strings.Join(defaultCases, ","), "comma-separated cases of the digests file")
	asJSON := flag.Bool("json", false, "print the report as JSON")
	flag.Parse()
	cfg.Cases = strings.Split(*cases, ",")

	if os.Getenv(clientEnv) != "" {
		os.Exit(clientMain())
	}
	rep, err := Run(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
	if *asJSON {
		json.NewEncoder(os.Stdout).Encode(rep)
	} else {
		rep.Print(os.Stdout)
	}
	if rep.Wrong > 0 {
		os.Exit(1)
	}
}

// A Digest is one line of the digests file.
type Digest struct {
	Case     string `json:"case"`
	Hasher   string `json:"hasher"`
	Digest   string `json:"digest"`
	Password string `json:"password"`
}

func loadDigests(cfg *Config) ([]Digest, error) {
	path := cfg.Digests
	if path == "" {
		dir, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		for {
			p := filepath.Join(dir, "testdata", "bench", "digests.jsonl")
			if _, err := os.Stat(p); err == nil {
				path = p
				break
			}
			if parent := filepath.Dir(dir); parent != dir {
				dir = parent
				continue
			}
			return nil, errors.New("no testdata/bench/digests.jsonl here or above; give -digests")
		}
		cfg.Digests = path
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	byCase := map[string]Digest{}
	for line := range strings.Lines(string(data)) {
		var d Digest
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		byCase[d.Case] = d
	}
	var out []Digest
	for _, c := range cfg.Cases {
		d, ok := byCase[c]
		if !ok {
			return nil, fmt.Errorf("%s has no case %q", path, c)
		}
		out = append(out, d)
	}
	return out, nil
}

// A Report is the outcome of a run.
type Report struct {
	Config       Config
	SignIns      int                // answered sign-ins
	Right, Wrong int                // answers as expected (200 for the right password, 401 for a wrong one) or not
	PerCase      map[string]int     // sign-ins per case
	Errors       []string           `json:",omitempty"` // the first few wrong answers
	Elapsed      time.Duration      // the clients' run
	Healthz      Latency            // GET /healthz
	SignIn       map[string]Latency // per case, POST /signin
	GCPauses     uint64             // the server's GC pauses during the run
	MaxGCPause   time.Duration      // the worst of them
	MaxQueueWait time.Duration      // the longest a sign-in waited for the -max-verifies limit
}

// Latency summarises a set of request durations.
type Latency struct {
	N             int
	P50, P99, Max time.Duration
}

func summarise(d []time.Duration) Latency {
	if len(d) == 0 {
		return Latency{}
	}
	slices.Sort(d)
	q := func(p float64) time.Duration { return d[min(len(d)-1, int(p*float64(len(d))))] }
	return Latency{N: len(d), P50: q(0.50), P99: q(0.99), Max: d[len(d)-1]}
}

func (l Latency) String() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f", float64(d)/1e6) }
	return fmt.Sprintf("p50 %s ms, p99 %s ms, max %s ms (%d requests)", ms(l.P50), ms(l.P99), ms(l.Max), l.N)
}

// Print writes the report for people.
func (r *Report) Print(w io.Writer) {
	limit := "none"
	if r.Config.MaxVerifies > 0 {
		limit = fmt.Sprint(r.Config.MaxVerifies)
	}
	fmt.Fprintf(w, "%d clients for %v, server GOMAXPROCS %d, allocating %d MB/s, verify limit %s (%s)\n",
		r.Config.Clients, r.Elapsed.Round(time.Millisecond), r.Config.Procs, r.Config.AllocMBps, limit, runtime.Version())
	fmt.Fprintf(w, "/healthz: %v\n", r.Healthz)
	fmt.Fprintf(w, "sign-ins: %d (%.1f/s), %d right, %d wrong\n", r.SignIns, float64(r.SignIns)/r.Elapsed.Seconds(), r.Right, r.Wrong)
	for _, c := range r.Config.Cases {
		fmt.Fprintf(w, "  %-30s %v\n", c, r.SignIn[c])
	}
	fmt.Fprintf(w, "server GC: %d pauses, worst %.1f ms; longest wait for the verify limit %.1f ms\n",
		r.GCPauses, float64(r.MaxGCPause)/1e6, float64(r.MaxQueueWait)/1e6)
	for _, e := range r.Errors {
		fmt.Fprintln(w, "  wrong:", e)
	}
}

// Run starts the server, runs the clients in a child process, and returns
// the report. The child is this executable (os.Args[0]) with the Config in
// its environment: a test binary must call ClientMain from TestMain.
func Run(cfg Config) (*Report, error) {
	if cfg.Probe <= 0 {
		cfg.Probe = 10 * time.Millisecond
	}
	if len(cfg.Cases) == 0 {
		cfg.Cases = defaultCases
	}
	if _, err := loadDigests(&cfg); err != nil { // fail before starting anything
		return nil, err
	}
	srv := newServer(cfg)
	defer srv.stop()
	cfg.URL = srv.url

	enc, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), cfg.Duration+2*time.Minute) // a hang guard
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0])
	cmd.Env = append(os.Environ(), clientEnv+"="+string(enc), "GOMAXPROCS=2")
	cmd.Stderr = os.Stderr
	snap := gcpause.Take()
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("client process: %v", err)
	}
	var rep Report
	if err := json.Unmarshal(out, &rep); err != nil {
		return nil, fmt.Errorf("client report: %v", err)
	}
	rep.GCPauses, rep.MaxGCPause = snap.Since()
	rep.MaxQueueWait = srv.maxWait()
	rep.Config = cfg
	return &rep, nil
}

// server is the sign-in server under test.
type server struct {
	url    string
	http   *http.Server
	stopCh chan struct{}
	wg     sync.WaitGroup
	procs  int

	sem    chan struct{} // nil: no limit
	mu     sync.Mutex
	waited time.Duration
}

func newServer(cfg Config) *server {
	s := &server{stopCh: make(chan struct{}), procs: runtime.GOMAXPROCS(cfg.Procs)}
	if cfg.MaxVerifies > 0 {
		s.sem = make(chan struct{}, cfg.MaxVerifies)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("POST /signin", s.signIn)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err) // loopback is always there
	}
	s.url = "http://" + ln.Addr().String()
	s.http = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		s.http.Serve(ln)
	}()
	if cfg.AllocMBps > 0 {
		s.wg.Add(1)
		go s.allocate(cfg.AllocMBps)
	}
	return s
}

// signIn is the handler a real server has: verify, answer 200 or 401.
func (s *server) signIn(w http.ResponseWriter, r *http.Request) {
	hasher, digest, password := r.PostFormValue("hasher"), r.PostFormValue("digest"), r.PostFormValue("password")
	if s.sem != nil {
		start := time.Now()
		select {
		case s.sem <- struct{}{}:
		case <-r.Context().Done():
			return
		}
		defer func() { <-s.sem }()
		if d := time.Since(start); d > 0 {
			s.mu.Lock()
			s.waited = max(s.waited, d)
			s.mu.Unlock()
		}
	}
	ok, err := pwdigest.VerifyContext(r.Context(), hasher, digest, password)
	switch {
	case err != nil:
		http.Error(w, err.Error(), http.StatusInternalServerError)
	case ok:
		io.WriteString(w, "welcome\n")
	default:
		http.Error(w, "wrong password", http.StatusUnauthorized)
	}
}

// allocate stands for the rest of the server's work: mbps MB/s of
// short-lived 64 KiB buffers, a few kept, so the collector runs steadily.
func (s *server) allocate(mbps int) {
	defer s.wg.Done()
	const chunk = 64 << 10
	every := time.Second * chunk / time.Duration(mbps<<20)
	tick := time.NewTicker(every)
	defer tick.Stop()
	var keep [16][]byte
	for i := 0; ; i++ {
		select {
		case <-s.stopCh:
			return
		case <-tick.C:
			keep[i%len(keep)] = make([]byte, chunk)
		}
	}
}

func (s *server) maxWait() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.waited
}

func (s *server) stop() {
	close(s.stopCh)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s.http.Shutdown(ctx)
	s.wg.Wait()
	runtime.GOMAXPROCS(s.procs)
}

// ClientMain runs the client side when this process is the client child
// (clientEnv set): it writes the report as JSON to stdout and returns the
// exit status. It returns -1 when this process is not a client.
func ClientMain() int {
	if os.Getenv(clientEnv) == "" {
		return -1
	}
	return clientMain()
}

func clientMain() int {
	var cfg Config
	if err := json.Unmarshal([]byte(os.Getenv(clientEnv)), &cfg); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest client:", err)
		return 2
	}
	rep, err := runClients(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadtest client:", err)
		return 1
	}
	w := bufio.NewWriter(os.Stdout)
	json.NewEncoder(w).Encode(rep)
	w.Flush()
	return 0
}

// runClients signs in from cfg.Clients loops and probes /healthz until
// cfg.Duration has passed.
func runClients(cfg Config) (*Report, error) {
	digests, err := loadDigests(&cfg)
	if err != nil {
		return nil, err
	}
	tr := &http.Transport{MaxIdleConnsPerHost: 1000, MaxConnsPerHost: 0, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: time.Minute}

	var (
		mu      sync.Mutex
		rep     = Report{PerCase: map[string]int{}, SignIn: map[string]Latency{}}
		signIn  = map[string][]time.Duration{}
		healthz []time.Duration
		wg      sync.WaitGroup
	)
	wrong := func(format string, args ...any) {
		rep.Wrong++
		if len(rep.Errors) < 10 {
			rep.Errors = append(rep.Errors, fmt.Sprintf(format, args...))
		}
	}
	start := time.Now()
	deadline := start.Add(cfg.Duration)

	for c := range cfg.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := c; time.Now().Before(deadline); i++ {
				d := digests[i%len(digests)]
				password, want := d.Password, http.StatusOK
				if i%3 == 2 {
					password, want = d.Password+"x", http.StatusUnauthorized
				}
				form := url.Values{"hasher": {d.Hasher}, "digest": {d.Digest}, "password": {password}}
				t0 := time.Now()
				resp, err := client.PostForm(cfg.URL+"/signin", form)
				var body []byte
				if err == nil {
					body, _ = io.ReadAll(resp.Body)
					resp.Body.Close()
				}
				el := time.Since(t0)
				mu.Lock()
				switch {
				case err != nil:
					wrong("%s: %v", d.Case, err)
				case resp.StatusCode != want:
					wrong("%s: status %d, want %d: %s", d.Case, resp.StatusCode, want, strings.TrimSpace(string(body)))
				default:
					rep.Right++
				}
				rep.SignIns++
				rep.PerCase[d.Case]++
				signIn[d.Case] = append(signIn[d.Case], el)
				mu.Unlock()
			}
		}()
	}

	// The prober: one GET every cfg.Probe, each in its own goroutine, so a
	// probe held up does not hold up the next. Probes are due on a fixed
	// schedule; one this process sends late (starved of CPU itself) goes out
	// at once, so the count does not depend on the machine's load.
	var probes sync.WaitGroup
	for k := 1; ; k++ {
		due := start.Add(time.Duration(k) * cfg.Probe)
		if due.After(deadline) {
			break
		}
		time.Sleep(time.Until(due))
		probes.Add(1)
		go func() {
			defer probes.Done()
			t0 := time.Now()
			resp, err := client.Get(cfg.URL + "/healthz")
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			el := time.Since(t0)
			mu.Lock()
			defer mu.Unlock()
			if err != nil || resp.StatusCode != http.StatusOK {
				wrong("healthz: %v", err)
				return
			}
			healthz = append(healthz, el)
		}()
	}
	wg.Wait()
	probes.Wait()
	rep.Elapsed = time.Since(start)
	rep.Healthz = summarise(healthz)
	for c, d := range signIn {
		rep.SignIn[c] = summarise(d)
	}
	return &rep, nil
}
