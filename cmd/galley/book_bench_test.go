package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"galley/internal/testkit"
)

// bookCorpus copies n of the corpus's articles (the seed, the public, book, invented and
// layout ones, in turn) into a directory, each under a name of its own, and returns their
// paths.
func bookCorpus(b *testing.B, n int) []string {
	var src []string
	for _, a := range testkit.Articles {
		src = append(src, testkit.Article(a))
	}
	for _, a := range testkit.Book {
		src = append(src, testkit.BookArticle(a))
	}
	for _, a := range testkit.Invented {
		src = append(src, testkit.Article(a))
	}
	for _, a := range testkit.Layout {
		src = append(src, testkit.LayoutArticle(a))
	}
	dir := b.TempDir()
	out := make([]string, n)
	for i := range out {
		data, err := os.ReadFile(src[i%len(src)])
		if err != nil {
			b.Fatal(err)
		}
		out[i] = filepath.Join(dir, fmt.Sprintf("ch%02d.txt", i))
		if err := os.WriteFile(out[i], data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return out
}

// BenchmarkBook builds books of 4 and 40 articles (PDF and EPUB, two workers, files
// written), and, for comparison, the same articles as single builds in one batch: what
// composing and paginating one book costs against as many handouts.
func BenchmarkBook(b *testing.B) {
	for _, n := range []int{4, 40} {
		inputs := bookCorpus(b, n)
		b.Run(fmt.Sprintf("book-%d", n), func(b *testing.B) {
			args := append([]string{"-q", "-j", "2", "-o", b.TempDir()}, inputs...)
			c, err := parseFlags(newBuildFlags("book", true, io.Discard, bookUsage), args, benchEnv, false)
			if err != nil {
				b.Fatal(err)
			}
			if c.mem != nil {
				defer c.mem.apply()()
			}
			b.ReportAllocs()
			start, _ := cpuTime()
			for b.Loop() {
				if msgs, ok := buildBook(c, "Unit 3", "", nil); !ok {
					b.Fatal(msgs)
				}
			}
			reportCPU(b, start, b.N)
		})
		b.Run(fmt.Sprintf("singles-%d", n), func(b *testing.B) {
			c := benchConfig(b, b.TempDir(), 2, inputs)
			b.ReportAllocs()
			start, _ := cpuTime()
			for b.Loop() {
				if code := buildAll(c, nil, io.Discard); code != exitOK {
					b.Fatalf("exit %d", code)
				}
			}
			reportCPU(b, start, b.N)
		})
	}
}
