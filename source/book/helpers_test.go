package book

import (
	"os"
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/source"
	"galley/source/cal"
)

// seed is the reference article's name in the corpus.
const seed = testkit.Seed

// path is the file of a corpus article by name: the book's own ("b1"), a layout article
// ("l3") or one of the articles ("a1", "u6", the seed).
func path(name string) string {
	switch {
	case strings.HasPrefix(name, "b"):
		return testkit.BookArticle(name)
	case strings.HasPrefix(name, "l"):
		return testkit.LayoutArticle(name)
	}
	return testkit.Article(name)
}

// parse reads corpus articles by name.
func parse(t testing.TB, names ...string) []*source.Document {
	t.Helper()
	docs := make([]*source.Document, len(names))
	for i, n := range names {
		data, err := os.ReadFile(path(n))
		if err != nil {
			t.Fatal(err)
		}
		d, err := source.Parse(data, source.Options{File: n})
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		docs[i] = d
	}
	return docs
}

// compose makes a book of corpus articles by name.
func compose(t testing.TB, names ...string) *Book {
	t.Helper()
	b, err := New("Unit 3: Interwar Diplomacy", "", parse(t, names...))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// article makes a document from text in the article form, for the cases the corpus does
// not hold.
func article(t testing.TB, text string) *source.Document {
	t.Helper()
	d, err := source.Parse([]byte(text), source.Options{File: "test.txt"})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// stub returns an article titled title with key figures and body paragraphs, for tests.
func stub(title string, figures []string, paras ...string) string {
	var b strings.Builder
	b.WriteString(title + "\nAn overview of the event.\n" + title + "\nDate 1900\nA summary.\nLocale Nowhere\nKey Figures\n")
	for _, f := range figures {
		b.WriteString(f + "\n")
	}
	b.WriteString("Summary of Event\n")
	for _, p := range paras {
		b.WriteString(p + "\n")
	}
	b.WriteString("Bibliography\nSmith, John. A Book. London: Press, 1990. Notes.\n")
	return b.String()
}

// dateOf is a year as a date.
func dateOf(year int) cal.Date { return cal.DateOf(year, 0, 0) }
