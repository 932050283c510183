package render

import (
	"slices"
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/render/cite"
	"galley/source"
	"galley/source/book"
)

func TestChapterParts(t *testing.T) {
	got := ChapterParts()
	want := []Part{PartTitle, PartAbstract, PartFacts, PartKeyFigures, PartSections, PartSeeAlso}
	if !slices.Equal(got, want) {
		t.Errorf("ChapterParts() = %v, want %v", got, want)
	}
	if BookBibliography.Title(cite.APA) != "References" || BookChronology.Title("") != "Chronology" {
		t.Error("book parts' titles")
	}
}

// TestBook composes the reference article with b1, which cites some of its works and
// states some of its events again: the combined bibliography notes both chapters for a
// shared work, and the chronology's entries carry their sentences and statements.
func TestBook(t *testing.T) {
	var docs []*source.Document
	var arts []*Article
	for _, path := range []string{"articles/" + testkit.Seed + ".txt", "book/b1.txt"} {
		d, err := source.Parse(testkit.Read(t, path), source.Options{File: path})
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
		arts = append(arts, NewArticle(d, nil))
	}
	bk, err := book.New("Recognition", "", docs)
	if err != nil {
		t.Fatal(err)
	}
	b := NewBook(bk, arts)
	for _, style := range []cite.Style{cite.Chicago, cite.MLA, cite.APA} {
		entries := b.Bibliography(style)
		if len(entries) != len(bk.Bibliography) {
			t.Fatalf("%s: %d entries for %d works", style, len(entries), len(bk.Bibliography))
		}
		shared := 0
		for _, e := range entries {
			if len(e.Chapters) == 0 {
				t.Errorf("%s: %v cited by no chapter", style, e.Runs)
			}
			if len(e.Chapters) == 2 {
				shared++
			}
		}
		if shared == 0 {
			t.Errorf("%s: no work cited by both chapters", style)
		}
	}
	chron := b.Chronology()
	if len(chron) != len(bk.Chronology) {
		t.Fatalf("%d dated entries for %d", len(chron), len(bk.Chronology))
	}
	both := 0
	for _, e := range chron {
		if e.Date == "" || len(e.Runs) == 0 || len(e.Stated) == 0 {
			t.Errorf("entry %+v lacks a date, a sentence or a statement", e)
		}
		if len(e.Stated) > 1 {
			both++
		}
		if strings.Contains(e.Date, "1933") && e.Stated[0].Para == "" && e.Stated[0].Line == 0 {
			t.Errorf("entry %q points nowhere", e.Date)
		}
	}
	if both == 0 {
		t.Error("no event stated by both chapters is one entry")
	}
}
