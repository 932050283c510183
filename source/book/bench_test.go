package book

import (
	"fmt"
	"testing"

	"galley/source"
)

// BenchmarkNew composes books of 4 and 40 parsed articles (the corpus's, in turn): what a
// book costs beyond parsing its chapters.
func BenchmarkNew(b *testing.B) {
	all := parse(b, seed, "a1", "a3", "a5", "b1", "b2", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "u10", "u11", "l1", "l2", "l3")
	for _, n := range []int{4, 40} {
		docs := make([]*source.Document, n)
		for i := range docs {
			docs[i] = all[i%len(all)]
		}
		b.Run(fmt.Sprintf("%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := New("Unit 3", "", docs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
