package timeline

import (
	"strconv"
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/source/cal"
)

// tlISOKey reads an ISO 8601 date (astronomical year) into a sortable key.
func tlISOKey(s string) (isoKey, bool) {
	var k isoKey
	neg := strings.HasPrefix(s, "-")
	parts := strings.Split(strings.TrimPrefix(s, "-"), "-")
	if len(parts) > 3 || len(parts[0]) < 4 {
		return k, false
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || (i > 0 && len(p) != 2) {
			return k, false
		}
		k[i] = n
	}
	if neg {
		k[0] = -k[0]
	}
	return k, true
}

// FuzzExtract checks that any text gives a timeline that keeps its invariants: each phrase
// where its event says, every date ISO 8601, ends after starts, events in date order.
func FuzzExtract(f *testing.F) {
	for _, name := range testkit.Articles {
		for _, l := range strings.Split(string(testkit.Read(f, "articles/"+name+".txt")), "\n") {
			if l != "" {
				f.Add(l)
			}
		}
	}
	for _, s := range []string{
		"from June 29 to July 1", "June 28-July 3, 1919", "1 931", "the early 1930’s", "100-44 b.c.e.",
		"63 b.c.e.-14 c.e.", "December 30-January 2, 1", "The next day, March 8", "(1882-1945)",
		"in 49, he", "A.D. 9999", "February 29, 2100", "1,500-2,000", "9999999999999999999999 BCE",
		"March 31-February 1", "the following year", "1 b.c.e.", "U.S.A. 1933. St.", "0 BCE",
		"in 55 and 54 BCE", "The synod of 664 has often been treated as", "two years later",
		"the first half of 533", "The following year, in 665,", "who would die in 1612",
		"in March of 597 landed", "in 200 small boats", "The 1832 Act had a mixed legacy.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		// The text as the abstract, the summary line and the body, of a modern article, one
		// of the first millennium, one before the common era and one without a date.
		ps := paras(text, text, text)
		ps[0].Part, ps[1].Part = Abstract, Summary
		for _, a := range []Article{
			{Date: cal.DateOf(1933, 0, 0), Lives: []Life{{Born: 1882, Died: 1945}}},
			{Date: cal.DateOf(664, 5, 1), End: cal.DateOf(664, 5, 3)},
			{Date: cal.DateOf(-489, 9, 0)},
			{},
		} {
			evs, cut := Extract(ps, a)
			checkTimeline(t, evs)
			if (cut > 0) != (len(evs) == MaxEvents) {
				t.Fatalf("%d events, cut at line %d", len(evs), cut)
			}
		}
	})
}

// BenchmarkExtractSeed extracts the timeline of the reference article's lines, each read as a
// paragraph.
func BenchmarkExtractSeed(b *testing.B) {
	data := testkit.Read(b, "articles/"+testkit.Seed+".txt")
	var texts []string
	for _, l := range strings.Split(string(data), "\n") {
		if l != "" {
			texts = append(texts, l)
		}
	}
	ps := paras(texts...)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Extract(ps, Article{})
	}
}

// checkTimeline verifies what every timeline keeps, whatever the input.
func checkTimeline(t *testing.T, evs []Event) {
	t.Helper()
	var prev isoKey
	for i, e := range evs {
		if e.At < 0 || e.At+len(e.Phrase) > len(e.Text) || e.Text[e.At:e.At+len(e.Phrase)] != e.Phrase || e.Phrase == "" {
			t.Fatalf("phrase %q not at %d of %q", e.Phrase, e.At, e.Text)
		}
		k, ok := tlISOKey(e.Start.ISO())
		if !ok {
			t.Fatalf("start %q is not ISO 8601", e.Start.ISO())
		}
		if !e.End.IsZero() {
			end, ok := tlISOKey(e.End.ISO())
			if !ok || end.less(k) {
				t.Fatalf("end %q is before start %q or not ISO 8601", e.End.ISO(), e.Start.ISO())
			}
		}
		if i > 0 && k.less(prev) {
			t.Fatalf("%q after %q: not in date order", e.Start.ISO(), evs[i-1].Start.ISO())
		}
		prev = k
	}
}

// tlLongInputs are paragraphs of 1 MiB that stress one part of the extraction each.
func tlLongInputs() map[string]string {
	const n = 1 << 20
	return map[string]string{
		"years":          strings.Repeat("1933 ", n/5),
		"distinct years": strings.Repeat("in 1933. In 1934! In 1935? ", n/27),
		"month days":     strings.Repeat("March 1 ", n/8),
		"bare months":    strings.Repeat("in March ", n/9),
		"ones":           strings.Repeat("1 ", n/2),
		"periods":        strings.Repeat(". ", n/2),
		"times":          "In " + strings.Repeat("a", 1000) + strings.Repeat(" 7 p.m. X", n/9),
		"dotted":         strings.Repeat("a.", n/2),
		"parentheses":    strings.Repeat("(", n),
		"dashes":         strings.Repeat("1933-", n/5),
		"initials":       strings.Repeat("A. ", n/3),
		"decades":        strings.Repeat("the 1920s ", n/10),
		"relative years": "In 1917 " + strings.Repeat("the next year ", n/14),
		"next days":      "On March 1, 1917 " + strings.Repeat("the next day ", n/13),
		"digits":         strings.Repeat("1", n),
		"eras":           strings.Repeat("44 b.c.e. ", n/10),
		"mixed": strings.Repeat("On June 28-July 3, 1919, and from 1914 to 1918 (1882-1945) the early 1930’s; ",
			n/80),
	}
}

// Inputs with no sentence ends, or millions of dates, give a bounded timeline: at most
// MaxEvents events, each with a bounded text, and a cut when some were left out.
func TestTimelineLongInputs(t *testing.T) {
	for name, in := range tlLongInputs() {
		t.Run(name, func(t *testing.T) {
			evs, cut := Extract(paras(in), Article{})
			checkTimeline(t, evs)
			if len(evs) > MaxEvents {
				t.Errorf("%d events", len(evs))
			}
			for _, e := range evs {
				if len(e.Text) > maxEventText+2*len("…") {
					t.Fatalf("event text of %d bytes", len(e.Text))
				}
			}
			if (cut > 0) != (len(evs) == MaxEvents) {
				t.Errorf("%d events, cut at line %d", len(evs), cut)
			}
		})
	}
}

func TestEventText(t *testing.T) {
	short := "It began on March 1, 1917."
	if text, at, _ := eventText(short, 12, 25); text != short || at != 12 {
		t.Errorf("short sentence: %q at %d", text, at)
	}
	long := strings.Repeat("word ", 400) + "on March 1, 1917 " + strings.Repeat("more ", 400)
	s := strings.Index(long, "March")
	e := s + len("March 1, 1917")
	text, at, from := eventText(long, s, e)
	if !strings.HasPrefix(text, "…word ") || !strings.HasSuffix(text, " more…") || len(text) > maxEventText {
		t.Errorf("window %q", text)
	}
	if text[at:at+e-s] != "March 1, 1917" {
		t.Errorf("phrase at %d of %q", at, text)
	}
	if body := strings.TrimSuffix(strings.TrimPrefix(text, "…"), "…"); !strings.HasPrefix(long[from:], body) {
		t.Errorf("the window does not begin at %d of the sentence", from)
	}
}

// TestEventOffset: an event's Offset places its text in its paragraph, the windows of long
// sentences too, so that the paragraph's runs can be sliced for it.
func TestEventOffset(t *testing.T) {
	long := "In 1901 it began. " + strings.Repeat("word ", 400) + "on March 1, 1917 " + strings.Repeat("more ", 400) + "end."
	ps := []Paragraph{
		{ID: "p1", Line: 1, Text: "The war ended in 1918. A treaty was signed at Versailles on June 28, 1919, and the League met in 1920."},
		{ID: "p2", Line: 2, Text: long},
	}
	texts := map[string]string{"p1": ps[0].Text, "p2": ps[1].Text}
	events, _ := Extract(ps, Article{})
	if len(events) < 4 {
		t.Fatalf("%d events", len(events))
	}
	for _, e := range events {
		body := strings.TrimSuffix(strings.TrimPrefix(e.Text, "…"), "…")
		if !strings.HasPrefix(texts[e.Para][e.Offset:], body) {
			t.Errorf("%q is not at %d of %s", e.Text, e.Offset, e.Para)
		}
	}
}

// BenchmarkTimelineLongInputs extracts the timeline of each of tlLongInputs.
func BenchmarkTimelineLongInputs(b *testing.B) {
	for name, in := range tlLongInputs() {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			ps := paras(in)
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				Extract(ps, Article{})
			}
		})
	}
}
