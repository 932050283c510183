package book

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"galley/source"
)

// FuzzNew composes a book of two inputs, the first given twice, whatever they hold, and
// checks that its chronology, bibliography and index are what every book's must be, and
// that its title's slug and short titles are well formed.
func FuzzNew(f *testing.F) {
	read := func(name string) []byte {
		b, err := os.ReadFile(path(name))
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	f.Add("Unit 3: Interwar Diplomacy", read(seed), read("b1"))
	f.Add("Russia, 1917-1918", read("a5"), read("b2"))
	f.Add("Rome", read("a1"), read("u6"))
	f.Add("", []byte(stub("A", []string{"FDR (1882-1945), a president"}, "FDR spoke.")), []byte(stub("B", []string{"Franklin D. Roosevelt (1882-1945), a president"}, "On March 4, 1933, Roosevelt spoke.")))
	f.Add("particle", []byte("0"), []byte("0\nKey Figures\nE (1900-1950)\nSummary of Event\ne"))
	f.Add("marks", []byte("0"), []byte("0\nKey Figures\nA!\u05b9 (00)"))
	f.Add("x", []byte("Title\nAbstract.\nTitle\nDate 44 BCE\nKey Figures\nA (1-2), b\nSummary of Event\nIn 44 BCE A B A'A A-A A.A."), []byte{0xff})
	f.Fuzz(func(t *testing.T, title string, a, c []byte) {
		var docs []*source.Document
		for _, in := range [][]byte{a, c} {
			if d, err := source.Parse(in, source.Options{File: "in.txt", Lossy: true}); err == nil {
				docs = append(docs, d)
			}
		}
		if len(docs) == 0 {
			return
		}
		docs = append(docs, docs[0])
		b, err := New(title, "", docs)
		if err != nil {
			if strings.TrimSpace(title) != "" && visible(title) {
				t.Fatalf("New: %v", err)
			}
			return
		}
		checkChronology(t, b)
		checkBibliography(t, b)
		checkIndex(t, b)
		if len(b.Slug) == 0 || len(b.Slug) > maxSlug || strings.Trim(b.Slug, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" ||
			strings.HasPrefix(b.Slug, "-") || strings.HasSuffix(b.Slug, "-") {
			t.Errorf("slug %q", b.Slug)
		}
		ids := map[string]bool{}
		for _, ch := range b.Chapters {
			if ids[ch.ID] || strings.Trim(ch.ID, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
				t.Errorf("chapter ID %q", ch.ID)
			}
			ids[ch.ID] = true
			if utf8.RuneCountInString(ch.Short) > maxShort || utf8.ValidString(ch.Doc.Title) && !utf8.ValidString(ch.Short) {
				t.Errorf("short title %q", ch.Short)
			}
		}
	})
}
