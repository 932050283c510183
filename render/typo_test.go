package render

import (
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/source"
	"galley/source/cal"
	"galley/source/timeline"
)

func TestSmart(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"United States Recognizes Russia's Bolshevik Regime", "United States Recognizes Russia’s Bolshevik Regime"},
		{`the word "recognition," referring`, "the word “recognition,” referring"},
		{`"Origin," as`, "“Origin,” as"},
		{"He said 'no' twice", "He said ‘no’ twice"},
		{"the '30s and the 1920's", "the ’30s and the 1920’s"},
		{"don't, Darwins' finches", "don’t, Darwins’ finches"},
		{`("quoted")`, "(“quoted”)"},
		{"president, 1933-1945", "president, 1933–1945"},
		{"(1882-1945)", "(1882–1945)"},
		{"pp. 204-31.", "pp. 204–31."},
		{"c. 550-486 b.c.e.", "c. 550–486 b.c.e."},
		{"the 1920s-1930s", "the 1920s–1930s"},
		{"June 2-10, 1979", "June 2–10, 1979"},
		{"June 28-July 3, 1919", "June 28–July 3, 1919"},
		{"February 6-April 5, 1989", "February 6–April 5, 1989"},
		{"1933-11-16", "1933-11-16"},
		{"ISBN 0-19-502795-7", "ISBN 0-19-502795-7"},
		{"89316673-64532.jpg", "89316673-64532.jpg"},
		{"the U-2 and a 10-year plan", "the U-2 and a 10-year plan"},
		{"57,470-60,000", "57,470-60,000"},
		{"U.S.-Soviet", "U.S.-Soviet"},
		{"a 3-2 vote", "a 3–2 vote"},
		{"recovery--the New Deal---and", "recovery–the New Deal—and"},
		{"---. The February Revolution", "---. The February Revolution"},
		{"war - and peace", "war – and peace"},
		{"wait...", "wait…"},
		{"World War II, John Paul II and Darius I (c. 550", "World War\u00a0II, John Paul\u00a0II and Darius\u00a0I (c. 550"},
		{"Franklin D. Roosevelt; Katherine A. S. Sibley", "Franklin D.\u00a0Roosevelt; Katherine A.\u00a0S.\u00a0Sibley"},
		{"U.S. officials", "U.S. officials"},
		{"see https://example.org/a--b's", "see https://example.org/a--b's"},
		{"Moscow’s “normal” relations—already curly", "Moscow’s “normal” relations—already curly"},
		{"", ""},
	} {
		if got := Smart(c.in); got != c.want {
			t.Errorf("Smart(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
		if again := Smart(c.want); again != c.want {
			t.Errorf("Smart is not idempotent on %q: %q", c.want, again)
		}
	}
}

// TestSmartRuns: quotes read their context across runs; code keeps its characters; runs
// keep their styles, links and breaks.
func TestSmartRuns(t *testing.T) {
	in := []source.Inline{
		{Text: "Darwin wrote "},
		{Text: "Origin", Style: source.Italic},
		{Text: "'s \"abstract\" "},
		{Text: "a--b 'x'", Style: source.Code},
		{Text: " in 1858-1859", Link: "https://example.org", Break: true},
		{Text: "'end'"},
	}
	got := SmartRuns(in)
	want := []string{"Darwin wrote ", "Origin", "’s “abstract” ", "a--b 'x'", " in 1858–1859", "‘end’"}
	for i := range want {
		if got[i].Text != want[i] || got[i].Style != in[i].Style || got[i].Link != in[i].Link || got[i].Break != in[i].Break {
			t.Errorf("run %d: %+v, want text %q and the run's style", i, got[i], want[i])
		}
	}
	if in[2].Text != "'s \"abstract\" " {
		t.Error("SmartRuns changed the runs it was given")
	}
}

// TestTypeset: the document as it is set has typographic punctuation everywhere, the OCR-split
// year whole, and the model is left as it was.
func TestTypeset(t *testing.T) {
	doc := parseArticle(t, testkit.Seed)
	a := NewArticle(doc, nil)
	ts := a.Typeset()
	if ts.Title != "United States Recognizes Russia’s Bolshevik Regime" || doc.Title != "United States Recognizes Russia's Bolshevik Regime" {
		t.Errorf("title: set %q, model %q", ts.Title, doc.Title)
	}
	if a.Typeset() != ts {
		t.Error("Typeset is not made once")
	}
	var text, model strings.Builder
	walk := func(bs []source.Block, into *strings.Builder) {
		source.Inspect(bs, func(b source.Block) bool {
			if p, ok := b.(*source.Paragraph); ok {
				into.WriteString(p.Text() + "\n")
			}
			return true
		})
	}
	walk(ts.Abstract, &text)
	walk(doc.Abstract, &model)
	for _, s := range ts.Sections {
		walk(s.Blocks, &text)
	}
	for _, s := range doc.Sections {
		walk(s.Blocks, &model)
	}
	if strings.ContainsAny(text.String(), "'\"") {
		t.Error("a straight quote is left in the text as set")
	}
	if !strings.Contains(text.String(), "Manchuria in 1931 were") || strings.Contains(text.String(), "1 931") {
		t.Error("the OCR-split year 1 931 is not set as 1931")
	}
	if !strings.Contains(model.String(), "1 931") || !strings.Contains(doc.Title, "'") {
		t.Error("Typeset changed the model")
	}
	for _, f := range ts.KeyFigures {
		if strings.Contains(f.Role, "-19") || strings.Contains(f.Life, "-") {
			t.Errorf("%s: a range with a hyphen: %q, %q", f.Name, f.Life, f.Role)
		}
	}
}

// TestEvents: a timeline row is its sentence with the paragraph's emphasis, the date phrase
// in italics, or in roman inside italics; an OCR-split year is whole there too.
func TestEvents(t *testing.T) {
	p := &source.Paragraph{ID: "p1", Line: 1, Inlines: []source.Inline{
		{Text: "It began. In 1472 Aeschylus staged "},
		{Text: "The Persians of 472", Style: source.Italic},
		{Text: " in Athens. Later, in 1 931, it was "},
		{Text: "revived", Style: source.Bold, Break: true},
		{Text: "again."},
	}}
	text := p.Text()
	ev := func(phrase, sentence string, year int) timeline.Event {
		off := strings.Index(text, sentence)
		return timeline.Event{Start: cal.DateOf(year, 0, 0), Text: sentence, Phrase: phrase,
			At: strings.Index(sentence, phrase), Offset: off, Para: "p1", Line: 1}
	}
	doc := &source.Document{Title: "T", Sections: []*source.Section{{Title: "S", Blocks: []source.Block{p}}}}
	doc.Timeline = []timeline.Event{
		ev("1472", "In 1472 Aeschylus staged The Persians of 472 in Athens.", 1472),
		ev("of 472", "In 1472 Aeschylus staged The Persians of 472 in Athens.", 472),
		ev("1 931", "Later, in 1 931, it was revived again.", 1931),
		{Start: cal.DateOf(1500, 0, 0), Text: "Not in the document, in 1500.", Phrase: "1500", At: 24, Para: "p9"},
	}
	a := NewArticle(doc, nil)
	show := func(runs []source.Inline) string {
		var b strings.Builder
		for _, r := range runs {
			switch {
			case r.Style&source.Italic != 0:
				b.WriteString("/" + r.Text + "/")
			case r.Style&source.Bold != 0:
				b.WriteString("*" + r.Text + "*")
			default:
				b.WriteString(r.Text)
			}
		}
		return b.String()
	}
	for i, want := range []string{
		"In /1472/ Aeschylus staged /The Persians of 472/ in Athens.",
		"In 1472 Aeschylus staged /The Persians /of 472 in Athens.",
		"Later, in /1931/, it was *revived* again.",
		"Not in the document, in /1500/.",
	} {
		if got := show(a.Events()[i].Runs); got != want {
			t.Errorf("event %d:\n got %q\nwant %q", i, got, want)
		}
	}
	if got := a.Typeset().Sections[0].Blocks[0].(*source.Paragraph).Text(); !strings.Contains(got, "in 1931, it") {
		t.Errorf("paragraph as set: %q", got)
	}
}
