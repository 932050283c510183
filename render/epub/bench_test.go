package epub

import (
	"bytes"
	"testing"

	"galley/internal/testkit"
	"galley/render"
	"galley/source"
)

func benchmarkRender(b *testing.B, doc *source.Document) {
	opt := &render.Options{Modified: testTime, Identifier: "urn:uuid:0b6f8a9e-6c1d-5d2e-9a4b-3f1e2d3c4b5a"}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, render.NewArticle(doc, nil), opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/book")
}

// BenchmarkRenderSeed renders the seed article, parsed once, to an EPUB in memory.
func BenchmarkRenderSeed(b *testing.B) {
	benchmarkRender(b, parseFile(b, seedFile, false))
}

// BenchmarkRenderSpec renders the CommonMark spec (200 KB of Markdown, 41 parts).
func BenchmarkRenderSpec(b *testing.B) {
	benchmarkRender(b, parseFile(b, testkit.SpecFile, true))
}
