package epub

import (
	"os"
	"path/filepath"
	"testing"

	"galley/internal/testkit"
	"galley/render"
	"galley/source"
)

// TestEpubcheck validates a few books with W3C epubcheck: no error and no warning. It takes
// seconds a book, so it checks the seed (with an image and a timeline), the hostile input
// a Markdown document with every kind of block, and the seed built with its PDF (the page
// list).
func TestEpubcheck(t *testing.T) {
	if testing.Short() {
		t.Skip("epubcheck is slow; skipped in -short mode")
	}
	testkit.NeedEPUBCheck(t)
	seedArticle, seedOpt, _ := seedBook(t)
	md, err := source.Parse([]byte(markdownSample), source.Options{Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	books := []struct {
		name string
		a    *render.Article
		opt  *render.Options
	}{
		{"seed", seedArticle, seedOpt},
		{"bad08", render.NewArticle(parseFile(t, "bad/bad08.txt", false), nil), &render.Options{Modified: testTime, Warn: func(int, string) {}}},
		{"markdown", render.NewArticle(md, nil), &render.Options{Modified: testTime}},
	}
	printedSeed, _, print := printed(t, seedArticle, "a5")
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "printed.epub"), printedSeed, 0o644); err != nil {
		t.Fatal(err)
	}
	if len(print.Pages) < 2 {
		t.Fatalf("%d pages", len(print.Pages))
	}
	t.Run("printed", func(t *testing.T) {
		t.Parallel()
		testkit.EPUBCheck(t, filepath.Join(dir, "printed.epub"))
	})
	for _, b := range books {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			file := filepath.Join(dir, b.name+".epub")
			if err := os.WriteFile(file, renderArticle(t, b.a, b.opt), 0o644); err != nil {
				t.Fatal(err)
			}
			testkit.EPUBCheck(t, file)
		})
	}
}

// markdownSample has every generic block the Markdown reader makes.
const markdownSample = "---\ntitle: Blocks & <Markup>\nlang: fr\ndate: 2024-01-28\nsummary: A sample.\nlocale: Paris\n---\n\n" +
	"Intro *with* **style**, `code` and [a link](https://example.com/a?b=c&d=e).\n\n" +
	"# First\n\n## Second\n\nText.\n\n#### Deep\n\n3. three\n4. four\n\n- a\n  > quoted\n- b\n\n" +
	"```go\nfunc main() { if a < b && c > d {} }\n```\n\n" +
	"| left | centre | right |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n---\n\n![A caption By Someone](missing.png)\n"
