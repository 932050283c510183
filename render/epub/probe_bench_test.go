package epub

import "testing"

// BenchmarkProbe has go-epub write the probe book and learns the frame from it, as a
// process does once.
func BenchmarkProbe(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		raw, err := probeBook()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := learnFrame(raw); err != nil {
			b.Fatal(err)
		}
	}
}
