package pdf

import (
	"testing"

	"galley/fonts"
)

// BenchmarkParseFace reads the regular serif face as a process does on its first article.
func BenchmarkParseFace(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseFace(fonts.Serif.Regular); err != nil {
			b.Fatal(err)
		}
	}
}
