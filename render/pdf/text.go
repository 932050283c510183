package pdf

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"galley/render"
	"galley/render/pdf/hyph"
	"galley/source"
)

// A textStyle is how a run of text is set.
type textStyle struct {
	face   *face
	size   float64
	color  rgb
	link   string // external link target
	anchor string // internal link target: a paragraph ID
	strike bool
}

// rgb is a fill colour, components 0-1.
type rgb struct{ r, g, b float64 }

var (
	black  = rgb{}
	accent = rgb{0.10, 0.20, 0.45} // dark blue: links and rules, still dark in greyscale
	grey   = rgb{0.35, 0.35, 0.35}
)

// width returns the width of s set in st, in points, with kerning.
func (st *textStyle) width(s string) float64 {
	f := st.face
	w := 0
	prev := rune(-1)
	for _, r := range s {
		w += f.advance(r)
		if prev >= 0 {
			w += f.kerning(prev, r)
		}
		prev = r
	}
	return float64(w) * st.size / 1000
}

// Kinds of paragraph elements (Knuth and Plass's boxes, glue and penalties).
const (
	kBox uint8 = iota
	kGlue
	kPenalty
)

// An elem is one element of a paragraph to break into lines.
type elem struct {
	kind uint8
	// flagged marks a penalty whose break leaves a hyphen or dash at the line end; disc marks
	// one that hyphenation inserted (tried only when the paragraph needs it).
	flagged, disc bool
	w             float64 // width (box, glue; a penalty's width is the hyphen it adds)
	stretch       float64
	shrink        float64
	penalty       float64
	text          string // a box's text, or the hyphen of a penalty
	st            *textStyle
}

const infPenalty = 10000

// A paraStyle gives the styles of a paragraph's text.
type paraStyle struct {
	regular, bold, italic, boldItalic, mono *face
	size                                    float64
	color                                   rgb
	// hyphenate allows hyphenation points in words.
	hyphenate bool
	// ragged sets interword spaces at their natural width (no stretch or shrink).
	ragged bool
}

// textBuilder turns inline runs into paragraph elements.
type textBuilder struct {
	r    *renderer
	ps   *paraStyle
	line int // source line, for warnings
	out  []elem

	word    []wordPiece // the word being gathered, possibly in several styles
	space   *textStyle  // pending interword space, in the style of the run it came from
	styles  map[styleKey]*textStyle
	lastBox int // index of the last box, -1 if none
}

type wordPiece struct {
	st   *textStyle
	text string
}

type styleKey struct {
	style  source.Style
	link   string
	anchor string
}

// elems converts runs to paragraph elements.
func (r *renderer) elems(runs []source.Inline, ps *paraStyle, line int) []elem {
	b := r.builder(ps, line)
	for _, run := range runs {
		b.add(run.Text, b.style(run.Style, run.Link, ""))
		if run.Break {
			b.hardBreak()
		}
	}
	return r.keep(b.finish())
}

// builder returns the renderer's text builder, reset for a paragraph: one builder serves
// every paragraph of a document, its buffers reused.
func (r *renderer) builder(ps *paraStyle, line int) *textBuilder {
	b := r.tb
	if b == nil {
		b = &textBuilder{r: r}
		r.tb = b
	}
	b.ps, b.line, b.lastBox, b.space = ps, line, -1, nil
	b.out, b.word = b.out[:0], b.word[:0]
	clear(b.styles)
	return b
}

// keep copies a paragraph's elements into the renderer's arena and returns them: a
// document has hundreds of paragraphs and table cells, each kept until drawn, and blocks
// of elements cost less to allocate than one slice each. The slice returned has no spare
// capacity, so that appending to it never writes into the arena.
func (r *renderer) keep(es []elem) []elem {
	if len(es) == 0 {
		return nil
	}
	if len(es) > cap(r.arena)-len(r.arena) {
		// Blocks of 64 KB: the seed's 8,000 elements take eight, with little left unused.
		r.arena = make([]elem, 0, max(1024, len(es)))
	}
	start := len(r.arena)
	r.arena = append(r.arena, es...)
	return r.arena[start:len(r.arena):len(r.arena)]
}

func (b *textBuilder) style(s source.Style, link, anchor string) *textStyle {
	k := styleKey{s, link, anchor}
	if st, ok := b.styles[k]; ok {
		return st
	}
	ps := b.ps
	st := &textStyle{face: ps.regular, size: ps.size, color: ps.color, link: link, anchor: anchor,
		strike: s&source.Strike != 0}
	switch {
	case s&source.Code != 0:
		st.face, st.size = ps.mono, ps.size*0.88
	case s&source.Bold != 0 && s&source.Italic != 0:
		st.face = ps.boldItalic
	case s&source.Bold != 0:
		st.face = ps.bold
	case s&source.Italic != 0:
		st.face = ps.italic
	}
	if link != "" || anchor != "" {
		st.color = accent
	}
	if b.styles == nil {
		b.styles = map[styleKey]*textStyle{}
	}
	b.styles[k] = st
	return st
}

// add appends text set in st.
func (b *textBuilder) add(text string, st *textStyle) {
	text = b.r.clean(text, st.face, b.line)
	start := -1
	for i, c := range text {
		if c == ' ' || c == '\n' {
			if start >= 0 {
				b.word = append(b.word, wordPiece{st, text[start:i]})
				start = -1
			}
			b.flushWord()
			if b.lastBox >= 0 {
				b.space = st
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		b.word = append(b.word, wordPiece{st, text[start:]})
	}
}

// hardBreak ends the line here (a Markdown hard line break).
func (b *textBuilder) hardBreak() {
	b.flushWord()
	b.space = nil
	if b.lastBox < 0 {
		return
	}
	b.out = append(b.out, elem{kind: kGlue, stretch: fill}, elem{kind: kPenalty, penalty: -infPenalty})
}

const fill = 1e6 // stretch of fill glue: absorbs any shortfall

func (b *textBuilder) finish() []elem {
	b.flushWord()
	for len(b.out) > 0 && b.out[len(b.out)-1].kind != kBox {
		b.out = b.out[:len(b.out)-1]
	}
	if len(b.out) == 0 {
		return nil
	}
	b.out = append(b.out, elem{kind: kPenalty, penalty: infPenalty},
		elem{kind: kGlue, stretch: fill}, elem{kind: kPenalty, penalty: -infPenalty})
	return b.out
}

// flushWord turns the gathered word into boxes and the penalties between its parts.
func (b *textBuilder) flushWord() {
	if len(b.word) == 0 {
		return
	}
	if b.space != nil && b.lastBox >= 0 {
		st := b.space
		w := float64(st.face.advance(' ')) * st.size / 1000
		g := elem{kind: kGlue, w: w, st: st}
		if !b.ps.ragged {
			g.stretch, g.shrink = w/2, w/3
		}
		b.out = append(b.out, g)
	}
	b.space = nil
	hyphenable := b.ps.hyphenate && len(b.word) == 1
	for _, p := range b.word {
		b.piece(p, hyphenable)
	}
	b.word = b.word[:0]
}

// piece adds one single-style part of a word, with its break opportunities: after explicit
// hyphens and dashes, at soft hyphens, and at hyphenation points. The words an en or em dash
// joins ("businesses—including") are hyphenated each, as two words; a hyphenated compound
// ("government-sponsored") breaks at its hyphen only, as TeX breaks it.
func (b *textBuilder) piece(p wordPiece, hyphenable bool) {
	s := p.text
	start := 0
	whole := true // no break inside the word but hyphenation points
	for i, c := range s {
		switch c {
		case '\u00ad': // soft hyphen: a hyphenation point the author chose
			b.box(p.st, s[start:i])
			b.hyphen(p.st, false)
			start = i + len("\u00ad")
			whole, hyphenable = false, false
		case '\u200b': // zero-width space: a break without hyphen
			b.box(p.st, s[start:i])
			b.out = append(b.out, elem{kind: kPenalty})
			start = i + len("\u200b")
			whole, hyphenable = false, false
		case '-', '\u2010', '–', '—':
			next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(c):])
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if i > start && i+utf8.RuneLen(c) < len(s) && isWordy(prev) && unicode.IsLetter(next) {
				end := i + utf8.RuneLen(c)
				dash := c == '–' || c == '—'
				if hyphenable && dash {
					b.hyphenated(p.st, s[start:end])
				} else {
					b.box(p.st, s[start:end])
				}
				b.out = append(b.out, elem{kind: kPenalty, penalty: 50, flagged: true})
				start = end
				whole = false
				if !dash {
					hyphenable = false
				}
			}
		}
	}
	rest := s[start:]
	if hyphenable && (whole || start > 0) {
		b.hyphenated(p.st, rest)
		return
	}
	b.box(p.st, rest)
}

func isWordy(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' }

// hyphenated adds a word with its hyphenation points: the letters of the word proper, between
// any leading and trailing punctuation ("“government’s,").
func (b *textBuilder) hyphenated(st *textStyle, s string) {
	lead := strings.IndexFunc(s, unicode.IsLetter)
	if lead < 0 {
		b.box(st, s)
		return
	}
	end := lead
	for end < len(s) {
		c, n := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(c) {
			break
		}
		end += n
	}
	// "don’t", "U.S.": letters after the punctuation make it something else than a word
	// with trailing punctuation; leave it whole unless it is a possessive.
	tail := s[end:]
	if strings.IndexFunc(tail, unicode.IsLetter) >= 0 && tail != "’s" && tail != "'s" && tail != "’s," && tail != "’s." {
		b.box(st, s)
		return
	}
	pts := hyph.Points(s[lead:end])
	if len(pts) == 0 {
		b.box(st, s)
		return
	}
	word := s[lead:end]
	from, n := 0, 0
	k := 0
	for i := range word {
		if k < len(pts) && n == pts[k] {
			seg := word[from:i]
			if from == 0 {
				seg = s[:lead] + seg
			}
			b.box(st, seg)
			b.hyphen(st, true)
			from = i
			k++
		}
		n++
	}
	b.box(st, word[from:]+tail)
}

// hyphen adds a discretionary break that sets a hyphen at the line end.
func (b *textBuilder) hyphen(st *textStyle, disc bool) {
	b.out = append(b.out, elem{kind: kPenalty, penalty: 50, flagged: true, disc: disc,
		w: st.width("-"), text: "-", st: st})
}

func (b *textBuilder) box(st *textStyle, s string) {
	if s == "" {
		return
	}
	b.out = append(b.out, elem{kind: kBox, w: st.width(s), text: s, st: st})
	b.lastBox = len(b.out) - 1
}

// clean prepares text for a face: NFC (decomposed accents would be drawn as two glyphs and
// break lines between them), no control characters, what separates words (render.Space) a
// space, what draws nothing (render.Invisible) left out, and every character the font lacks
// replaced by a visible substitute, with one warning per character and document. The words
// of the text are then the words render counts.
func (r *renderer) clean(s string, f *face, line int) string {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	ok := true
	for _, c := range s {
		if c < 0x20 || c > 0xffff || !f.has(c) || c >= '\u200c' && (render.Space(c) || render.Invisible(c)) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var sb strings.Builder
	for _, c := range s {
		switch {
		case render.Space(c):
			sb.WriteByte(' ')
		case c == '\u00ad' || c == '\u200b':
			sb.WriteRune(c) // break opportunities, handled by the builder
		case render.Invisible(c):
			// joiners, word joiner, BOM, variation selectors: nothing to draw
		case c < 0x20 || c > 0xffff || !f.has(c):
			sb.WriteRune(r.substitute(c, f, line))
		default:
			sb.WriteRune(c)
		}
	}
	return sb.String()
}

// substitute returns what to draw for a character the font lacks, and warns once per
// character.
func (r *renderer) substitute(c rune, f *face, line int) rune {
	sub := '\ufffd'
	if !f.has(sub) {
		sub = '?'
	}
	if !r.missing[c] {
		if r.missing == nil {
			r.missing = map[rune]bool{}
		}
		r.missing[c] = true
		r.opt.Warnf(line, fmt.Sprintf("character %U is not in the font; set as %q", c, sub))
	}
	return sub
}
