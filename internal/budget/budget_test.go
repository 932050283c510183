package budget

import (
	"sync"
	"sync/atomic"
	"testing"
)

// TestTake has goroutines take parts of a budget at once: what they hold together never
// exceeds it, a request larger than the budget runs alone, and everything is given back.
func TestTake(t *testing.T) {
	b := New(100)
	var held, peak atomic.Int64
	var wg sync.WaitGroup
	for i := range 200 {
		wg.Go(func() {
			n := int64(i%7*15 + 1)
			if i%50 == 0 {
				n = 1000
			}
			give := b.Take(n)
			h := held.Add(min(n, 100))
			for {
				p := peak.Load()
				if h <= p || peak.CompareAndSwap(p, h) {
					break
				}
			}
			held.Add(-min(n, 100))
			give()
			give() // a second call gives nothing more back
		})
	}
	wg.Wait()
	if p := peak.Load(); p > 100 {
		t.Errorf("held %d of a budget of 100", p)
	}
	if b.free != 100 {
		t.Errorf("%d free after all gave back", b.free)
	}
}
