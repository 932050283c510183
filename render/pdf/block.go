package pdf

import (
	"strings"

	"galley/render"
)

// A textBlock is a paragraph broken into lines at a given width: measured, ready to place.
type textBlock struct {
	es      []elem
	lines   []line
	lead    float64
	size    float64
	width   float64
	indent  float64 // first line
	hang    float64 // lines after the first
	justify bool
	align   int // 0 left, 1 centre, 2 right (when not justified)
}

// blockOpts says how to set a text block.
type blockOpts struct {
	width, indent, hang float64
	lead                float64
	justify             bool
	align               int
}

// set breaks elements into lines.
func (r *renderer) set(es []elem, ps *paraStyle, o blockOpts) *textBlock {
	t := &textBlock{es: es, lead: o.lead, size: ps.size, width: o.width, indent: o.indent,
		hang: o.hang, justify: o.justify && !ps.ragged, align: o.align}
	if t.lead == 0 {
		t.lead = ps.size * 1.3
	}
	widthOf := func(n int) float64 {
		if n == 0 {
			return max(o.width-o.indent, ps.size)
		}
		return max(o.width-o.hang, ps.size)
	}
	splitWide(t, widthOf(1))
	stretch := 0.0
	if !t.justify {
		stretch = ps.size * 3 // ragged: each line may fall short by up to about 3 em
		for i := range t.es {
			if e := &t.es[i]; e.kind == kGlue && e.stretch < fill {
				e.stretch, e.shrink = 0, 0 // spaces at their natural width
			}
		}
	}
	t.lines = breakLines(t.es, widthOf, stretch)
	return t
}

// splitWide cuts boxes wider than a line (a long URL, a chemical name) into pieces that fit,
// with a break allowed between them, so that every paragraph can be broken.
func splitWide(t *textBlock, width float64) {
	wide := false
	for i := range t.es {
		if t.es[i].kind == kBox && t.es[i].w > width {
			wide = true
			break
		}
	}
	if !wide {
		return
	}
	out := make([]elem, 0, len(t.es)+8)
	for _, e := range t.es {
		if e.kind != kBox || e.w <= width {
			out = append(out, e)
			continue
		}
		rs := []rune(e.text)
		start := 0
		for start < len(rs) {
			end := start + 1
			for end < len(rs) && e.st.width(string(rs[start:end+1])) <= width {
				end++
			}
			s := string(rs[start:end])
			if start > 0 {
				out = append(out, elem{kind: kPenalty})
			}
			out = append(out, elem{kind: kBox, text: s, w: e.st.width(s), st: e.st})
			start = end
		}
	}
	t.es = out
}

func (t *textBlock) height() float64 { return float64(len(t.lines)) * t.lead }

// baseline is the offset of a line's baseline below its top.
func (t *textBlock) baseline() float64 { return t.lead/2 + 0.32*t.size }

// lineX returns the left edge of line n relative to the block.
func (t *textBlock) lineX(n int) float64 {
	if n == 0 {
		return t.indent
	}
	return t.hang
}

// drawLine draws line n with its top at y and the block's left edge at x.
func (t *textBlock) drawLine(d *drawer, n int, x, y float64) {
	l := &t.lines[n]
	lx := t.lineX(n)
	justify := t.justify && n < len(t.lines)-1
	if justify && l.to < len(t.es) {
		if e := &t.es[l.to]; e.kind == kPenalty && e.penalty <= -infPenalty {
			justify = false // a hard line break
		}
	}
	rest := 0
	if t.inHyphenated(n) {
		rest = wordEnd(t.es, l.from)
	}
	d.setLine(t.es, l, x+lx, y+t.baseline(), t.width-lx, justify, t.align, rest)
}

// inHyphenated reports whether line n begins inside a word hyphenated on a line before: the
// line before ends with a hyphen, or it ends inside the word (a long word cut where it did
// not fit, a break after a hyphen of the text) and is all of that word, the lines before it
// going back to the hyphen.
func (t *textBlock) inHyphenated(n int) bool {
	for m := n - 1; m >= 0; m-- {
		l := &t.lines[m]
		if l.hyphen != nil {
			return true
		}
		if l.to >= len(t.es) || t.es[l.to].kind != kPenalty || t.es[l.to].penalty <= -infPenalty {
			return false // the line ends between words
		}
		for i := l.from; i < l.to; i++ {
			if t.es[i].kind == kGlue {
				return false // the word begins on this line, not hyphenated before
			}
		}
	}
	return false
}

// draw draws all lines with the block's top at y, the content of the element the drawer was
// given.
func (t *textBlock) draw(d *drawer, x, y float64) {
	for n := range t.lines {
		t.drawLine(d, n, x, y+float64(n)*t.lead)
	}
}

// flowOpts places a text block in the page flow.
type flowOpts struct {
	x      float64 // offset from the left margin
	before float64
	anchor string
	line   int
	// keepAll keeps every line with the next (headings), including the last.
	keepAll bool
	mark    *mark
	part    string
	// tag is the element whose content the lines are.
	tag *tag
	// at is what the lines set, for the EPUB's page breaks (see render.PageStart); each
	// line's box says how many of its words earlier lines set.
	at any
}

// flow turns a text block into one box per line, kept together so that no page ends after
// a paragraph's first line or begins with its last (at least two lines each side), nor
// after a hyphenated line.
func (r *renderer) flow(t *textBlock, o flowOpts) []*vbox {
	n := len(t.lines)
	out := make([]*vbox, n)
	tg := o.tag
	for i := range n {
		b := &vbox{h: t.lead}
		i := i
		x := r.g.left + o.x
		b.draw = func(d *drawer, y float64) {
			d.content(tg)
			t.drawLine(d, i, x, y)
		}
		breakAfter := i == n-1 || (i >= 1 && n-(i+1) >= 2 && !t.lines[i].flagged)
		b.keep = !breakAfter || o.keepAll
		b.at, b.words = o.at, func() int { return t.wordsBefore(i) }
		out[i] = b
	}
	if n > 0 {
		out[0].before = o.before
		out[0].anchor = o.anchor
		out[0].line = o.line
		out[0].mark = o.mark
		out[0].part = o.part
	}
	return out
}

// wordsBefore returns how many words the lines before line i set (all of them when i is the
// number of lines), a word broken at a line end among them: counted as render.Words counts
// them, so that the EPUB finds the same word.
func (t *textBlock) wordsBefore(i int) int {
	if i == 0 {
		return 0
	}
	end := len(t.es)
	if i < len(t.lines) {
		end = t.lines[i].from
	}
	var b strings.Builder
	for _, e := range t.es[:end] {
		switch e.kind {
		case kBox:
			b.WriteString(e.text)
		case kGlue:
			b.WriteByte(' ')
		}
	}
	return len(render.Words(b.String()))
}
