package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	if code := ClientMain(); code >= 0 { // this is the client process
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// TestSmoke runs the load test for 1 s without a verify limit and 1 s with
// one: every sign-in answers right, /healthz is probed about every 10 ms,
// and the server's collector ran.
func TestSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("signs in at production costs for 2 s")
	}
	var gcs uint64
	for _, limit := range []int{0, 1} {
		rep, err := Run(Config{Duration: time.Second, Clients: 4, MaxVerifies: limit, Procs: 2, AllocMBps: 64})
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		rep.Print(&b)
		t.Logf("\n%s", b.String())
		if rep.Wrong != 0 || rep.Right != rep.SignIns {
			t.Errorf("limit %d: %d of %d sign-ins right, %d wrong: %v", limit, rep.Right, rep.SignIns, rep.Wrong, rep.Errors)
		}
		if rep.SignIns < 4 {
			t.Errorf("limit %d: %d sign-ins in 1 s from 4 clients", limit, rep.SignIns)
		}
		if rep.Healthz.N < 50 || rep.Healthz.Max < rep.Healthz.P99 || rep.Healthz.P99 < rep.Healthz.P50 || rep.Healthz.P50 <= 0 {
			t.Errorf("limit %d: /healthz %+v, want about 100 probes in order", limit, rep.Healthz)
		}
		gcs += rep.GCPauses
		if limit > 0 && rep.MaxQueueWait <= 0 {
			t.Errorf("limit %d: 4 clients and no sign-in waited for the limit", limit)
		}
	}
	if gcs == 0 { // the allocator may starve in one run, not in both
		t.Error("the server's collector never ran")
	}
}
