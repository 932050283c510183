package book

import (
	"strings"
	"testing"

	"galley/source"
	"galley/source/bib"
)

func TestSameTitle(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Recognition of Russia", "Recognition of Russia: An American Foreign Policy Dilemma", true},
		{"The February Revolution, Petrograd, 1917", "The February Revolution: Petrograd, 1917", true},
		{"The Russian Revolution", "the russian revolution", true},
		{"The Memoirs of Cordell Hull", "Memoirs of Cordell Hull", true},
		{"A People’s Tragedy: A History of the Russian Revolution", "A People's Tragedy: A History of the Russian Revolution", true},
		{"Jünger", "Junger", true},
		{"A People’s Tragedy: A History of the Russian Revolution", "A People’s Tragedy: The Russian Revolution, 1891-1924", false},
		{"The Russian Revolution", "The Russian Revolution, 1917", false},
		{"The Russian Revolution, 1917", "The Russian Revolution, 1917: A Personal Record", true},
		{"Caesar: Life of a Colossus", "Caesar: Politician and Statesman", false},
		{"", "", false},
		{"The", "The", true},
	}
	for _, tt := range tests {
		if got := sameTitle(tt.a, tt.b); got != tt.want {
			t.Errorf("sameTitle(%q, %q) = %v", tt.a, tt.b, got)
		}
		if got := sameTitle(tt.b, tt.a); got != tt.want {
			t.Errorf("sameTitle(%q, %q) = %v", tt.b, tt.a, got)
		}
	}
}

func TestKeyOf(t *testing.T) {
	year := func(y int) *bib.DateParts { return &bib.DateParts{Parts: [][]int{{y}}} }
	tests := []struct {
		a, b bib.Item
		same bool
	}{
		{bib.Item{Author: []bib.Name{{Family: "Bennett", Given: "Edward M."}}, Issued: year(1970)},
			bib.Item{Author: []bib.Name{{Family: "Bennett", Given: "E. M."}}, Issued: year(1970)}, true},
		{bib.Item{Author: []bib.Name{{Family: "Jünger", Given: "Ernst"}}, Issued: year(2003)},
			bib.Item{Author: []bib.Name{{Family: "Junger", Given: "Ernst"}}, Issued: year(2003)}, true},
		{bib.Item{Author: []bib.Name{{Family: "Pipes", Given: "Richard"}}, Issued: year(1990)},
			bib.Item{Author: []bib.Name{{Family: "Pipes", Given: "Richard"}}, Issued: year(1991)}, false},
		{bib.Item{Author: []bib.Name{{Family: "Smith", Given: "S. A."}}, Issued: year(1987)},
			bib.Item{Author: []bib.Name{{Family: "Smith", Given: "John"}}, Issued: year(1987)}, false},
		{bib.Item{Author: []bib.Name{{Family: "Prior", Given: "Robin"}, {Family: "Wilson", Given: "Trevor"}}, Issued: year(2005)},
			bib.Item{Author: []bib.Name{{Family: "Prior", Given: "Robin"}}, Issued: year(2005)}, false},
		{bib.Item{Editor: []bib.Name{{Family: "Sheffield", Given: "Gary"}}, Issued: year(2005)},
			bib.Item{Editor: []bib.Name{{Family: "Sheffield", Given: "Gary"}}, Issued: year(2005)}, true},
		{bib.Item{Author: []bib.Name{{Literal: "Great Britain. War Office"}}, Issued: year(1922)},
			bib.Item{Author: []bib.Name{{Literal: "Great Britain, War Office"}}, Issued: year(1922)}, true},
		{bib.Item{Author: []bib.Name{{Family: "Ashdown", Given: "Dulcie"}}},
			bib.Item{Author: []bib.Name{{Family: "Ashdown", Given: "Dulcie"}}}, true},
		{bib.Item{Author: []bib.Name{{Family: "Ashdown", Given: "Dulcie"}}},
			bib.Item{Author: []bib.Name{{Family: "Ashdown", Given: "Dulcie"}}, Issued: year(1977)}, false},
	}
	for _, tt := range tests {
		if got := keyOf(&tt.a) == keyOf(&tt.b); got != tt.same {
			t.Errorf("keyOf(%+v) == keyOf(%+v) is %v", tt.a, tt.b, got)
		}
	}
}

// checkBibliography checks what every combined bibliography must be: each entry of each
// chapter cited by exactly one work, works with keys unique in the book, and a work's
// citations in book order.
func checkBibliography(t *testing.T, b *Book) {
	t.Helper()
	seen := map[Citation]int{}
	keys := map[string]bool{}
	for _, w := range b.Bibliography {
		if w.Item.ID == "" || keys[w.Item.ID] {
			t.Errorf("work %q has key %q, empty or used twice", w.Item.Title, w.Item.ID)
		}
		keys[w.Item.ID] = true
		if len(w.Cited) == 0 {
			t.Errorf("work %q is cited by no chapter", w.Item.Title)
		}
		for i, c := range w.Cited {
			seen[c]++
			if i > 0 && (c.Chapter < w.Cited[i-1].Chapter || c.Chapter == w.Cited[i-1].Chapter && c.Entry <= w.Cited[i-1].Entry) {
				t.Errorf("work %q: citations out of order", w.Item.Title)
			}
		}
	}
	n := 0
	for ci, ch := range b.Chapters {
		for ei := range ch.Doc.Bibliography {
			n++
			if seen[Citation{ci, ei}] != 1 {
				t.Errorf("chapter %d entry %d is cited by %d works", ci, ei, seen[Citation{ci, ei}])
			}
		}
	}
	if len(seen) != n {
		t.Errorf("works cite %d entries the chapters do not have", len(seen)-n)
	}
}

func TestBibliography(t *testing.T) {
	names := []string{"seed", "b1", "a5", "b2"}
	b := compose(t, seed, "b1", "a5", "b2")
	checkBibliography(t, b)
	cited := map[string]string{}
	for _, w := range b.Bibliography {
		var chs []string
		for _, c := range w.Chapters() {
			chs = append(chs, names[c])
		}
		cited[w.Item.ID] = strings.Join(chs, ",")
	}
	tests := []struct{ key, chapters string }{
		// One work, cited by two chapters in two readings.
		{"bennett1970", "seed,b1"},
		{"hull1948", "seed,b1"},
		{"hasegawa1981", "a5,b2"},
		{"wade2017", "a5,b2"},
		// The same author's other book; the same title in another year (a paperback);
		// the same author's article of another year.
		{"bennett1985", "b1"},
		{"pipes1990", "a5"},
		{"pipes1991", "b2"},
		{"hasegawa1977", "a5"},
	}
	for _, tt := range tests {
		if got, ok := cited[tt.key]; !ok || got != tt.chapters {
			t.Errorf("%s cited by %q, want %q", tt.key, got, tt.chapters)
		}
	}
	if want := 10 + 5 + 8 + 5 - 4; len(b.Bibliography) != want {
		t.Errorf("%d works, want %d", len(b.Bibliography), want)
	}
	// The fuller reading of Bennett's book, the seed's with its subtitle, is the one cited.
	for _, w := range b.Bibliography {
		if w.Item.ID == "bennett1970" && !strings.Contains(w.Item.Title, "Dilemma") {
			t.Errorf("Bennett's book as %q", w.Item.Title)
		}
	}
	// The chapters' items are left as they were.
	if id := b.Chapters[1].Doc.Bibliography[0].Item.ID; id != "bennett1970" {
		t.Errorf("b1's first item now has key %q", id)
	}
}

func TestBibliographyKeysInBook(t *testing.T) {
	// Two different works whose keys are the same in their own articles get two keys in the
	// book: each article has its own "smith1987"-style key space.
	a := article(t, stub("First Article", []string{"Ann Lee (1900-1980), a person"}, "In 1901 something happened."))
	c := article(t, strings.Replace(stub("Second Article", []string{"Bo Lee (1900-1980), a person"}, "In 1902 something else happened."),
		"Smith, John. A Book. London: Press, 1990.", "Smith, John. Another Book. London: Press, 1990.", 1))
	b, err := New("Two Books", "", nil)
	if err == nil || b != nil {
		t.Fatal("a book of no document")
	}
	b, err = New("Two Books", "", []*source.Document{a, c})
	if err != nil {
		t.Fatal(err)
	}
	checkBibliography(t, b)
	if len(b.Bibliography) != 2 || b.Bibliography[0].Item.ID != "smith1990a" || b.Bibliography[1].Item.ID != "smith1990b" {
		t.Errorf("works %+v", b.Bibliography)
	}
}
