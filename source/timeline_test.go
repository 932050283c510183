package source

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"galley/internal/testkit"
	"galley/source/cal"
	"galley/source/timeline"
)

// tlDoc builds a document whose body is the given paragraphs, one per line.
func tlDoc(paras ...string) *Document {
	sec := &Section{Title: labelSummary, Level: 1}
	for i, p := range paras {
		sec.Blocks = append(sec.Blocks, &Paragraph{Inlines: []Inline{{Text: p}}, Line: i + 1,
			ID: fmt.Sprintf("p%d", i+1)})
	}
	return &Document{Sections: []*Section{sec}}
}

// before reports whether date a comes before date b.
func before(a, b cal.Date) bool {
	if a.Year != b.Year {
		return a.Year < b.Year
	}
	if a.Month != b.Month {
		return a.Month < b.Month
	}
	return a.Day < b.Day
}

func TestTimelineSources(t *testing.T) {
	doc := tlDoc("The treaty was signed in 1933.")
	doc.Abstract = []Block{&Paragraph{Inlines: []Inline{{Text: "An overview of 1920."}}, Line: 2, ID: "p2"},
		&Figure{Caption: "A photograph of 1925", Line: 3, ID: "f3"},
		&List{Items: [][]Block{{&Paragraph{Inlines: []Inline{{Text: "Listed in 1921."}}, Line: 4, ID: "p4"}}}},
		&Quote{Blocks: []Block{&Paragraph{Inlines: []Inline{{Text: "Quoted in 1922."}}, Line: 5, ID: "p5"}}}}
	doc.Summary, doc.SummaryLine = "Relations were established in November of 1933.", 7
	doc.Date = &Date{Text: "1950", Start: cal.DateOf(1950, 0, 0), Line: 6}
	doc.KeyFigures = []KeyFigure{{Name: "A Person", Born: cal.DateOf(1900, 0, 0), Died: cal.DateOf(1960, 0, 0), Role: "president, 1940-1944"}}
	doc.Bibliography = []*BibEntry{{Raw: "Doe, Jane. A Book. New York: Knopf, 1970.", Line: 9}}
	var got []string
	extractTimeline(doc)
	for _, e := range doc.Timeline {
		got = append(got, fmt.Sprintf("%s %s L%d", e.Start.ISO(), e.Para, e.Line))
	}
	want := []string{"1920 p2 L2", "1921 p4 L4", "1922 p5 L5", "1933 p1 L1", "1933-11 summary L7"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestTimelineCut checks that a document stating more than timeline.MaxEvents events has
// that many, and one warning on the line where the rest were left out.
func TestTimelineCut(t *testing.T) {
	var b strings.Builder
	b.WriteString("Title\nDate 1933\nSummary.\nSummary of Event\n")
	n := 0
	for y := 1000; n <= timeline.MaxEvents+10; y++ {
		for d := 1; d <= 28; d++ {
			fmt.Fprintf(&b, "It began on March %d, %d. ", d, y)
			n++
		}
		if y%100 == 0 {
			b.WriteString("\n")
		}
	}
	doc, err := Parse([]byte(b.String()), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var warnings []Diagnostic
	for _, d := range doc.Diagnostics {
		if strings.Contains(d.Message, "dated events") {
			warnings = append(warnings, d)
		}
	}
	if len(doc.Timeline) != timeline.MaxEvents || len(warnings) != 1 || warnings[0].Line < 5 {
		t.Errorf("%d events, warnings %+v", len(doc.Timeline), warnings)
	}
}

// tlGold is the timeline part of an answer key.
type tlGold struct {
	Required  []tlGoldEvent `json:"timeline_required"`
	Optional  []tlGoldEvent `json:"timeline_optional"`
	Forbidden []string      `json:"timeline_forbidden"`
}

type tlGoldEvent struct {
	Start string  `json:"start"`
	End   *string `json:"end"`
	Cue   string  `json:"cue"`
}

// cueWords returns the set of words of a text as the answer keys compare them: runs of
// letters, digits and underscores, lowercased, curly apostrophes made straight.
func cueWords(s string) map[string]bool {
	s = strings.ToLower(strings.ReplaceAll(s, "’", "'"))
	set := map[string]bool{}
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_'
	}) {
		set[w] = true
	}
	return set
}

// states reports whether text holds at least 80 % of the words of cue.
func states(text map[string]bool, cue string) bool {
	cw := cueWords(cue)
	n := 0
	for w := range cw {
		if text[w] {
			n++
		}
	}
	return len(cw) > 0 && float64(n) >= 0.8*float64(len(cw))
}

// tlScore scores a timeline against an answer key the way the answer keys are scored.
// Recall: each required event has a row with its start (and its end, when the key gives
// one). Precision: a row is wrong when its start is none the key allows, when its sentence
// states an event of the key (holds most of its cue's words) and the row's start is neither
// that event's date nor a coarser form of it, or when its sentence is one the key lists as
// commentary. Order: starts never go back.
func tlScore(evs []timeline.Event, g tlGold) (recall, precision float64, ordered bool, misses []string) {
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
	golds := append(append([]tlGoldEvent{}, g.Required...), g.Optional...)
	allowed := map[string]bool{}
	for _, r := range golds {
		allowed[r.Start] = true
	}
	wrong := 0
	for _, e := range evs {
		st, text := e.Start.ISO(), cueWords(e.Text)
		if !allowed[st] {
			wrong++
			misses = append(misses, fmt.Sprintf("extra %s [%s] in %q", st, e.Phrase, e.Text))
			continue
		}
		stated, right := false, false
		for _, r := range golds {
			if states(text, r.Cue) {
				stated = true
				right = right || r.Start == st || strings.HasPrefix(r.Start, st+"-")
			}
		}
		if stated && !right {
			wrong++
			misses = append(misses, fmt.Sprintf("wrong date %s [%s] in %q", st, e.Phrase, e.Text))
		}
	}
	for _, e := range evs {
		text := cueWords(e.Text)
		for _, cue := range g.Forbidden {
			if states(text, cue) {
				wrong++
				misses = append(misses, fmt.Sprintf("not an event: %s [%s] in %q", e.Start.ISO(), e.Phrase, e.Text))
				break
			}
		}
	}
	ordered = true
	for i := 1; i < len(evs); i++ {
		if before(evs[i].Start, evs[i-1].Start) {
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

// TestTimelineCorpus scores the timeline of every corpus and invented article against its
// answer key, and wants every required event, no row that the key does not allow or that
// is commentary, and date order.
func TestTimelineCorpus(t *testing.T) {
	for _, name := range append(append([]string{}, testkit.Articles...), testkit.Invented...) {
		t.Run(name, func(t *testing.T) {
			var g tlGold
			if err := json.Unmarshal(testkit.Read(t, "articles/"+name+".gold.json"), &g); err != nil {
				t.Fatal(err)
			}
			doc := mustParse(t, name)
			recall, precision, ordered, misses := tlScore(doc.Timeline, g)
			t.Logf("recall %.3f precision %.3f ordered %v (%d events)", recall, precision, ordered, len(doc.Timeline))
			if recall < 1 || precision < 1 || !ordered {
				t.Errorf("recall %.3f, precision %.3f, ordered %v\n%s",
					recall, precision, ordered, strings.Join(misses, "\n"))
			}
			for _, e := range doc.Timeline {
				if e.At < 0 || e.At+len(e.Phrase) > len(e.Text) || e.Text[e.At:e.At+len(e.Phrase)] != e.Phrase {
					t.Errorf("phrase %q not at %d of %q", e.Phrase, e.At, e.Text)
				}
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

// TestTimelineScoreCatches checks that the scoring above fails what it must: a wrong year
// for a stated event, a year that only occurs elsewhere, commentary, a missing event.
func TestTimelineScoreCatches(t *testing.T) {
	g := tlGold{
		Required:  []tlGoldEvent{{Start: "0664", Cue: "The synod met at Whitby in 664"}, {Start: "0597", Cue: "Augustine landed in Kent in 597"}},
		Forbidden: []string{"The synod of 664 has often been treated as a turning point"},
	}
	ev := func(y int, text string) timeline.Event {
		return timeline.Event{Start: cal.DateOf(y, 0, 0), Text: text}
	}
	good := []timeline.Event{ev(597, "Augustine landed in Kent in 597."), ev(664, "The synod met at Whitby in 664.")}
	for _, tt := range []struct {
		name string
		evs  []timeline.Event
		ok   bool
	}{
		{"right", good, true},
		{"a year of the article, not of the sentence", []timeline.Event{ev(597, "Augustine landed in Kent in 597."), ev(597, "The synod met at Whitby in 664.")}, false},
		{"commentary", append(append([]timeline.Event{}, good...), ev(664, "The synod of 664 has often been treated as a turning point.")), false},
		{"missing", good[:1], false},
		{"out of order", []timeline.Event{good[1], good[0]}, false},
	} {
		r, p, o, _ := tlScore(tt.evs, g)
		if ok := r == 1 && p == 1 && o; ok != tt.ok {
			t.Errorf("%s: recall %.2f precision %.2f ordered %v, want ok %v", tt.name, r, p, o, tt.ok)
		}
	}
}

// The repeated paragraphs state the same events in the same sentences: the big article's
// timeline is the seed's.
func TestTimelineBigDuplicates(t *testing.T) {
	small := mustParse(t, testkit.Seed)
	big, err := Parse(bigArticle(t, 1<<20), Options{})
	if err != nil {
		t.Fatal(err)
	}
	brief := func(evs []timeline.Event) map[string]bool {
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
	data := testkit.Read(b, "articles/"+testkit.Seed+".txt")
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
	data := bigArticle(b, 6<<20)
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
