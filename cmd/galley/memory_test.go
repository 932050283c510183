package main

import (
	"runtime/debug"
	"testing"
)

// gcNow returns the collector's percentage and memory limit.
func gcNow() (int, int64) {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p, debug.SetMemoryLimit(-1)
}

func TestMemoryPlan(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	if m := newMemoryPlan(env(map[string]string{"GOGC": "100", "GOMEMLIMIT": "1GiB"}), 2); m != nil {
		t.Errorf("the environment sets both, yet a plan: %+v", m)
	}
	p0, l0 := gcNow()
	m := newMemoryPlan(env(nil), 2)
	m.input(10_000)
	restore := m.apply()
	if p, l := gcNow(); p != buildGCPercent || l != baseMemory+2*heapPerByte*10_000 {
		t.Errorf("small inputs: GOGC %d, limit %d", p, l)
	}
	m.input(5_000) // smaller: nothing changes
	m.input(6 << 20)
	if p, l := gcNow(); p != 100 || l != baseMemory+2*heapPerByte*(6<<20) {
		t.Errorf("a 6 MiB input: GOGC %d, limit %d", p, l)
	}
	restore()
	if p, l := gcNow(); p != p0 || l != l0 {
		t.Errorf("not restored: GOGC %d, limit %d, want %d, %d", p, l, p0, l0)
	}

	onlyLimit := newMemoryPlan(env(map[string]string{"GOGC": "50"}), 1)
	restore = onlyLimit.apply()
	if p, l := gcNow(); p != p0 || l != baseMemory {
		t.Errorf("GOGC set: GOGC %d, limit %d", p, l)
	}
	restore()
}
