package source

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// tlGold is the timeline part of a corpus gold file.
type tlGold struct {
	Required []tlGoldEvent `json:"timeline_required"`
	Optional []tlGoldEvent `json:"timeline_optional"`
}

type tlGoldEvent struct {
	Start string  `json:"start"`
	End   *string `json:"end"`
	Cue   string  `json:"cue"`
}

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

// tlScore scores a timeline against a gold file the way the project's score-parse.py does:
// recall of the required events (start, and end when the gold gives one), precision against
// the starts of required and optional events, and date order.
func tlScore(evs []Event, g tlGold) (recall, precision float64, ordered bool, misses []string) {
	found := 0
	for _, r := range g.Required {
		hit := false
		for _, e := range evs {
			if e.Start.ISO() == r.Start && (r.End == nil || e.End.ISO() == *r.End) {
				hit = true
				break
			}
		}
		if hit {
			found++
		} else {
			misses = append(misses, fmt.Sprintf("missing %s (%s)", r.Start, r.Cue))
		}
	}
	allowed := map[string]bool{}
	for _, r := range append(append([]tlGoldEvent{}, g.Required...), g.Optional...) {
		allowed[r.Start] = true
	}
	wrong := 0
	for _, e := range evs {
		if !allowed[e.Start.ISO()] {
			wrong++
			misses = append(misses, fmt.Sprintf("extra %s [%s] in %q", e.Start.ISO(), e.Phrase, e.Text))
		}
	}
	ordered = true
	for i := 1; i < len(evs); i++ {
		a, _ := tlISOKey(evs[i-1].Start.ISO())
		b, _ := tlISOKey(evs[i].Start.ISO())
		if b.less(a) {
			ordered = false
		}
	}
	recall, precision = 1, 1
	if len(g.Required) > 0 {
		recall = float64(found) / float64(len(g.Required))
	}
	if len(evs) > 0 {
		precision = float64(len(evs)-wrong) / float64(len(evs))
	} else if len(g.Required) > 0 {
		precision = 0
	}
	return recall, precision, ordered, misses
}

func TestTimelineCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus articles: %v", err)
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".gold.json")
			if err != nil {
				t.Fatal(err)
			}
			var g tlGold
			if err := json.Unmarshal(raw, &g); err != nil {
				t.Fatal(err)
			}
			doc, err := Parse(data, Options{File: path})
			if err != nil {
				t.Fatal(err)
			}
			recall, precision, ordered, misses := tlScore(doc.Timeline, g)
			t.Logf("recall %.3f precision %.3f ordered %v (%d events)", recall, precision, ordered, len(doc.Timeline))
			if recall < 0.95 || precision < 0.90 || !ordered {
				t.Errorf("recall %.3f (want ≥ 0.95), precision %.3f (want ≥ 0.90), ordered %v\n%s",
					recall, precision, ordered, strings.Join(misses, "\n"))
			}
			for _, e := range doc.Timeline {
				checkEvent(t, e)
				// Paragraph IDs are assigned before the timeline is extracted.
				if e.Para != "summary" && e.Para != fmt.Sprintf("p%d", e.Line) {
					t.Errorf("event at line %d links to %q", e.Line, e.Para)
				}
				if e.Para == "summary" && e.Line != doc.SummaryLine {
					t.Errorf("summary event at line %d, summary at %d", e.Line, doc.SummaryLine)
				}
			}
		})
	}
}

// tlBigArticle repeats the seed's Summary of Event paragraphs until the article is at least
// size bytes, as the project's make-big tool does.
func tlBigArticle(tb testing.TB, size int) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "articles", "000_89182373f193f4a0.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	s, g := -1, -1
	for i, l := range lines {
		switch strings.TrimSpace(l) {
		case labelSummary:
			s = i
		case labelSignificance:
			g = i
		}
	}
	if s < 0 || g < s {
		tb.Fatal("seed has no Summary of Event or Significance")
	}
	var b bytes.Buffer
	for _, l := range lines[:s+1] {
		b.WriteString(l + "\n")
	}
	tail := strings.Join(lines[g:], "\n") + "\n"
	for b.Len()+len(tail) < size {
		for _, l := range lines[s+1 : g] {
			b.WriteString(l + "\n")
		}
	}
	b.WriteString(tail)
	return b.Bytes()
}

// The repeated paragraphs state the same events in the same sentences: the big article's
// timeline is the seed's.
func TestTimelineBigDuplicates(t *testing.T) {
	seed, err := os.ReadFile(filepath.Join("testdata", "articles", "000_89182373f193f4a0.txt"))
	if err != nil {
		t.Fatal(err)
	}
	small, err := Parse(seed, Options{})
	if err != nil {
		t.Fatal(err)
	}
	big, err := Parse(tlBigArticle(t, 1<<20), Options{})
	if err != nil {
		t.Fatal(err)
	}
	brief := func(evs []Event) map[string]bool {
		m := map[string]bool{}
		for _, e := range evs {
			m[e.Start.ISO()+" "+e.End.ISO()+" "+e.Text] = true
		}
		return m
	}
	if len(big.Timeline) != len(small.Timeline) {
		t.Errorf("big article: %d events, seed: %d", len(big.Timeline), len(small.Timeline))
	}
	want := brief(small.Timeline)
	for k := range brief(big.Timeline) {
		if !want[k] {
			t.Errorf("big article has an event the seed has not: %s", k)
		}
	}
}

func BenchmarkTimelineSeed(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "articles", "000_89182373f193f4a0.txt"))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := Parse(data, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		extractTimeline(doc)
	}
}

// BenchmarkTimelineBig extracts the timeline of the 6 MiB body-repeated seed.
func BenchmarkTimelineBig(b *testing.B) {
	data := tlBigArticle(b, 6<<20)
	doc, err := Parse(data, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		extractTimeline(doc)
	}
}

func FuzzTimeline(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "articles", "*.txt"))
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		for _, l := range bytes.Split(data, []byte("\n")) {
			if len(l) > 0 {
				f.Add(l)
			}
		}
	}
	for _, s := range []string{
		"from June 29 to July 1", "June 28-July 3, 1919", "1 931", "the early 1930’s", "100-44 b.c.e.",
		"63 b.c.e.-14 c.e.", "December 30-January 2, 1", "The next day, March 8", "(1882-1945)",
		"in 49, he", "A.D. 9999", "February 29, 2100", "1,500-2,000", "9999999999999999999999 BCE",
		"March 31-February 1", "the following year", "1 b.c.e.", "U.S.A. 1933. St.", "0 BCE",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if doc, err := Parse(data, Options{Lossy: true}); err == nil {
			tlCheckTimeline(t, doc.Timeline)
		}
		tlCheckTimeline(t, extractTimeline(tlDoc(string(data))))
	})
}

// tlCheckTimeline verifies what every timeline keeps, whatever the input.
func tlCheckTimeline(t *testing.T, evs []Event) {
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
// maxEvents events, each with a bounded text, and a warning when some were left out.
func TestTimelineLongInputs(t *testing.T) {
	for name, in := range tlLongInputs() {
		t.Run(name, func(t *testing.T) {
			doc := tlDoc(in)
			evs := extractTimeline(doc)
			tlCheckTimeline(t, evs)
			if len(evs) > maxEvents {
				t.Errorf("%d events", len(evs))
			}
			for _, e := range evs {
				if len(e.Text) > maxEventText+2*len("…") {
					t.Fatalf("event text of %d bytes", len(e.Text))
				}
			}
			if warned := len(doc.Diagnostics) > 0; warned != (len(evs) == maxEvents) {
				t.Errorf("%d events, diagnostics %v", len(evs), doc.Diagnostics)
			}
		})
	}
}

func TestEventText(t *testing.T) {
	short := "It began on March 1, 1917."
	if text, at := eventText(short, 12, 25); text != short || at != 12 {
		t.Errorf("short sentence: %q at %d", text, at)
	}
	long := strings.Repeat("word ", 400) + "on March 1, 1917 " + strings.Repeat("more ", 400)
	s := strings.Index(long, "March")
	e := s + len("March 1, 1917")
	text, at := eventText(long, s, e)
	if !strings.HasPrefix(text, "…word ") || !strings.HasSuffix(text, " more…") || len(text) > maxEventText {
		t.Errorf("window %q", text)
	}
	if text[at:at+e-s] != "March 1, 1917" {
		t.Errorf("phrase at %d of %q", at, text)
	}
}

// BenchmarkTimelineLongInputs extracts the timeline of each of tlLongInputs.
func BenchmarkTimelineLongInputs(b *testing.B) {
	for name, in := range tlLongInputs() {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			doc := tlDoc(in)
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				doc.Diagnostics = nil
				extractTimeline(doc)
			}
		})
	}
}
