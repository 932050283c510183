package book

import (
	"sort"
	"strings"

	"galley/source"
	"galley/source/cal"
)

// Person is one person of the index of key figures: every chapter's row of that person, and
// every place in the text that names them.
type Person struct {
	// Name is the person's name as the first chapter that lists them writes it; Heading is
	// the name as the index sets it, surname first ("Roosevelt, Franklin D.", "Hindenburg,
	// Paul von", "Nicholas II").
	Name, Heading string
	// Aliases are the person's other names, each once: the aliases the chapters give, and
	// the names of other chapters' rows written otherwise ("Franklin Delano Roosevelt").
	Aliases []string
	// Born and Died are the years of the person's life, zero when unknown, and Life the
	// lifespan as written, from the first row that gives one.
	Born, Died cal.Date
	Life       string
	// Rows are the person's rows in the chapters' key-figures tables, in book order.
	Rows []Row
	// Mentions are the places in the chapters' text that name the person, in book order.
	Mentions []Mention
}

// Row is a row of a chapter's key-figures table.
type Row struct {
	// Chapter is the index of the chapter in Book.Chapters, Figure the index of the row in
	// its document's KeyFigures.
	Chapter, Figure int
}

// Mention is a place in a chapter's text that names a person.
type Mention struct {
	Chapter int
	// Para is the ID of the paragraph ("p12"; "summary" for the one-sentence summary), and
	// Line its source line.
	Para string
	Line int
	// From and To are the byte span of the name in the paragraph's text (its
	// Paragraph.Text(); the summary as the document holds it).
	From, To int
}

// A figure is one row of a key-figures table as the index reads it: its name first, then
// its aliases.
type figure struct {
	Row
	forms      []name
	born, died cal.Date
}

// lifeAgrees reports whether two rows' lifespans may be one person's: the years each gives
// of birth and of death are within two years of the other's (articles disagree on a
// year of birth now and then; father and son who share a name differ by decades).
func lifeAgrees(a, b *figure) bool {
	near := func(x, y cal.Date) bool {
		if x.IsZero() || y.IsZero() {
			return true
		}
		d := x.Year - y.Year
		return d >= -2 && d <= 2
	}
	return near(a.born, b.born) && near(a.died, b.died)
}

// sameLife reports whether two rows give one lifespan, both years of it.
func sameLife(a, b *figure) bool {
	return !a.born.IsZero() && !a.died.IsZero() && a.born == b.born && a.died == b.died
}

// samePerson reports whether two rows of different chapters are one person. Their lifespans
// must agree (see lifeAgrees), and then one of their names (a name or an alias) must be:
// the same name ("Joseph Stalin" and "Joseph Stalin"); an acronym of the other ("FDR" of
// "Franklin Delano Roosevelt"); or the same surname with given names that agree ("Franklin
// D." and "Franklin Delano"), or with other given names, only when both lifespans are given
// whole and are the same ("Maxim" and "Maksim Maksimovich" Litvinov, 1876-1951). Two
// people of one surname whose given names differ are two people unless their lives say
// otherwise.
func samePerson(a, b *figure) bool {
	if !lifeAgrees(a, b) {
		return false
	}
	for i := range a.forms {
		x := &a.forms[i]
		for j := range b.forms {
			y := &b.forms[j]
			switch {
			case x.kind == acronym || y.kind == acronym:
				if x.kind == acronym && y.kind != acronym && x.call[0] == y.initials() ||
					y.kind == acronym && x.kind != acronym && y.call[0] == x.initials() ||
					x.kind == acronym && y.kind == acronym && x.call[0] == y.call[0] {
					return true
				}
			case len(x.full) == 0 || len(y.full) == 0:
			case equalWords(x.full, y.full):
				return true
			case surnamed(x) && surnamed(y) && equalWords(x.call, y.call):
				if compatibleGiven(x.given, y.given) || sameLife(a, b) {
					return true
				}
			}
		}
	}
	return false
}

// surnamed reports whether a name is called by its surname: an ordinary name, or a single
// word that may be one.
func surnamed(n *name) bool { return n.kind == ordinary || n.kind == single }

// figures reads the rows of every chapter's key-figures table; rows the parser could not
// read are left out.
func (b *Book) figures() []figure {
	var out []figure
	for ci, ch := range b.Chapters {
		for fi, kf := range ch.Doc.KeyFigures {
			if kf.Raw {
				continue
			}
			f := figure{Row: Row{Chapter: ci, Figure: fi}, born: kf.Born, died: kf.Died}
			// A name with no word in it is still a row of the index, as written, that
			// nothing can match.
			n, ok := parseName(kf.Name)
			if !ok {
				n = name{kind: single, heading: strings.TrimSpace(kf.Name)}
			}
			f.forms = append(f.forms, n)
			for _, s := range kf.Aliases {
				if n, ok := parseName(s); ok {
					f.forms = append(f.forms, n)
				}
			}
			out = append(out, f)
		}
	}
	return out
}

// people groups the rows of the chapters' key-figures tables into people: rows of
// different chapters that are one person (see samePerson) are one, and never two rows of
// one chapter, which lists two people.
func people(figs []figure) [][]int {
	buckets := map[string][]int{}
	for i := range figs {
		seen := map[string]bool{}
		for _, n := range figs[i].forms {
			if len(n.full) == 0 {
				continue
			}
			keys := []string{"f:" + strings.Join(n.full, " ")}
			switch n.kind {
			case acronym:
				keys = []string{"i:" + n.call[0]}
			case ordinary, single:
				keys = append(keys, "c:"+strings.Join(n.call, " "))
			}
			if in := n.initials(); len(in) >= 2 {
				keys = append(keys, "i:"+in)
			}
			for _, k := range keys {
				if !seen[k] {
					seen[k] = true
					buckets[k] = append(buckets[k], i)
				}
			}
		}
	}
	type pair struct{ i, j int }
	tried := map[pair]bool{}
	var pairs []pair
	for _, list := range buckets {
		for x := 0; x < len(list); x++ {
			for y := x + 1; y < len(list); y++ {
				p := pair{list[x], list[y]}
				if tried[p] || figs[p.i].Chapter == figs[p.j].Chapter {
					continue
				}
				tried[p] = true
				if samePerson(&figs[p.i], &figs[p.j]) {
					pairs = append(pairs, p)
				}
			}
		}
	}
	sort.Slice(pairs, func(x, y int) bool {
		if pairs[x].i != pairs[y].i {
			return pairs[x].i < pairs[y].i
		}
		return pairs[x].j < pairs[y].j
	})
	g := newGroups(len(figs))
	for _, p := range pairs {
		g.join(p.i, p.j, func(x, y []int) bool {
			for _, i := range x {
				for _, j := range y {
					if figs[i].Chapter == figs[j].Chapter {
						return false
					}
				}
			}
			return true
		})
	}
	return g.lists()
}

// index makes the index of key figures: each person once, with their rows and the places
// in the text that name them, sorted by heading.
func (b *Book) index() []Person {
	figs := b.figures()
	groups := people(figs)
	out := make([]Person, len(groups))
	for pi, members := range groups {
		p := &out[pi]
		seen := map[string]bool{}
		for _, m := range members {
			f := &figs[m]
			kf := &b.Chapters[f.Chapter].Doc.KeyFigures[f.Figure]
			p.Rows = append(p.Rows, f.Row)
			if p.Name == "" {
				p.Name, p.Heading = kf.Name, f.forms[0].heading
				seen[strings.Join(foldWords(kf.Name), " ")] = true
			}
			for _, s := range append([]string{kf.Name}, kf.Aliases...) {
				k := strings.Join(foldWords(s), " ")
				if !seen[k] {
					seen[k] = true
					p.Aliases = append(p.Aliases, s)
				}
			}
			if p.Life == "" && kf.Life != "" {
				p.Life, p.Born, p.Died = kf.Life, kf.Born, kf.Died
			}
		}
	}
	b.mentions(out, figs, groups)
	sort.SliceStable(out, func(x, y int) bool {
		hx, hy := fold(out[x].Heading), fold(out[y].Heading)
		if hx != hy {
			return hx < hy
		}
		return fold(out[x].Name) < fold(out[y].Name)
	})
	return out
}

// paragraph is a paragraph of a chapter's text as the index reads it.
type paragraph struct {
	id   string
	line int
	text string
}

// paragraphs returns a document's running text in reading order: the abstract, the summary
// line and the sections, inside lists and quotations too; a paragraph without an ID, which
// nothing could link to, is left out.
func paragraphs(doc *source.Document) []paragraph {
	var out []paragraph
	add := func(blk source.Block) bool {
		if p, ok := blk.(*source.Paragraph); ok && p.ID != "" {
			out = append(out, paragraph{id: p.ID, line: p.Line, text: p.Text()})
		}
		return true
	}
	source.Inspect(doc.Abstract, add)
	if strings.TrimSpace(doc.Summary) != "" {
		out = append(out, paragraph{id: "summary", line: doc.SummaryLine, text: doc.Summary})
	}
	for _, s := range doc.Sections {
		source.Inspect(s.Blocks, add)
	}
	return out
}
