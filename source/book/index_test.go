package book

import (
	"fmt"
	"galley/source"
	"sort"
	"strings"
	"testing"
)

// checkIndex checks what every index must be: each key-figures row of each chapter (but
// the rows the parser kept as written) in exactly one person, never two rows of a chapter
// in one; each mention a span of its paragraph's text in book order; persons sorted by
// heading.
func checkIndex(t *testing.T, b *Book) {
	t.Helper()
	rows := map[Row]int{}
	for _, p := range b.Index {
		if p.Heading == "" && strings.TrimSpace(p.Name) != "" || len(p.Rows) == 0 {
			t.Errorf("person %+v", p)
		}
		chapters := map[int]bool{}
		for _, r := range p.Rows {
			rows[r]++
			if chapters[r.Chapter] {
				t.Errorf("%s: two rows of chapter %d", p.Name, r.Chapter)
			}
			chapters[r.Chapter] = true
		}
		last := Mention{Chapter: -1}
		for _, m := range p.Mentions {
			text, order := paragraphText(b, m)
			if text == "" || m.From < 0 || m.To > len(text) || m.From >= m.To {
				t.Errorf("%s: mention %+v outside its paragraph", p.Name, m)
				continue
			}
			if !capitalised(text[m.From:m.To]) {
				t.Errorf("%s: mention %q", p.Name, text[m.From:m.To])
			}
			_, lastOrder := paragraphText(b, last)
			if m.Chapter < last.Chapter || m.Chapter == last.Chapter && (order < lastOrder || order == lastOrder && m.From < last.To) {
				t.Errorf("%s: mention %+v after %+v", p.Name, m, last)
			}
			last = m
		}
	}
	for ci, ch := range b.Chapters {
		for fi, kf := range ch.Doc.KeyFigures {
			if want := 1; !kf.Raw && rows[Row{ci, fi}] != want {
				t.Errorf("chapter %d row %d (%s) is in %d persons", ci, fi, kf.Name, rows[Row{ci, fi}])
			}
		}
	}
	if !sort.SliceIsSorted(b.Index, func(i, j int) bool { return fold(b.Index[i].Heading) < fold(b.Index[j].Heading) }) {
		t.Error("index not sorted by heading")
	}
}

// paragraphText returns the text of a mention's paragraph and its place in its chapter's
// reading order.
func paragraphText(b *Book, m Mention) (string, int) {
	if m.Chapter < 0 {
		return "", -1
	}
	for i, p := range paragraphs(b.Chapters[m.Chapter].Doc) {
		if p.id == m.Para {
			return p.text, i
		}
	}
	return "", -1
}

// person returns the index's person under a heading.
func person(t *testing.T, b *Book, heading string) *Person {
	t.Helper()
	for i := range b.Index {
		if b.Index[i].Heading == heading {
			return &b.Index[i]
		}
	}
	var hs []string
	for _, p := range b.Index {
		hs = append(hs, p.Heading)
	}
	t.Fatalf("no %q in the index: %q", heading, hs)
	return nil
}

// mentions lists a person's mentions as "chapter:text", chapter by name.
func mentionsOf(b *Book, p *Person, names []string) []string {
	var out []string
	for _, m := range p.Mentions {
		text, _ := paragraphText(b, m)
		out = append(out, names[m.Chapter]+":"+text[m.From:m.To])
	}
	return out
}

// count tallies a list of "chapter:text" strings.
func count(list []string) string {
	n := map[string]int{}
	var keys []string
	for _, s := range list {
		if n[s] == 0 {
			keys = append(keys, s)
		}
		n[s]++
	}
	var out []string
	for _, k := range keys {
		out = append(out, fmt.Sprintf("%s×%d", k, n[k]))
	}
	return strings.Join(out, " ")
}

func TestIndex(t *testing.T) {
	names := []string{"seed", "b1", "a5", "b2", "a3", "a1"}
	b := compose(t, seed, "b1", "a5", "b2", "a3", "a1")
	checkIndex(t, b)
	tests := []struct {
		heading  string
		rows     string // chapters of the rows
		life     string
		aliases  string
		mentions string
	}{
		// Listed by two articles, as "Franklin D." and as "Franklin Delano (FDR)"; b1 calls
		// him FDR once.
		{"Roosevelt, Franklin D.", "seed b1", "1882-1945", "Franklin Delano Roosevelt; FDR",
			"seed:Franklin D. Roosevelt×2 seed:Roosevelt×4 b1:Roosevelt×1 b1:FDR×1"},
		// "Maksim Maksimovich" and "Maxim", one lifespan.
		{"Litvinov, Maksim Maksimovich", "seed b1", "1876-1951", "Meier Moiseevich Wallach; Maxim Litvinov; Meier Wallach",
			"seed:Maksim Maksimovich Litvinov×1 seed:Litvinov×2 b1:Maxim Litvinov×2 b1:Litvinov×5"},
		{"Stalin, Joseph", "seed b1", "1878-1953", "Joseph Vissarionovich Dzhugashvili",
			"seed:Joseph Stalin×2 seed:Stalin×1 b1:Stalin×3"},
		// Listed by b1 only; the seed names him in full, which is a mention.
		{"Hitler, Adolf", "b1", "1889-1945", "", "seed:Adolf Hitler×1 b1:Adolf Hitler×1"},
		{"Lenin, Vladimir Ilich", "a5 b2", "1870-1924", "Vladimir Ilich Ulyanov; Vladimir Lenin",
			"a5:Lenin×1 b2:Lenin×3"},
		{"Hindenburg, Paul von", "b2 a3", "1847-1934", "Paul Ludwig Hans Anton von Beneckendorff und von Hindenburg",
			"b2:Hindenburg×1 a3:Hindenburg×1"},
		// Listed by a5; b2 introduces him in full before its bare surnames would count.
		{"Kerensky, Aleksandr Fyodorovich", "a5", "1881-1970", "",
			"a5:Aleksandr Kerensky×1 a5:Kerensky×1 b2:Aleksandr Kerensky×1"},
		// Called by the name before his number; "the Romanov dynasty" and "Romanov rule"
		// are his family's, though he was born a Romanov.
		{"Nicholas II", "a5", "1868-1918", "Nikolay Aleksandrovich Romanov",
			"a5:Nicholas II×3 a5:Nicholas×4 b2:Nicholas II×1"},
		{"Michael Aleksandrovich, Grand Duke", "a5", "1878-1918", "", "a5:Michael×2"},
		{"Alexandra Fyodorovna", "a5", "1872-1918", "Alix of Hesse", "a5:Alexandra×1"},
		// "Brutus" is Marcus's, whose name ends with it, not Decimus's, whose name only holds
		// it; "Publius Servilius Casca" is neither's.
		{"Brutus, Marcus Junius", "a1", "85-42 b.c.e.", "Quintus Servilius Caepio Brutus",
			"a1:Marcus Junius Brutus×2 a1:Brutus×1"},
		{"Albinus, Decimus Junius Brutus", "a1", "c. 85-43 b.c.e.", "", "a1:Decimus Junius Brutus Albinus×1"},
		// The nomen of a Roman counts.
		{"Longinus, Gaius Cassius", "a1", "c. 86-42 b.c.e.", "", "a1:Gaius Cassius Longinus×2 a1:Cassius×1"},
		{"Antonius, Marcus", "a1", "83-30 b.c.e.", "Mark Antony",
			"a1:Mark Antony×1 a1:Marcus Antonius×1 a1:Antony×6"},
		{"Octavius, Gaius", "a1", "63 b.c.e.-14 c.e.", "Augustus", "a1:Gaius Octavius×1 a1:Augustus×1"},
		{"Calpurnia", "a1", "fl. 59-44 b.c.e.", "", "a1:Calpurnia×1"},
		{"Haig, Douglas", "a3", "1861-1928", "first Earl Haig", "a3:Haig×3"},
		{"Foch, Ferdinand", "a3", "1851-1929", "", ""},
	}
	for _, tt := range tests {
		p := person(t, b, tt.heading)
		var rows []string
		for _, r := range p.Rows {
			rows = append(rows, names[r.Chapter])
		}
		got := []string{strings.Join(rows, " "), p.Life, strings.Join(p.Aliases, "; "), count(mentionsOf(b, p, names))}
		want := []string{tt.rows, tt.life, tt.aliases, tt.mentions}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: %q, want %q", tt.heading, got[i], want[i])
			}
		}
	}
	// Every row of the six articles is one person of the index, and the people the
	// articles share are counted once: 6+6+8+6+8+8 rows, 5 of them a second time.
	if got, want := len(b.Index), 6+6+8+6+8+8-5; got != want {
		t.Errorf("%d persons, want %d", got, want)
	}
}

func TestIndexAcrossCorpus(t *testing.T) {
	// Caesar is a key figure of a1; the Gunpowder Plot article names him, in full, once.
	names := []string{"a1", "u6"}
	b := compose(t, "a1", "u6")
	checkIndex(t, b)
	p := person(t, b, "Caesar, Gaius Julius")
	if got := mentionsOf(b, p, names); got[len(got)-1] != "u6:Julius Caesar" || strings.Count(strings.Join(got, " "), "u6:") != 1 {
		t.Errorf("Caesar's mentions: %q", got)
	}
}

func TestIndexNearMisses(t *testing.T) {
	docs := []string{
		stub("The Elder Pitt", []string{
			"William Pitt (1708-1778), prime minister",
			"Theodore Roosevelt (1858-1919), president of the United States",
		}, "William Pitt led the ministry. Pitt spoke in the Commons. The ship's hull was oak. Roosevelt hunted."),
		stub("The Younger Pitt", []string{
			"William Pitt (1759-1806), prime minister",
			"Franklin D. Roosevelt (1882-1945), president of the United States",
			"John Smith (1900-1960), a Smith",
			"Jane Smith (1902-1970), another Smith",
		}, "Pitt formed a government. Roosevelt spoke to Pitt about the Smith case, and John Smith answered him."),
	}
	var ds []*source.Document
	for _, d := range docs {
		ds = append(ds, article(t, d))
	}
	b, err := New("Near Misses", "", ds)
	if err != nil {
		t.Fatal(err)
	}
	checkIndex(t, b)
	names := []string{"elder", "younger"}
	var got []string
	for _, p := range b.Index {
		got = append(got, fmt.Sprintf("%s (%s): %s", p.Heading, p.Life, count(mentionsOf(b, &p, names))))
	}
	want := []string{
		// Father and son: two people, each the Pitt of his own chapter.
		"Pitt, William (1708-1778): elder:William Pitt×1 elder:Pitt×1",
		"Pitt, William (1759-1806): younger:Pitt×2",
		// Two presidents: the younger article's bare "Roosevelt" is its own one's; the
		// elder article's, its own.
		"Roosevelt, Franklin D. (1882-1945): younger:Roosevelt×1",
		"Roosevelt, Theodore (1858-1919): elder:Roosevelt×1",
		// Two Smiths of one chapter: the bare surname names neither, the full name one.
		"Smith, Jane (1902-1970): ",
		"Smith, John (1900-1960): younger:John Smith×1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("index:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
