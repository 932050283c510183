package book

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"galley/source/cal"
)

func TestMatch(t *testing.T) {
	day := func(y, m, d int) when { return when{start: cal.DateOf(y, m, d)} }
	span := func(a, b cal.Date) when { return when{start: a, end: b} }
	decade := when{start: cal.Date{Year: 1920, Precision: cal.Decade}, end: cal.Date{Year: 1929, Precision: cal.Decade}}
	tests := []struct {
		name     string
		a, b     when
		prec     cal.Precision
		contains bool
		ok       bool
	}{
		{"one day", day(1933, 11, 16), day(1933, 11, 16), cal.Day, false, true},
		{"two days", day(1933, 11, 16), day(1933, 11, 17), 0, false, false},
		{"a month and a day of it", day(1917, 4, 0), day(1917, 4, 16), cal.Month, true, true},
		{"a day and its month", day(1917, 4, 16), day(1917, 4, 0), cal.Month, true, true},
		{"a year and a day of it", day(1934, 0, 0), day(1934, 9, 18), cal.Year, true, true},
		{"a year and a month of it", day(1934, 0, 0), day(1934, 9, 0), cal.Year, true, true},
		{"a year and a day of another", day(1934, 0, 0), day(1935, 9, 18), 0, false, false},
		{"a month and a day of another", day(1917, 3, 0), day(1917, 4, 16), 0, false, false},
		{"one BCE day", day(-43, 3, 15), day(-43, 3, 15), cal.Day, false, true},
		{"44 BCE and 44 CE", day(-43, 0, 0), day(44, 0, 0), 0, false, false},
		{"a span and itself", span(cal.DateOf(1918, 0, 0), cal.DateOf(1921, 0, 0)), span(cal.DateOf(1918, 0, 0), cal.DateOf(1921, 0, 0)), cal.Year, false, true},
		{"a span and its first year", span(cal.DateOf(1918, 0, 0), cal.DateOf(1921, 0, 0)), day(1918, 0, 0), 0, false, false},
		{"a decade and a year of it", decade, day(1925, 0, 0), 0, false, false},
		{"a decade and itself", decade, decade, cal.Decade, false, true},
	}
	for _, tt := range tests {
		prec, contains, ok := match(tt.a, tt.b)
		if prec != tt.prec || contains != tt.contains || ok != tt.ok {
			t.Errorf("%s: match = %v, %v, %v; want %v, %v, %v", tt.name, prec, contains, ok, tt.prec, tt.contains, tt.ok)
		}
	}
}

func TestCompareDates(t *testing.T) {
	ordered := []cal.Date{{}, cal.DateOf(-489, 0, 0), cal.DateOf(-58, 0, 0), cal.DateOf(-43, 0, 0),
		cal.DateOf(-43, 3, 0), cal.DateOf(-43, 3, 15), cal.DateOf(14, 0, 0), cal.DateOf(664, 5, 1),
		cal.DateOf(1916, 0, 0), cal.DateOf(1933, 0, 0), cal.DateOf(1933, 11, 0), cal.DateOf(1933, 11, 16)}
	for i := range ordered {
		for j := range ordered {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := compareDates(ordered[i], ordered[j]); got != want {
				t.Errorf("compareDates(%s, %s) = %d, want %d", ordered[i].ISO(), ordered[j].ISO(), got, want)
			}
		}
	}
}

// checkChronology checks what every chronology must be: each event of each chapter stated
// in exactly one entry, by its own paragraph; at most one statement a chapter in an entry,
// all of dates that agree; the entry dated by its lead, the most precise; entries in date
// order.
func checkChronology(t *testing.T, b *Book) {
	t.Helper()
	seen := map[[2]int]int{}
	for k, e := range b.Chronology {
		if len(e.Statements) == 0 || e.Lead < 0 || e.Lead >= len(e.Statements) {
			t.Fatalf("entry %d: %d statements, lead %d", k, len(e.Statements), e.Lead)
		}
		chapters := map[int]bool{}
		for i, s := range e.Statements {
			seen[[2]int{s.Chapter, s.Event}]++
			if chapters[s.Chapter] {
				t.Errorf("entry %d states chapter %d twice", k, s.Chapter)
			}
			chapters[s.Chapter] = true
			ev := b.Chapters[s.Chapter].Doc.Timeline[s.Event]
			if s.Para != ev.Para {
				t.Errorf("entry %d: statement links %q, its event is in %q", k, s.Para, ev.Para)
			}
			if i > 0 && s.Chapter < e.Statements[i-1].Chapter {
				t.Errorf("entry %d: statements not in book order", k)
			}
			if ev.Start.Precision < e.Start.Precision {
				t.Errorf("entry %d is dated %s, but %s is more precise", k, e.Start.ISO(), ev.Start.ISO())
			}
			for _, o := range e.Statements[:i] {
				oe := b.Chapters[o.Chapter].Doc.Timeline[o.Event]
				if _, _, ok := match(when{ev.Start, ev.End}, when{oe.Start, oe.End}); !ok {
					t.Errorf("entry %d holds %s and %s", k, ev.Start.ISO(), oe.Start.ISO())
				}
			}
		}
		lead := b.Chapters[e.Statements[e.Lead].Chapter].Doc.Timeline[e.Statements[e.Lead].Event]
		if lead.Start != e.Start || lead.End != e.End {
			t.Errorf("entry %d dated %s, its lead %s", k, e.Start.ISO(), lead.Start.ISO())
		}
		if k > 0 {
			p := b.Chronology[k-1]
			if c := compareDates(p.Start, e.Start); c > 0 || c == 0 && compareDates(p.End, e.End) > 0 {
				t.Errorf("entry %d (%s) after entry %d (%s)", k, e.Start.ISO(), k-1, p.Start.ISO())
			}
		}
	}
	for ci, ch := range b.Chapters {
		for ei := range ch.Doc.Timeline {
			if n := seen[[2]int{ci, ei}]; n != 1 {
				t.Errorf("chapter %d event %d is in %d entries", ci, ei, n)
			}
		}
	}
	if len(seen) != total(b) {
		t.Errorf("the chronology states %d events the chapters do not", len(seen)-total(b))
	}
}

func total(b *Book) int {
	n := 0
	for _, ch := range b.Chapters {
		n += len(ch.Doc.Timeline)
	}
	return n
}

// merged lists the entries that more than one chapter states, as "DATE name,name".
func merged(b *Book, names []string) []string {
	var out []string
	for _, e := range b.Chronology {
		if len(e.Statements) < 2 {
			continue
		}
		var chs []string
		for _, s := range e.Statements {
			chs = append(chs, names[s.Chapter])
		}
		out = append(out, e.Start.ISO()+" "+strings.Join(chs, ","))
	}
	return out
}

func TestChronologySameEvent(t *testing.T) {
	names := []string{seed, "b1", "a5", "b2", "a3", "a1"}
	b := compose(t, names...)
	checkChronology(t, b)
	got := merged(b, []string{"seed", "b1", "a5", "b2", "a3", "a1"})
	// Each of these is one event that two articles state in their own words, at the same
	// precision or one at a finer one. What must stay apart: the two events of November 17,
	// 1933 (Bullitt named ambassador; Litvinov speaking in New York), which share only the
	// words every chapter of the book uses; the two of March, 1917 (the German withdrawal
	// to the Hindenburg Line, the revolution in Petrograd); and the seed's "entry into the
	// League of Nations in 1934" and b1's September days of it, whose words in common are
	// the book's commonest and which a year-to-day match must not take on so little.
	want := []string{
		"1916-08-29 b2,a3",
		"1917-04-16 a5,b2",
		"1917-11-07 a5,b2",
		"1918-07-17 a5,b2",
		"1930 seed,b1",
		"1931 seed,b1",
		"1933-11-16 seed,b1",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events stated by two chapters:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The entry of Lenin's return is dated by a5's day, not b2's month, and shows a5's
	// sentence.
	for _, e := range b.Chronology {
		if e.Start.ISO() == "1917-04-16" && len(e.Statements) == 2 {
			if lead := e.Statements[e.Lead]; lead.Chapter != 2 {
				t.Errorf("Lenin's return leads with chapter %d", lead.Chapter)
			}
		}
	}
}

func TestChronologyEras(t *testing.T) {
	b := compose(t, seed, "a1", "a3", "a5")
	checkChronology(t, b)
	first := b.Chronology[0]
	ev := b.Chapters[first.Statements[0].Chapter].Doc.Timeline[first.Statements[0].Event]
	// a1's earliest event is Caesar's consulship in 59 BCE; its 44 BCE events (the Ides of
	// March) follow, and all of them come before the Somme's 1916.
	if first.Start.ISO() != "-0058" || first.Statements[0].Chapter != 1 || !strings.Contains(ev.Text, "59 b.c.e.") {
		t.Errorf("first entry %s in chapter %d: %q", first.Start.ISO(), first.Statements[0].Chapter, ev.Text)
	}
	ides, somme := -1, -1
	for k, e := range b.Chronology {
		if e.Start.ISO() == "-0043-03-15" && ides < 0 {
			ides = k
		}
		if e.Start.Year == 1916 && somme < 0 {
			somme = k
		}
	}
	if ides < 0 || somme < 0 || ides > somme {
		t.Errorf("the Ides of March at %d, 1916 at %d", ides, somme)
	}
	var years []int
	for _, e := range b.Chronology {
		years = append(years, e.Start.Year)
	}
	if !sort.IntsAreSorted(years) {
		t.Errorf("years out of order: %v", years)
	}
	if last := b.Chronology[len(b.Chronology)-1]; last.Start.ISO() != "1937-08" {
		t.Errorf("last entry %s", last.Start.ISO())
	}
}

func TestChronologyAcrossMillennia(t *testing.T) {
	// The Ionian revolt before Marathon (499 BCE), the Ides of March (44 BCE), Whitby (664, which recalls 55 BCE),
	// the Gunpowder Plot (1605, which recalls 44 BCE), Lindisfarne (793).
	names := []string{"u3", "u6", "a1", "u9", "u1"}
	b := compose(t, names...)
	checkChronology(t, b)
	var order []string
	last := ""
	for _, e := range b.Chronology {
		n := names[e.Statements[0].Chapter]
		if n != last {
			order = append(order, fmt.Sprintf("%s@%s", n, e.Start.ISO()))
			last = n
		}
	}
	if !strings.HasPrefix(strings.Join(order, " "), "u1@-0498 a1@-0058") {
		t.Errorf("the chronology does not open with the Ionian revolt, then Caesar: %v", order)
	}
}

func TestChronologyOneChapter(t *testing.T) {
	b := compose(t, "a5")
	checkChronology(t, b)
	if len(b.Chronology) != len(b.Chapters[0].Doc.Timeline) {
		t.Fatalf("a book of one article has %d entries, its timeline %d", len(b.Chronology), len(b.Chapters[0].Doc.Timeline))
	}
	for i, e := range b.Chronology {
		if len(e.Statements) != 1 || e.Statements[0].Event != i {
			t.Errorf("entry %d is not the timeline's event %d", i, i)
		}
	}
}

func TestChronologySameArticleTwice(t *testing.T) {
	// An article given twice states every event twice, in the same words: each is one
	// entry with both chapters.
	b := compose(t, "a3", "a3")
	checkChronology(t, b)
	for _, e := range b.Chronology {
		if len(e.Statements) != 2 {
			ev := b.Chapters[e.Statements[0].Chapter].Doc.Timeline[e.Statements[0].Event]
			t.Errorf("%s %q: %d statements", e.Start.ISO(), ev.Text, len(e.Statements))
		}
	}
}
