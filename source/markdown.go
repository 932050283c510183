package source

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// maxNesting bounds how deep lists and quotes nest in the model; deeper content is kept as
// paragraphs at the limit, with a warning, so no renderer recurses without bound.
const maxNesting = 24

// markdown reads whole Markdown documents: CommonMark with GFM tables and strikethrough, but
// without raw HTML, which stays text. Built on first use.
var markdown = sync.OnceValue(func() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithParser(parser.NewParser(
			parser.WithBlockParsers(without(parser.DefaultBlockParsers(), "*parser.htmlBlockParser")...),
			parser.WithInlineParsers(without(parser.DefaultInlineParsers(), "*parser.rawHTMLParser")...),
			parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
			// GFM tables, as extension.Table adds them, but bounded (see boundedTables).
			parser.WithParagraphTransformers(util.Prioritized(boundedTables{extension.NewTableParagraphTransformer()}, 200)),
			parser.WithASTTransformers(util.Prioritized(extension.NewTableASTTransformer(), 0)),
		)),
		goldmark.WithExtensions(extension.Strikethrough),
	)
})

// maxTableCells bounds the cells of a document's tables together. A GFM table gives every row
// as many cells as its header has, so a row of two bytes ("|") under a header of 26 columns
// is 26 cells, and a header of n columns over n rows n² cells: 256 KB of such rows took 1.3 GB
// and 80 s to build.
const maxTableCells = 100_000

var (
	// tableCells counts, in a parse's context, the cells of the tables made so far.
	tableCells = parser.NewContextKey()
	// tablesRefused holds, in a parse's context, the byte offsets of the paragraphs left
	// as text because their table would pass maxTableCells.
	tablesRefused = parser.NewContextKey()
)

// boundedTables makes GFM tables as goldmark's transformer does, unless the table would take
// the document's tables past maxTableCells: then the paragraph stays text. The count is an
// upper bound read before any cell is made: the paragraph's lines times one more than the
// most '|' on one of them.
type boundedTables struct{ parser.ParagraphTransformer }

func (t boundedTables) Transform(node *gast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() < 2 {
		return
	}
	cols, delimiter := 0, false
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		v := seg.Value(reader.Source())
		cols = max(cols, bytes.Count(v, []byte{'|'})+1)
		// A table needs a delimiter row: dashes, with colons, pipes and spaces only.
		delimiter = delimiter || bytes.IndexByte(v, '-') >= 0 && len(bytes.Trim(v, "|:- \t\n\r")) == 0
	}
	used, _ := pc.Get(tableCells).(int)
	if cells := cols * lines.Len(); delimiter && cols > 1 && used+cells > maxTableCells {
		refused, _ := pc.Get(tablesRefused).([]int)
		pc.Set(tablesRefused, append(refused, lines.At(0).Start))
		return
	}
	parent, next := node.Parent(), node.NextSibling()
	t.ParagraphTransformer.Transform(node, reader, pc)
	// A table was made when something now stands before what followed the paragraph.
	var made gast.Node
	if next != nil {
		made = next.PreviousSibling()
	} else if parent != nil {
		made = parent.LastChild()
	}
	if tb, ok := made.(*east.Table); ok {
		n := 0
		for row := tb.FirstChild(); row != nil; row = row.NextSibling() {
			n += row.ChildCount()
		}
		pc.Set(tableCells, used+n)
	}
}

// without drops the parsers of the named concrete types.
func without(ps []util.PrioritizedValue, typ string) []util.PrioritizedValue {
	out := ps[:0:0]
	for _, p := range ps {
		if fmt.Sprintf("%T", p.Value) != typ {
			out = append(out, p)
		}
	}
	return out
}

// hasFrontMatter reports whether the input begins with a YAML front-matter fence.
func hasFrontMatter(lines []line) bool {
	return len(lines) > 1 && lines[0].text == "---"
}

// markdownDoc reads a whole Markdown document: front matter for the header, `#`/`##`
// headings for sections, article labels as headings for key figures, bibliography and see
// also, and every other block into the model's blocks.
func (p *docParser) markdownDoc(lines []line) error {
	doc, opt := p.doc, p.opt
	body := 0
	if hasFrontMatter(lines) {
		end := -1
		for i := 1; i < len(lines); i++ {
			if lines[i].text == "---" || lines[i].text == "..." {
				end = i
				break
			}
		}
		if end > 0 {
			if err := p.frontMatter(lines[1:end], lines[0].num); err != nil {
				return err
			}
			body = end + 1
		}
	}
	// goldmark reads the text with its own line numbers; keep the offset of the body.
	first := 1
	if body < len(lines) {
		first = lines[body].num
	}
	var src strings.Builder
	warnedDeep := false
	for _, l := range lines[body:] {
		t, capped := capContainers(l.raw)
		if capped && !warnedDeep {
			warnedDeep = true
			doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Line: l.num, Col: 1, Severity: SevWarning,
				Message: fmt.Sprintf("quotes and lists nested more than %d deep; the rest of the line is kept as text", maxNesting)})
		}
		src.WriteString(t)
		src.WriteByte('\n')
	}
	b := []byte(src.String())
	pc := parser.NewContext()
	root := markdown().Parser().Parse(text.NewReader(b), parser.WithContext(pc))
	c := &mdConv{docParser: p, src: b, lineOf: newLineIndex(b, first)}
	if refused, _ := pc.Get(tablesRefused).([]int); len(refused) > 0 {
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Line: c.lineOf.line(refused[0]), Col: 1, Severity: SevWarning,
			Message: fmt.Sprintf("tables of more than %d cells in all; %d kept as text", maxTableCells, len(refused))})
	}
	if err := c.document(root); err != nil {
		return err
	}
	if doc.Title == "" {
		stem := strings.TrimSuffix(filepath.Base(opt.File), filepath.Ext(opt.File))
		if opt.File == "-" || stem == "" {
			stem = "article"
		}
		doc.Title = stem
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Line: first, Col: 1, Severity: SevWarning,
			Message: "no title (front matter or # heading); using the file name"})
	}
	doc.KeyFigures = parseKeyFigures(c.figureLines, &doc.Diagnostics)
	if doc.KeyFigures == nil {
		doc.KeyFigures = []KeyFigure{}
	}
	assignIDs(doc)
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// lineIndex maps byte offsets of the Markdown body to source line numbers.
type lineIndex struct {
	starts []int
	first  int
}

func newLineIndex(b []byte, first int) *lineIndex {
	li := &lineIndex{starts: []int{0}, first: first}
	for i, c := range b {
		if c == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

func (li *lineIndex) line(off int) int {
	lo, hi := 0, len(li.starts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if li.starts[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + li.first
}

// mdConv converts goldmark's block tree into the model, in one place.
type mdConv struct {
	*docParser
	src         []byte
	lineOf      *lineIndex
	cur         *Section
	label       string
	figureLines []line
	lastLine    int
	warnedDepth bool
}

// pos returns the source line a block node starts on.
func (c *mdConv) pos(n gast.Node) int {
	if n.Type() == gast.TypeBlock {
		if ls := n.Lines(); ls != nil && ls.Len() > 0 {
			c.lastLine = c.lineOf.line(ls.At(0).Start)
			return c.lastLine
		}
	}
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		if k.Type() == gast.TypeBlock {
			return c.pos(k)
		}
		if t, ok := k.(*gast.Text); ok {
			c.lastLine = c.lineOf.line(t.Segment.Start)
			return c.lastLine
		}
	}
	return c.lastLine
}

func (c *mdConv) document(root gast.Node) error {
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*gast.Heading); ok && h.Level <= 2 {
			if err := c.heading(h); err != nil {
				return err
			}
			continue
		}
		switch c.label {
		case labelKeyFigures, labelBibliography, labelFurther, labelSeeAlso:
			c.labelled(n)
			continue
		}
		b := c.block(n, 0)
		if b == nil {
			continue
		}
		if c.cur == nil {
			c.doc.Abstract = append(c.doc.Abstract, b)
		} else {
			c.cur.Blocks = append(c.cur.Blocks, b)
		}
	}
	return nil
}

// heading starts a section, or takes the title from the first level-1 heading; a title with
// no visible character is an error at its line.
func (c *mdConv) heading(h *gast.Heading) error {
	ln := c.pos(h)
	title := PlainText(c.inlines(h))
	if h.Level == 1 && c.doc.Title == "" && c.cur == nil && len(c.doc.Abstract) == 0 {
		if !visible(title) {
			return &Error{File: c.opt.File, Line: ln, Col: 1,
				Err: fmt.Errorf("missing title: the heading has no visible character (only %s)", unseen(title))}
		}
		c.doc.Title, c.doc.TitleLine = title, ln
		return nil
	}
	c.label = asLabel(title)
	switch c.label {
	case labelKeyFigures, labelSeeAlso:
		c.cur = nil
		return nil
	case labelBibliography, labelFurther:
		c.bibLabel(c.label, ln)
		c.cur = nil
		return nil
	}
	if !c.roomForSection(ln) {
		// A heading inside the last section.
		c.label = ""
		if c.cur == nil {
			c.cur = c.doc.Sections[len(c.doc.Sections)-1]
		}
		c.cur.Blocks = append(c.cur.Blocks, &Heading{Level: h.Level, Inlines: c.inlines(h), Line: ln})
		return nil
	}
	if !visible(title) {
		title = fmt.Sprintf("Section at line %d", ln)
	}
	c.cur = &Section{Title: title, Level: h.Level, Line: ln, Blocks: []Block{}}
	c.doc.Sections = append(c.doc.Sections, c.cur)
	return nil
}

// labelled reads the blocks under an article label: each paragraph or list item is one key
// figure line, bibliography entry or see-also list.
func (c *mdConv) labelled(n gast.Node) {
	var items []line
	if l, ok := n.(*gast.List); ok {
		for it := l.FirstChild(); it != nil; it = it.NextSibling() {
			items = append(items, line{text: c.plain(it), num: c.pos(it)})
		}
	} else {
		items = append(items, line{text: c.plain(n), num: c.pos(n)})
	}
	for _, l := range items {
		l.text = strings.TrimSpace(l.text)
		if l.text == "" {
			continue
		}
		switch c.label {
		case labelKeyFigures:
			c.figureLines = append(c.figureLines, l)
		case labelSeeAlso:
			t := l.text
			if m := seeAlsoRE().FindStringSubmatch(t); m != nil {
				t = m[1]
			}
			c.doc.SeeAlso = append(c.doc.SeeAlso, splitList(t)...)
		default:
			c.doc.Bibliography = append(c.doc.Bibliography, c.bibEntry(l))
		}
	}
}

// plain returns the text of a node's lines as written (for key figures and bibliography
// entries, which their own parsers read).
func (c *mdConv) plain(n gast.Node) string {
	var b strings.Builder
	var walk func(n gast.Node)
	walk = func(n gast.Node) {
		if n.Type() == gast.TypeBlock && n.Lines() != nil && n.Lines().Len() > 0 {
			ls := n.Lines()
			for i := 0; i < ls.Len(); i++ {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				s := ls.At(i)
				b.Write(s.Value(c.src))
			}
			return
		}
		for k := n.FirstChild(); k != nil; k = k.NextSibling() {
			walk(k)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// inlines converts the inline children of a block node into runs.
func (c *mdConv) inlines(n gast.Node) []Inline {
	conv := inlineConv{md: true, src: c.src}
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		conv.node(k, 0, "")
	}
	runs := conv.done()
	// A trailing soft break becomes a trailing space: drop it.
	if last := &runs[len(runs)-1]; strings.HasSuffix(last.Text, " ") && !last.Break {
		last.Text = strings.TrimRight(last.Text, " ")
	}
	return runs
}

// block converts one goldmark block node; depth counts enclosing lists and quotes.
func (c *mdConv) block(n gast.Node, depth int) Block {
	ln := c.pos(n)
	switch n := n.(type) {
	case *gast.Paragraph, *gast.TextBlock:
		if f, ok := c.figure(n, ln); ok {
			return f
		}
		return &Paragraph{Inlines: c.inlines(n), Line: ln}
	case *gast.Heading:
		return &Heading{Level: n.Level, Inlines: c.inlines(n), Line: ln}
	case *gast.ThematicBreak:
		return &Rule{Line: ln}
	case *gast.CodeBlock, *gast.FencedCodeBlock:
		var b strings.Builder
		ls := n.Lines()
		for i := 0; i < ls.Len(); i++ {
			s := ls.At(i)
			b.Write(s.Value(c.src))
		}
		cb := &CodeBlock{Text: strings.TrimRight(b.String(), "\n"), Line: ln}
		if f, ok := n.(*gast.FencedCodeBlock); ok && f.Info != nil {
			cb.Lang = strings.Fields(string(f.Info.Segment.Value(c.src)) + " x")[0]
		}
		return cb
	case *gast.Blockquote:
		if depth >= maxNesting {
			return c.flatten(n, ln)
		}
		q := &Quote{Line: ln, Blocks: []Block{}}
		for k := n.FirstChild(); k != nil; k = k.NextSibling() {
			if b := c.block(k, depth+1); b != nil {
				q.Blocks = append(q.Blocks, b)
			}
		}
		return q
	case *gast.List:
		if depth >= maxNesting {
			return c.flatten(n, ln)
		}
		l := &List{Ordered: n.IsOrdered(), Start: n.Start, Line: ln}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			var blocks []Block
			for k := it.FirstChild(); k != nil; k = k.NextSibling() {
				if b := c.block(k, depth+1); b != nil {
					blocks = append(blocks, b)
				}
			}
			if blocks == nil {
				blocks = []Block{}
			}
			l.Items = append(l.Items, blocks)
		}
		if l.Items == nil {
			l.Items = [][]Block{}
		}
		return l
	case *east.Table:
		return c.table(n, ln)
	case *gast.HTMLBlock:
		// Not produced (the HTML block parser is off), but never passed through as markup.
		return &CodeBlock{Text: c.plain(n), Line: ln}
	}
	if n.Type() == gast.TypeBlock {
		if t := c.plain(n); t != "" {
			return &Paragraph{Inlines: []Inline{{Text: t}}, Line: ln}
		}
	}
	return nil
}

// capContainers escapes the container marker (quote '>', list '-', '*', '+', "1.") that would
// open a level past maxNesting at the start of a line, so the parser never builds, and no
// renderer ever walks, a tree thousands of levels deep.
func capContainers(t string) (string, bool) {
	depth := 0
	for i := 0; i < len(t); {
		switch c := t[i]; {
		case c == ' ':
			i++
			continue
		case c == '>':
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(t) || t[i+1] == ' '):
		case c >= '0' && c <= '9':
			j := i
			for j < len(t) && j-i < 9 && t[j] >= '0' && t[j] <= '9' {
				j++
			}
			if j < len(t) && (t[j] == '.' || t[j] == ')') && (j+1 == len(t) || t[j+1] == ' ') {
				if depth >= maxNesting {
					return t[:i] + t[i:j] + "\\" + t[j:], true
				}
				depth++
				i = j + 1
				continue
			}
			return t, false
		default:
			return t, false
		}
		if depth >= maxNesting {
			return t[:i] + "\\" + t[i:], true
		}
		depth++
		i++
	}
	return t, false
}

// flatten keeps the text of content nested past maxNesting as one paragraph.
func (c *mdConv) flatten(n gast.Node, ln int) Block {
	if !c.warnedDepth {
		c.warnedDepth = true
		c.doc.Diagnostics = append(c.doc.Diagnostics, Diagnostic{Line: ln, Col: 1, Severity: SevWarning,
			Message: fmt.Sprintf("lists and quotes nested more than %d deep; the rest is kept as text", maxNesting)})
	}
	return &Paragraph{Inlines: []Inline{{Text: c.plain(n)}}, Line: ln}
}

// figure reads a paragraph that holds only an image as a figure.
func (c *mdConv) figure(n gast.Node, ln int) (*Figure, bool) {
	img, ok := n.FirstChild().(*gast.Image)
	if !ok || img.NextSibling() != nil {
		return nil, false
	}
	alt := PlainText(c.inlines(img))
	f, ok := parseFigure(line{text: "![" + alt + "](" + string(img.Destination) + ")", num: ln})
	if !ok {
		return nil, false
	}
	return c.countFigure(f)
}

func (c *mdConv) table(n *east.Table, ln int) *Table {
	t := &Table{Line: ln, Rows: [][][]Inline{}}
	for _, a := range n.Alignments {
		t.Align = append(t.Align, [...]Align{east.AlignLeft: AlignLeft, east.AlignRight: AlignRight,
			east.AlignCenter: AlignCenter, east.AlignNone: AlignNone}[a])
	}
	for r := n.FirstChild(); r != nil; r = r.NextSibling() {
		var cells [][]Inline
		for cell := r.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cells = append(cells, c.inlines(cell))
		}
		for len(cells) < len(t.Align) {
			cells = append(cells, []Inline{{Text: ""}})
		}
		if _, ok := r.(*east.TableHeader); ok {
			t.Header = cells
		} else {
			t.Rows = append(t.Rows, cells)
		}
	}
	return t
}
