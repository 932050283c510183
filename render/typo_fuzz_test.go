package render

import (
	"strings"
	"testing"
	"unicode/utf8"

	"galley/source"
	"galley/source/cal"
	"galley/source/timeline"
)

// FuzzSmart: any text comes out as valid UTF-8 when it went in so, and setting it twice
// changes nothing more than once.
func FuzzSmart(f *testing.F) {
	for _, s := range []string{"Russia's", `"a," 'b'`, "1933-1945", "June 28-July 3", "---. x", "a -- b", "...", "D. Roosevelt", "War II", "https://x.org/a--b", "\xff-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Smart(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("Smart(%q) = %q, not UTF-8", s, out)
		}
		if utf8.ValidString(s) {
			if again := Smart(out); again != out {
				t.Fatalf("Smart(%q) = %q, again %q", s, out, again)
			}
		}
	})
}

// FuzzEvents: a timeline event whose offsets say anything at all is set without a panic, and
// its row holds the event's text or the paragraph's.
func FuzzEvents(f *testing.F) {
	f.Add("It began in 1 931, in *Rome*.", 0, 12, "1 931")
	f.Add("…a window… of 1933", 3, 7, "1933")
	f.Fuzz(func(t *testing.T, sentence string, offset, at int, phrase string) {
		p := &source.Paragraph{ID: "p1", Inlines: []source.Inline{
			{Text: "Before. "}, {Text: sentence, Style: source.Italic, Break: true}, {Text: "After."}}}
		doc := &source.Document{Sections: []*source.Section{{Blocks: []source.Block{p}}}}
		doc.Timeline = []timeline.Event{{Start: cal.DateOf(1931, 0, 0), Text: sentence, Phrase: phrase,
			At: at, Offset: offset, Para: "p1"}}
		a := NewArticle(doc, nil)
		var b strings.Builder
		for _, r := range a.Events()[0].Runs {
			b.WriteString(r.Text)
		}
		if b.Len() == 0 && sentence != "" {
			t.Fatalf("empty row for %q", sentence)
		}
		a.Typeset()
	})
}
