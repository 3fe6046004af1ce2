package gcpause

import (
	"bytes"
	"os"
	"strconv"
	"time"
)

// steal returns the steal time of all CPUs since boot, from /proc/stat's
// "cpu" line (its eighth figure, in USER_HZ ticks of 10 ms): time a
// virtual machine's CPUs were ready but the hypervisor ran something else,
// which stretches pauses as much as any code can. 0 when unreadable.
func steal() time.Duration {
	b, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := bytes.Cut(b, []byte("\n"))
	f := bytes.Fields(line)
	if len(f) < 9 || string(f[0]) != "cpu" {
		return 0
	}
	ticks, err := strconv.ParseInt(string(f[8]), 10, 64)
	if err != nil {
		return 0
	}
	return time.Duration(ticks) * 10 * time.Millisecond
}
