package timeline

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"galley/source/cal"
)

// Merging: the front matter (the abstract, the summary line) restates the body's main
// events, usually less precisely ("in 490 BCE" for the body's "on September 12, 490
// b.c.e."). One event is one row, the body's: a front-matter row gives way to a body row
// within its dates when it states the article's own event (it is the summary line's, or its
// dates hold the article's Date), when both name the same day, when the two sentences share
// a proper name or two words of substance, or when one body sentence alone states a date
// within it, more precisely ("consecrated in 537" beside "dedicated on December 27, 537").
// A front-matter event that the body does not state keeps its row, and so does one of a
// year in which the body tells several other events that it shares nothing with ("In 1846
// the Peel government fell" beside the body's August and October of 1846).

// span returns the first and last keys of a row's dates, missing parts of the end filled so
// that every finer date within it sorts between them.
func (r *row) span() (first, last isoKey) {
	first, last = r.key[0], r.key[1]
	if r.prec == cal.Decade {
		last = isoKey{last[0], 0, 0}
	}
	if last[1] == 0 {
		last[1] = 13
	}
	if last[2] == 0 {
		last[2] = 32
	}
	return first, last
}

// within reports whether span [af, al] lies within [bf, bl].
func within(af, al, bf, bl isoKey) bool {
	return !af.less(bf) && !bl.less(al)
}

// spanIndex is a set of rows by the start of their dates.
type spanIndex struct {
	idx    []int
	starts []isoKey
}

// maxWithin bounds the rows looked at for one row, so the passes stay linear when
// thousands of rows share a date.
const maxWithin = 256

// index returns the rows that keep says, by start.
func (x *timeline) index(keep func(*row) bool) *spanIndex {
	s := &spanIndex{}
	for _, i := range x.byDate() {
		if keep(&x.rows[i]) {
			s.idx = append(s.idx, i)
			s.starts = append(s.starts, x.rows[i].key[0])
		}
	}
	return s
}

// within calls fn with each row of the index whose dates lie within r's, other than r, in
// date order, until fn returns true.
func (s *spanIndex) within(x *timeline, r *row, fn func(o int) bool) {
	first, last := r.span()
	k := sort.Search(len(s.starts), func(i int) bool { return !s.starts[i].less(first) })
	for n := 0; k < len(s.idx) && n < maxWithin && !last.less(s.starts[k]); k, n = k+1, n+1 {
		o := &x.rows[s.idx[k]]
		if o == r {
			continue
		}
		of, ol := o.span()
		if within(of, ol, first, last) && fn(s.idx[k]) {
			return
		}
	}
}

// merge leaves out the front-matter rows that restate a body row.
func (x *timeline) merge() {
	var body *spanIndex
	for i := range x.rows {
		f := &x.rows[i]
		if f.part == Body || f.drop {
			continue
		}
		if body == nil {
			body = x.index(func(o *row) bool { return o.part == Body && !o.drop })
		}
		first, last := f.span()
		own := f.part == Summary || x.art.hasSpan && within(x.art.span[0], x.art.span[1], first, last)
		var words map[string]bool
		finer, others := -1, false // the sentence of the body's finer rows, and whether there are more
		body.within(x, f, func(o int) bool {
			of, ol := x.rows[o].span()
			same := of == first && ol == last
			switch {
			case own, same && f.prec == cal.Day:
				// The article's own event, or the same day.
				f.drop = true
			default:
				if words == nil {
					words = contentWords(x.events[i].Text)
				}
				f.drop = shares(words, x.events[o].Text)
				switch s := x.rows[o].sentence; {
				case same:
					others = true
				case finer < 0:
					finer = s
				case finer != s:
					others = true
				}
			}
			return f.drop
		})
		if finer >= 0 && !others {
			// One body sentence states a finer date within the front row's, and nothing else
			// does: it states the same event ("consecrated in 537", "dedicated on December
			// 27, 537").
			f.drop = true
		}
	}
}

// contentWords returns the words of substance of a text, lowercased (four letters or more,
// no function word, no month, no possessive ending), each true when the text writes it
// capitalised after its first word: a name.
func contentWords(text string) map[string]bool {
	set := map[string]bool{}
	n := 0
	for w := range strings.FieldsFuncSeq(text, func(r rune) bool {
		return !unicode.IsLetter(r) && r != '’' && r != '\''
	}) {
		n++
		w = strings.Trim(w, "’'")
		lw := strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(w), "’s"), "'s")
		if len(lw) < 4 || plainWords[lw] || cal.MonthOf(lw) > 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		set[lw] = set[lw] || n > 1 && unicode.IsUpper(r)
	}
	return set
}

// shares reports whether text shares with the words of set a name, or two words.
func shares(set map[string]bool, text string) bool {
	n := 0
	for w, name := range contentWords(text) {
		if named, ok := set[w]; ok {
			if named && name {
				return true
			}
			n++
		}
	}
	return n >= 2
}

// Words of four letters or more that tell nothing of an event.
var plainWords = map[string]bool{
	"that": true, "this": true, "with": true, "from": true, "into": true, "were": true,
	"have": true, "been": true, "which": true, "their": true, "there": true, "they": true,
	"them": true, "then": true, "than": true, "when": true, "what": true, "where": true,
	"while": true, "would": true, "could": true, "should": true, "about": true, "after": true,
	"before": true, "also": true, "only": true, "some": true, "more": true, "most": true,
	"such": true, "over": true, "under": true, "upon": true, "these": true, "those": true,
	"other": true, "between": true, "during": true, "through": true, "against": true,
	"among": true, "until": true, "within": true, "without": true, "being": true, "made": true,
	"make": true, "first": true, "last": true, "year": true, "years": true, "later": true,
	"early": true, "late": true, "same": true, "both": true, "each": true, "many": true,
	"much": true, "very": true, "even": true, "still": true, "again": true, "once": true,
	"will": true, "shall": true, "must": true, "might": true, "just": true, "onto": true,
	"toward": true, "towards": true, "because": true, "though": true, "although": true,
	"whose": true, "himself": true, "itself": true, "themselves": true, "your": true,
	"ever": true, "never": true, "every": true, "another": true, "following": true,
	"next": true, "time": true, "took": true, "place": true, "part": true, "half": true,
	"ended": true, "began": true, "begun": true, "came": true, "went": true,
}
