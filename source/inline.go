package source

import (
	"strings"
	"sync"

	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// inlineParser reads the inline Markdown of one article paragraph. It knows only paragraphs,
// so a line beginning "1933. ", "- ", "#" or ">" stays text, and it has no raw-HTML parser, so
// markup in the input stays text. goldmark parsers are safe for concurrent use once built;
// it is built on first use, so commands that parse nothing do not pay for it at start-up.
var inlineParser = sync.OnceValue(func() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(util.Prioritized(parser.NewParagraphParser(), 1000)),
		parser.WithInlineParsers(
			util.Prioritized(parser.NewCodeSpanParser(), 100),
			util.Prioritized(parser.NewLinkParser(), 200),
			util.Prioritized(parser.NewAutoLinkParser(), 300),
			util.Prioritized(parser.NewEmphasisParser(), 500),
		),
	)
})

// parseInlines reads one paragraph's inline Markdown into flat runs. In Markdown documents
// (md) backslash escapes and entity references are resolved; article text keeps them as
// written.
func parseInlines(s string, md bool) []Inline {
	if !strings.ContainsAny(s, "*_`[<") {
		if md && strings.ContainsAny(s, "\\&") {
			s = string(unescape([]byte(s)))
		}
		return []Inline{{Text: s}}
	}
	src := []byte(s)
	root := inlineParser().Parse(text.NewReader(src))
	var c inlineConv
	c.md = md
	c.src = src
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		c.children(n, 0, "")
	}
	return c.done()
}

// unescape resolves backslash escapes and entity references as CommonMark does.
func unescape(b []byte) []byte {
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	return util.ResolveEntityNames(b)
}

// inlineConv flattens goldmark inline nodes into runs. Text of one style accumulates in a
// builder, so a paragraph of many tiny nodes (50,000 brackets) costs linear time.
type inlineConv struct {
	md    bool
	src   []byte
	runs  []Inline
	cur   strings.Builder
	style Style
	link  string
}

func (c *inlineConv) add(t string, st Style, link string) {
	if t == "" {
		return
	}
	if c.cur.Len() > 0 && (st != c.style || link != c.link) {
		c.flush(false)
	}
	c.style, c.link = st, link
	c.cur.WriteString(t)
}

// flush ends the current run.
func (c *inlineConv) flush(hardBreak bool) {
	if c.cur.Len() == 0 {
		if hardBreak && len(c.runs) > 0 {
			c.runs[len(c.runs)-1].Break = true
		}
		return
	}
	c.runs = append(c.runs, Inline{Text: c.cur.String(), Style: c.style, Link: c.link, Break: hardBreak})
	c.cur.Reset()
}

func (c *inlineConv) lineBreak(hard bool) {
	if hard {
		c.flush(true)
		return
	}
	c.add(" ", c.style, c.link)
}

func (c *inlineConv) children(n gast.Node, st Style, link string) {
	for k := n.FirstChild(); k != nil; k = k.NextSibling() {
		c.node(k, st, link)
	}
}

func (c *inlineConv) node(n gast.Node, st Style, link string) {
	switch n := n.(type) {
	case *gast.Text:
		v := n.Segment.Value(c.src)
		if c.md {
			v = unescape(v)
		}
		c.add(string(v), st, link)
		if n.HardLineBreak() {
			c.lineBreak(true)
		} else if n.SoftLineBreak() {
			c.lineBreak(false)
		}
	case *gast.String:
		c.add(string(n.Value), st, link)
	case *gast.CodeSpan:
		var b strings.Builder
		for k := n.FirstChild(); k != nil; k = k.NextSibling() {
			if t, ok := k.(*gast.Text); ok {
				b.Write(t.Segment.Value(c.src))
			} else if s, ok := k.(*gast.String); ok {
				b.Write(s.Value)
			}
		}
		c.add(b.String(), st|Code, link)
	case *gast.Emphasis:
		s := Italic
		if n.Level >= 2 {
			s = Bold
		}
		c.children(n, st|s, link)
	case *gast.Link:
		c.children(n, st, safeLink(string(n.Destination)))
	case *gast.AutoLink:
		u := string(n.URL(c.src))
		target := u
		if n.AutoLinkType == gast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
			target = "mailto:" + u
		}
		c.add(string(n.Label(c.src)), st, safeLink(target))
	case *east.Strikethrough:
		c.children(n, st|Strike, link)
	case *gast.Image:
		// An image inside running text: its alt text stays in the paragraph.
		c.children(n, st|Italic, link)
	default:
		c.children(n, st, link)
	}
}

func (c *inlineConv) done() []Inline {
	c.flush(false)
	if len(c.runs) == 0 {
		return []Inline{{Text: ""}}
	}
	return c.runs
}

// safeLink keeps only http, https and mailto targets (and in-document fragments); anything
// else, javascript: included, is no link.
func safeLink(u string) string {
	u = strings.TrimSpace(u)
	l := strings.ToLower(u)
	switch {
	case strings.HasPrefix(l, "http://"), strings.HasPrefix(l, "https://"), strings.HasPrefix(l, "mailto:"):
		return u
	}
	return ""
}
