package source

import (
	"reflect"
	"testing"
)

func TestInlineMarkdown(t *testing.T) {
	tests := []struct {
		in   string
		want []Inline
	}{
		{"plain text", []Inline{{Text: "plain text"}}},
		{"an *italic* and **bold** word", []Inline{{Text: "an "}, {Text: "italic", Style: Italic}, {Text: " and "}, {Text: "bold", Style: Bold}, {Text: " word"}}},
		{"see [the site](https://example.org) now", []Inline{{Text: "see "}, {Text: "the site", Link: "https://example.org"}, {Text: " now"}}},
		{"a [bad](javascript:alert(1)) link", []Inline{{Text: "a bad link"}}},
		{"code `x < y`", []Inline{{Text: "code "}, {Text: "x < y", Style: Code}}},
		{"<script>alert(1)</script> & <b>", []Inline{{Text: "<script>alert(1)</script> & <b>"}}},
	}
	for _, tt := range tests {
		got := parseInlines(tt.in, false)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: got %+v, want %+v", tt.in, got, tt.want)
		}
	}
	// Lines that would be blocks in Markdown stay paragraphs of text in an article.
	for _, l := range []string{"1933. The year began", "- not a list", "# not a heading", "> not a quote", "<div>raw</div>"} {
		doc, err := Parse([]byte("Title\nDate 1933\nSummary.\nSummary of Event\n"+l+"\n"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		p, ok := doc.Sections[0].Blocks[0].(*Paragraph)
		if !ok || p.Text() != l {
			t.Errorf("%q read as %#v", l, doc.Sections[0].Blocks[0])
		}
	}
}
