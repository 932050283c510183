package pdf

import (
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/source"
)

// lineTexts returns the text of each line as drawn (with added hyphens).
func lineTexts(es []elem, lines []line) []string {
	var out []string
	for _, l := range lines {
		var b strings.Builder
		for i := l.from; i < l.to; i++ {
			switch es[i].kind {
			case kBox:
				b.WriteString(es[i].text)
			case kGlue:
				if es[i].w > 0 {
					b.WriteByte(' ')
				}
			}
		}
		if l.hyphen != nil {
			b.WriteString(l.hyphen.text)
		}
		out = append(out, strings.TrimSpace(b.String()))
	}
	return out
}

// compounds joins the hyphenated compounds of the seed's abstract, which a line may end in:
// the lines rebuild the text but for them.
var compounds = strings.NewReplacer("non-repayment", "nonrepayment", "anti-Bolshevik", "antiBolshevik")

func TestBreakLinesFixed(t *testing.T) {
	doc := parse(t, testkit.Seed)
	r := newTestRenderer(t, doc)
	abstract := func(i int) string { return doc.Abstract[i].(*source.Paragraph).Text() }
	for _, c := range []struct {
		name   string
		text   string
		width  float64
		indent float64
		ends   []string // the last word of each line
	}{
		{"abstract 3 at 4.4 in", abstract(2), 316.8, 0,
			[]string{"resulting", "various", "not", "ide-", "for", "War", "throughout", "century."}},
		{"abstract 1 at 4.4 in", abstract(0), 316.8, 11.5,
			[]string{"in", "years", "U.S.", "power", "govern-", "during", "including", "ideologies", "abroad."}},
		{"abstract 3 at 3 in", abstract(2), 216, 11.5,
			[]string{"No-", "es-", "various", "the", "as", "ideologi-", "recognition", "including", "under-", "relations", "century."}},
	} {
		t.Run(c.name, func(t *testing.T) {
			es := r.elems(plain(c.text), &r.body, 0)
			tb := r.set(es, &r.body, blockOpts{width: c.width, indent: c.indent, lead: 15, justify: true})
			lines := lineTexts(tb.es, tb.lines)
			var ends []string
			for _, l := range lines {
				f := strings.Fields(l)
				ends = append(ends, f[len(f)-1])
			}
			if strings.Join(ends, " ") != strings.Join(c.ends, " ") {
				t.Errorf("line ends\n got %q\nwant %q\nlines:\n%s", ends, c.ends, strings.Join(lines, "\n"))
			}
			// the words come back whole, in order
			joined := strings.Join(lines, "\n")
			joined = strings.NewReplacer("-\n", "", "\n", " ").Replace(joined)
			if compounds.Replace(joined) != compounds.Replace(c.text) {
				t.Errorf("lines do not rebuild the text:\n%s", joined)
			}
		})
	}
}

// TestBreakLinesRules checks the rules on every paragraph of the corpus, set as the body
// is on Letter and A5: no line overfull, no space wider than 0.6 em on justified
// lines, never three hyphenated lines in a row; two in a row, or a hyphen before the last
// line, in few paragraphs (where nothing else fits within the tolerance).
func TestBreakLinesRules(t *testing.T) {
	for _, name := range testkit.Articles {
		doc := parse(t, name)
		var texts []string
		for _, b := range doc.Abstract {
			texts = append(texts, b.(*source.Paragraph).Text())
		}
		for _, s := range doc.Sections {
			for _, b := range s.Blocks {
				if p, ok := b.(*source.Paragraph); ok {
					texts = append(texts, p.Text())
				}
			}
		}
		for _, paper := range []string{"letter", "a5"} {
			r := newTestRenderer(t, doc)
			r.g, _ = geometry(paper)
			r.styles()
			width := r.g.width
			doubled, lines := 0, 0
			for _, text := range texts {
				es := r.elems(plain(text), &r.body, 0)
				tb := r.set(es, &r.body, blockOpts{width: width, indent: r.g.body, lead: r.g.lead, justify: true})
				lines += len(tb.lines)
				for n, l := range tb.lines {
					w := l.width
					nat, stretch, shrink := measureLine(tb.es, &l)
					if nat-shrink > w+0.01 {
						t.Errorf("%s %s: line %d overfull (%.1f > %.1f)", name, paper, n, nat-shrink, w)
					}
					last := n == len(tb.lines)-1
					if !last && stretch > 0 && nat < w {
						if ratio := (w - nat) / stretch; ratio > 2.8 { // spaces over 0.6 em
							t.Errorf("%s %s: line %d loose (r=%.2f): %s", name, paper, n, ratio, lineTexts(tb.es, tb.lines[n:n+1])[0])
						}
					}
					if n > 1 && l.flagged && tb.lines[n-1].flagged && tb.lines[n-2].flagged {
						t.Errorf("%s %s: lines %d to %d all end hyphenated", name, paper, n-2, n)
					}
					if n > 0 && (l.flagged && tb.lines[n-1].flagged || last && tb.lines[n-1].hyphen != nil) {
						doubled++
					}
				}
			}
			if doubled*16 > lines {
				t.Errorf("%s %s: %d of %d lines end a second hyphenated line in a row or come before a last line after a hyphen",
					name, paper, doubled, lines)
			}
		}
	}
}

func TestBreakLinesGreedyFallback(t *testing.T) {
	doc := parse(t, testkit.Seed)
	r := newTestRenderer(t, doc)
	// One box wider than the line has no total-fit solution until it is cut.
	es := r.elems(plain("a "+strings.Repeat("x", 300)+" b"), &r.body, 0)
	tb := r.set(es, &r.body, blockOpts{width: 100, lead: 15, justify: true})
	if len(tb.lines) < 3 {
		t.Fatalf("%d lines", len(tb.lines))
	}
	for n, l := range tb.lines {
		if nat, _, shrink := measureLine(tb.es, &l); nat-shrink > 100.01 {
			t.Errorf("line %d overfull: %.1f", n, nat)
		}
	}
}

func TestKerning(t *testing.T) {
	f := newTestRenderer(t, &source.Document{}).fs.faces[slotRegular]
	st := &textStyle{face: f, size: 10}
	if k := f.kerning('A', 'V'); k >= 0 {
		t.Errorf("no kerning for AV: %d", k)
	}
	if w, sum := st.width("AV"), st.width("A")+st.width("V"); w >= sum {
		t.Errorf("AV is %.2f wide, A and V %.2f", w, sum)
	}
	if f.kerning('a', 'b') != 0 {
		t.Errorf("kerning between a and b")
	}
}

// TestPageBreaks paginates paragraphs of every length behind headings: no page may end
// with a paragraph's first line or start with its last, nor end with a heading or a
// hyphenated line.
func TestPageBreaks(t *testing.T) {
	doc := parse(t, testkit.Seed)
	var paras []string
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			if p, ok := b.(*source.Paragraph); ok {
				paras = append(paras, p.Text())
			}
		}
	}
	for _, paper := range []string{"letter", "a5"} {
		r := newTestRenderer(t, doc)
		g, _ := geometry(paper)
		r.g = g
		r.styles()
		type info struct{ line, of int }
		where := map[*vbox]info{}
		heads := map[*vbox]bool{}
		for i := range 40 {
			if i%5 == 0 {
				n := len(r.boxes)
				r.heading(plain("A heading"), &r.heading13, 12, 4, nil, "", 0, nil)
				for _, b := range r.boxes[n:] {
					heads[b] = true
				}
			}
			// paragraphs of 1 to about 12 lines
			words := strings.Fields(paras[i%len(paras)])
			text := strings.Join(words[:min(len(words), 3+i*37%len(words))], " ")
			es := r.elems(plain(text), &r.body, 0)
			tb := r.set(es, &r.body, blockOpts{width: g.width, indent: g.body, lead: g.lead, justify: true})
			bs := r.flow(tb, flowOpts{})
			for n, b := range bs {
				where[b] = info{n, len(bs)}
			}
			r.add(bs...)
		}
		pages := r.paginate()
		if len(pages) < 3 {
			t.Fatalf("%s: %d pages", paper, len(pages))
		}
		for n, p := range pages {
			first, last := p.items[0].b, p.items[len(p.items)-1].b
			if w, ok := where[first]; ok && w.of > 1 && w.line == w.of-1 {
				t.Errorf("%s page %d starts with a widow", paper, n+1)
			}
			if w, ok := where[last]; ok && w.of > 1 && w.line == 0 {
				t.Errorf("%s page %d ends with an orphan", paper, n+1)
			}
			if heads[last] && n < len(pages)-1 {
				t.Errorf("%s page %d ends with a heading", paper, n+1)
			}
			if n < len(pages)-1 {
				if w, ok := where[last]; ok && w.line < w.of-1 {
					// a break inside a paragraph: at least two lines each side
					if w.line < 1 || w.of-w.line-1 < 2 {
						t.Errorf("%s page %d breaks a paragraph after line %d of %d", paper, n+1, w.line+1, w.of)
					}
				}
			}
		}
	}
}

// TestWordBreaks shows where words may break: "=" an inserted hyphen, "|" after a dash or
// hyphen of the text. The words an em or en dash joins are hyphenated each; a hyphenated
// compound breaks at its hyphen only; a name with a capital first is hyphenated, as TeX
// does.
func TestWordBreaks(t *testing.T) {
	r := newTestRenderer(t, parse(t, testkit.Seed))
	for _, c := range []struct{ in, want string }{
		{"businesses—including", "busi=nesses—|in=clud=ing"},
		{"1918–1921", "1918–1921"},
		{"government-sponsored", "government-|sponsored"},
		{"Revolution", "Rev=o=lu=tion"},
		{"U.S.-Soviet", "U.S.-|Soviet"},
		{"co\u00adoperation", "co=operation"},
	} {
		var b strings.Builder
		for _, e := range r.elems(plain(c.in), &r.body, 0) {
			switch {
			case e.kind == kBox:
				b.WriteString(e.text)
			case e.kind == kPenalty && e.w > 0:
				b.WriteByte('=')
			case e.kind == kPenalty && e.flagged:
				b.WriteByte('|')
			}
		}
		if got := b.String(); got != c.want {
			t.Errorf("%q breaks as %q, want %q", c.in, got, c.want)
		}
	}
}
