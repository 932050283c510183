// Package timeline finds the dated events that an article's running text states, resolves
// each to a calendar date, and orders them: the timeline appendix that galley typesets.
//
// It reads plain paragraphs, not the document model: Extract takes their text with the
// lines and anchors the events link back to, the lives of the article's people (whose spans
// in parentheses are no events) and the year that year-less dates fall back on. Reading a
// sentence's tokens for calendar references (read.go) is kept apart from deciding which of
// them are dates (scan.go, cues.go) and what date each is (resolve.go).
package timeline

import (
	"sort"
	"strings"
	"unicode/utf8"

	"galley/source/cal"
)

// Paragraph is one paragraph of running text that the timeline reads.
type Paragraph struct {
	// ID names the paragraph for the events that link back to it ("p12", "summary").
	ID   string
	Line int
	Text string
}

// Life is a person's years of birth and death, astronomical: the same span in parentheses in
// the text is that person's life, not an event.
type Life struct{ Born, Died int }

// Event is one dated event of the timeline.
type Event struct {
	// Start is the event's date and End the end of its span, zero unless it spans a range.
	// A decade is a span from its first year to its last, both of precision cal.Decade.
	Start, End cal.Date
	// Text is the sentence that states the event, or a window of a very long one.
	Text string
	// Phrase is the date as written in Text, and At its byte offset there, so renderers can
	// set it off.
	Phrase string
	At     int
	// Offset is the byte offset, in the text of the paragraph that states the event, where
	// Text begins: Text is the sentence there, or a window of it (the ellipses that mark a
	// window are not the paragraph's). With it a renderer sets the sentence with the
	// paragraph's own emphasis.
	Offset int
	Line   int
	// Para is the ID of the paragraph that states the event.
	Para string
}

// Extract lists the dated events that the paragraphs state, in the order of their dates: one
// event per date and sentence, resolved to a calendar date. A year-less date takes the year
// of the nearest explicit year before it, in the same paragraph or an earlier one, failing
// that the first explicit year later in its sentence, failing that the fallback's (the
// article's Date line; the zero Date for none). Spans in parentheses that are the lives of
// the people given are no events.
//
// When the paragraphs state more than MaxEvents events the rest are left out, and cut is
// the line where that happened; otherwise cut is 0.
//
// It runs in time linear in the text: each paragraph is cut into sentences and each sentence
// tokenised once, and the scanner looks at most a few tokens around each one.
func Extract(paras []Paragraph, lives []Life, fallback cal.Date) (events []Event, cut int) {
	x := &timeline{seen: map[eventKey]int{}, sentences: map[string]int{}}
	x.sc.lives = map[[2]int]bool{}
	for _, l := range lives {
		x.sc.lives[[2]int{l.Born, l.Died}] = true
	}
	if !fallback.IsZero() {
		x.ctx.fallback, x.ctx.hasFallback = fallback.Year, true
	}
	for _, p := range paras {
		if x.full {
			break
		}
		x.paragraph(p.Text, p.Line, p.ID)
	}
	return x.ordered(), x.cut
}

// MaxEvents bounds the events of one timeline.
const MaxEvents = 10000

// Bounds that keep the timeline of any input small: an event's text is the sentence, or a
// window of it around the date when the sentence is longer than maxEventText bytes (a line
// without sentence ends must not be copied into every event it states); past MaxEvents
// events the rest are left out.
const (
	maxEventText = 1200
	eventWindow  = 400
	// maxScan bounds the text scanned at once: a longer "sentence" (a line with no sentence
	// end) is read in pieces cut at spaces, so memory stays bounded whatever the input.
	maxScan = 1 << 16
)

// eventKey identifies duplicates: the same dates stated by the same sentence.
type eventKey struct {
	start, end isoKey
	hasEnd     bool
	sentence   int
}

// sentence is the sentence being read, with where it comes from.
type sentence struct {
	text string
	off  int // its byte offset in its paragraph
	id   int // equal texts have equal ids; -1 until an event needs it
	line int
	para string
	// later[k] is the index of the first mention after k with an explicit year, or -1;
	// computed when first needed.
	later []int
}

// timeline accumulates the events of one text in reading order.
type timeline struct {
	sc        scanner
	ctx       dateContext
	events    []Event
	keys      [][2]isoKey
	rel       []bool // the event came from a relative phrase ("the next day")
	seen      map[eventKey]int
	sentences map[string]int
	full      bool // MaxEvents reached
	cut       int  // the line where it was reached
}

// isoKey is a sortable date: astronomical year, month and day, missing parts zero.
type isoKey [3]int

func (k isoKey) less(o isoKey) bool {
	for i := range k {
		if k[i] != o[i] {
			return k[i] < o[i]
		}
	}
	return false
}

// paragraph reads the events of one paragraph, sentence by sentence.
func (x *timeline) paragraph(text string, line int, id string) {
	x.ctx.hasTop = false
	for s, e := range sentences(text) {
		for s < e && !x.full {
			end := e
			if end-s > maxScan {
				end = cutNear(text, s+maxScan, s)
			}
			x.sentence(text[s:end], s, line, id)
			s = skipSpace(text, end)
		}
		if x.full {
			return
		}
	}
}

// cutNear returns where to cut text near at (after from): after the last space in the
// kilobyte before at, else at the start of the rune at at.
func cutNear(text string, at, from int) int {
	lo := max(from+1, at-1024)
	if k := strings.LastIndexByte(text[lo:at], ' '); k >= 0 {
		return lo + k + 1
	}
	for at > from+1 && !utf8.RuneStart(text[at]) {
		at--
	}
	return at
}

// sentence reads the events of one sentence.
func (x *timeline) sentence(sent string, off, line int, id string) {
	x.sc.text = sent
	x.sc.toks = tokenize(sent, x.sc.toks)
	if ms := x.sc.scan(); len(ms) > 0 {
		x.resolve(ms, &sentence{text: sent, off: off, id: -1, line: line, para: id})
	}
}

// emit adds one event unless the same dates and sentence are there already; an explicit
// phrase replaces a relative one for the same date ("The next day, March 8").
func (x *timeline) emit(m *mention, start, end isoKey, hasEnd bool, prec cal.Precision, st *sentence, rel bool) {
	if x.full {
		return
	}
	if !hasEnd {
		end = start
	}
	if st.id < 0 {
		// Sentences are numbered only when they state an event, so the table stays small.
		id, ok := x.sentences[st.text]
		if !ok {
			id = len(x.sentences)
			x.sentences[st.text] = id
		}
		st.id = id
	}
	key := eventKey{start, end, hasEnd, st.id}
	i, dup := x.seen[key]
	switch {
	case dup && (!x.rel[i] || rel):
		return
	case !dup && len(x.events) == MaxEvents:
		x.full, x.cut = true, st.line
		return
	}
	text, at, from := eventText(st.text, m.s, m.e)
	ev := Event{Start: start.date(prec), Text: text, Phrase: st.text[m.s:m.e], At: at,
		Offset: st.off + from, Line: st.line, Para: st.para}
	if hasEnd {
		ev.End = end.date(prec)
	}
	if dup {
		x.events[i], x.rel[i] = ev, false
		return
	}
	x.seen[key] = len(x.events)
	x.events = append(x.events, ev)
	x.keys = append(x.keys, [2]isoKey{start, end})
	x.rel = append(x.rel, rel)
}

// eventText returns the text of an event whose phrase is sent[s:e], the phrase's offset in
// it, and where in sent the text begins: the sentence, or a window of a very long one around
// the phrase, cut at spaces and marked with ellipses.
func eventText(sent string, s, e int) (text string, at, from int) {
	if len(sent) <= maxEventText {
		return sent, s, 0
	}
	lo, hi := max(0, s-eventWindow), min(len(sent), e+eventWindow)
	if lo > 0 {
		if k := strings.IndexByte(sent[lo:s], ' '); k >= 0 {
			lo += k + 1
		} else {
			lo = s
		}
	}
	if hi < len(sent) {
		if k := strings.LastIndexByte(sent[e:hi], ' '); k >= 0 {
			hi = e + k
		} else {
			hi = e
		}
	}
	text, at = sent[lo:hi], s-lo
	if lo > 0 {
		text, at = "…"+text, at+len("…")
	}
	if hi < len(sent) {
		text += "…"
	}
	return text, at, lo
}

// ordered returns the events by date: by start, then end, then reading order.
func (x *timeline) ordered() []Event {
	idx := make([]int, len(x.events))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := x.keys[idx[i]], x.keys[idx[j]]
		if a[0] != b[0] {
			return a[0].less(b[0])
		}
		return a[1].less(b[1])
	})
	out := make([]Event, len(idx))
	for i, k := range idx {
		out[i] = x.events[k]
	}
	return out
}

// date returns the key as a date: a decade's year when prec says so, else of the precision
// its parts give.
func (k isoKey) date(prec cal.Precision) cal.Date {
	if prec == cal.Decade {
		return cal.Date{Year: k[0], Precision: cal.Decade}
	}
	return cal.DateOf(k[0], k[1], k[2])
}
