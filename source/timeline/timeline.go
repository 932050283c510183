// Package timeline finds the dated events that an article's running text states, resolves
// each to a calendar date, and orders them: the timeline appendix that galley typesets.
//
// It reads plain paragraphs, not the document model: Extract takes their text with the
// lines and anchors the events link back to, and what is known of the article before its
// text is read (its own date, the lives of its people). Reading a sentence's tokens for
// calendar references (read.go) is kept apart from deciding which of them are dates (scan.go,
// cues.go), what date each is (resolve.go), whether the sentence tells an event or judges one
// (judge.go), and which rows of the front matter restate the body (merge.go).
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
	// Part says whether the paragraph is of the article's body or of its front matter: what
	// the front matter states, the body usually states again, more precisely, and the body's
	// statement is the event's row.
	Part Part
}

// Part is the part of an article a paragraph belongs to.
type Part uint8

// Parts of an article.
const (
	// Body is the article's sections.
	Body Part = iota
	// Abstract is the overview before the article's Date.
	Abstract
	// Summary is the one-sentence summary after the Date: it states the article's event,
	// which the body tells.
	Summary
)

// Life is a person's years of birth and death, astronomical: the same span in parentheses in
// the text is that person's life, not an event.
type Life struct{ Born, Died int }

// Article is what the timeline is told about the article besides its paragraphs.
type Article struct {
	// Date is the article's own date (its Date line) and End the end of its span, the zero
	// Date for none. A year-less date that nothing else explains takes Date's year; a bare
	// year takes Date's era; and in an article dated in the first millennium a number of one
	// to three digits after "in", "by", "of" and the like is a year unless it counts something.
	Date, End cal.Date
	// Lives are the lives of the article's people: a span in parentheses equal to one is that
	// person's life, not an event, and without a Date they tell the article's centuries.
	Lives []Life
}

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
// event per date and sentence, resolved to a calendar date.
//
//   - A year-less date takes the year of the time the text is telling: the nearest explicit
//     year before it, in the same paragraph or an earlier one, that moved the narrative
//     (not one that looks ahead, as "who would die in 1612" or "until 709", nor one that looks
//     back mid-sentence); failing that the first explicit year later in its sentence; failing
//     that the year of the article's Date.
//   - A relative year ("the following year", "two years later") counts from the same year,
//     takes the year of a date it stands beside ("The following year, in 665"), and is left
//     out when its own sentence says otherwise ("the following year, and by March of 1832").
//   - An era marker belongs to its own year and the range it closes; a bare year takes the era
//     of a marked year in its own sentence, else the article's era.
//   - A sentence that judges an event the timeline already lists, or characterises a period
//     ("The 1832 Act had a mixed legacy", "policy during the 1830s showed"), states no event.
//   - An event of the front matter that the body states again gives way to the body's row.
//
// Spans in parentheses that are the lives of the people given are no events.
//
// When the paragraphs state more than MaxEvents events the rest are left out, and cut is
// the line where that happened; otherwise cut is 0.
//
// It runs in time linear in the text: each paragraph is cut into sentences and each sentence
// tokenised once, and the scanner looks at most a few tokens around each one; the passes over
// the rows afterwards look each one up in the rows sorted by date.
func Extract(paras []Paragraph, a Article) (events []Event, cut int) {
	x := &timeline{seen: map[eventKey]int{}, sentences: map[string]int{}}
	x.sc.lives = map[[2]int]bool{}
	for _, l := range a.Lives {
		x.sc.lives[[2]int{l.Born, l.Died}] = true
	}
	x.profile(a)
	for _, p := range paras {
		if x.full {
			break
		}
		x.paragraph(p)
	}
	x.judge()
	x.merge()
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
	part Part
	// later[k] is the index of the first mention after k with an explicit year, or -1;
	// computed when first needed.
	later []int
}

// timeline accumulates the events of one text in reading order.
type timeline struct {
	sc        scanner
	art       article
	ctx       dateContext
	mk        marks    // of the sentence being resolved
	cur       sentence // the sentence being read
	events    []Event
	rows      []row // what the passes after reading need to know of each event
	seen      map[eventKey]int
	sentences map[string]int
	full      bool // MaxEvents reached
	cut       int  // the line where it was reached
}

// row is what is known of an event besides what it shows.
type row struct {
	key      [2]isoKey // start and end (the start again for a single date)
	prec     cal.Precision
	sentence int
	rel      bool // it came from a relative phrase ("the next day")
	part     Part
	judged   bool // its sentence judges what the date names (judge.go)
	period   bool // its date is a period ("during the 1830s", "after 216")
	drop     bool // a pass after reading left it out
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
func (x *timeline) paragraph(p Paragraph) {
	x.ctx.hasTop = false
	text := p.Text
	for s, e := range sentences(text) {
		for s < e && !x.full {
			end := e
			if end-s > maxScan {
				end = cutNear(text, s+maxScan, s)
			}
			x.cur = sentence{text: text[s:end], off: s, id: -1, line: p.Line, para: p.ID, part: p.Part, later: x.cur.later[:0]}
			x.sentence(&x.cur)
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
func (x *timeline) sentence(st *sentence) {
	x.sc.read(st.text)
	x.sc.shortYears = x.early()
	x.sc.bce = x.art.dated && x.art.era < 0
	if ms := x.sc.scan(); len(ms) > 0 {
		x.resolve(ms, st)
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
	case dup && (!x.rows[i].rel || rel):
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
	r := row{key: [2]isoKey{start, end}, prec: prec, sentence: st.id, rel: rel, part: st.part,
		judged: m.judged, period: m.period || prec == cal.Decade}
	if dup {
		x.events[i], x.rows[i] = ev, r
		return
	}
	x.seen[key] = len(x.events)
	x.events = append(x.events, ev)
	x.rows = append(x.rows, r)
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

// byDate returns the indexes of the rows that no pass left out, by date: by start, then
// end, then reading order.
func (x *timeline) byDate() []int {
	idx := make([]int, 0, len(x.rows))
	for i, r := range x.rows {
		if !r.drop {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := x.rows[idx[i]].key, x.rows[idx[j]].key
		if a[0] != b[0] {
			return a[0].less(b[0])
		}
		return a[1].less(b[1])
	})
	return idx
}

// ordered returns the events that no pass left out, by date.
func (x *timeline) ordered() []Event {
	idx := x.byDate()
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
