// Package budget shares a quantity (bytes of memory) among goroutines: each takes what it
// needs before it starts and gives it back when done, waiting while the rest is taken. The
// builds of a batch run at once within one budget, whatever -j is.
package budget

import "sync"

// Budget is an amount that goroutines take parts of; the zero Budget has nothing to give.
type Budget struct {
	mu    sync.Mutex
	cond  sync.Cond
	total int64
	free  int64
}

// New returns a budget of total.
func New(total int64) *Budget {
	b := &Budget{total: total, free: total}
	b.cond.L = &b.mu
	return b
}

// Total returns the budget's size.
func (b *Budget) Total() int64 { return b.total }

// Take waits until n is free, takes it and returns the function that gives it back (once;
// later calls do nothing). A request larger than the whole budget takes the whole budget:
// it runs alone rather than never.
func (b *Budget) Take(n int64) (give func()) {
	n = max(0, min(n, b.total))
	b.mu.Lock()
	for b.free < n {
		b.cond.Wait()
	}
	b.free -= n
	b.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			b.mu.Lock()
			b.free += n
			b.mu.Unlock()
			b.cond.Broadcast()
		})
	}
}
