package pdf

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestAppendMilli checks the drawer's number format against strconv's for the values a page
// holds and well beyond.
func TestAppendMilli(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 200000 {
		m := int64(i) - 100000
		if i%2 == 1 {
			m = rng.Int64N(2e12) - 1e12
		}
		want := strconv.AppendFloat(nil, float64(m)/1000, 'f', -1, 64)
		if got := appendMilli(nil, m); string(got) != string(want) {
			t.Fatalf("appendMilli(%d) = %s, want %s", m, got, want)
		}
	}
}
