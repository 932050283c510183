package source

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// invisibles are characters that draw nothing, each alone enough to make a field empty.
var invisibles = []string{"\u200b", "\u2060", "\u00ad", "\ufe0f", "\ufeff", "\u200c", "\u200d", "\u200e",
	"\u202e", "\u3164", "\u2800", "\u180e", "\U000e0041", "\u0301"}

func TestVisible(t *testing.T) {
	for _, s := range invisibles {
		if visible(s) || visible(" "+s+s+"\u00a0") {
			t.Errorf("visible(%q) = true", s)
		}
	}
	for _, s := range []string{"a", "\u200bA", "é", "\U0001F600", "\ue000", "\ufffd", "—", "\u0301e"} {
		if !visible(s) {
			t.Errorf("visible(%q) = false", s)
		}
	}
}

// TestInvisibleFields gives an article's fields only characters that draw nothing: a title
// of them is an error at its line; any other field is read as empty, with a warning.
func TestInvisibleFields(t *testing.T) {
	const body = "Summary of Event\nText of the event.\n"
	for _, inv := range invisibles {
		x := inv + inv + inv
		t.Run(fmt.Sprintf("%U", []rune(inv)[0]), func(t *testing.T) {
			for _, tc := range []struct {
				name, text string
				md         bool
				errLine    int
			}{
				{"title", x + "\nDate 1933\nA summary.\n" + body, false, 1},
				{"title after blank lines", "\n \n" + x + "\nAbstract.\n" + body, false, 3},
				{"title as a heading", "# " + x + "\nDate 1933\n" + body, false, 1},
				{"front matter title", "---\ndate: 1933\ntitle: \"" + x + "\"\n---\nText.\n", true, 3},
				{"heading title", "# " + x + "\n\nText.\n", true, 1},
			} {
				_, err := Parse([]byte(tc.text), Options{File: "t.txt", Markdown: tc.md})
				var e *Error
				if !errors.As(err, &e) || e.Line != tc.errLine || !strings.Contains(e.Error(), "missing title") {
					t.Errorf("%s: error %v, want a missing title at line %d", tc.name, err, tc.errLine)
				}
			}

			doc, err := Parse([]byte("Title\nAbstract.\nTitle\nDate "+x+"\n"+x+"\nLocale "+x+"; Rome;"+x+"\n"+
				"Key Figures\n"+x+"\n"+body+x+"\nBibliography\n"+x+"\nSee also "+x+"\n"), Options{File: "t.txt"})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Date != nil || doc.Summary != "" || len(doc.KeyFigures) != 0 || len(doc.Bibliography) != 0 ||
				len(doc.SeeAlso) != 0 || strings.Join(doc.Locales, "|") != "Rome" {
				t.Errorf("invisible fields kept: date %+v, summary %q, figures %d, bibliography %d, see also %q, locales %q",
					doc.Date, doc.Summary, len(doc.KeyFigures), len(doc.Bibliography), doc.SeeAlso, doc.Locales)
			}
			if len(doc.Sections) != 1 || len(doc.Sections[0].Blocks) != 1 {
				t.Errorf("the invisible line became a block: %+v", doc.Sections)
			}
			if n := countWarnings(doc, "no visible"); n < 5 {
				t.Errorf("%d warnings about invisible lines, want one for each:\n%+v", n, doc.Diagnostics)
			}

			doc, err = Parse([]byte("---\ntitle: T\nsummary: \""+x+"\"\ndate: \""+x+"\"\nlocale: [\""+x+"\", Rome]\n---\n## "+x+"\n\nText.\n"),
				Options{File: "t.md", Markdown: true})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Summary != "" || doc.Date != nil || strings.Join(doc.Locales, "|") != "Rome" ||
				len(doc.Sections) != 1 || doc.Sections[0].Title != "Section at line 7" {
				t.Errorf("front matter: summary %q, date %+v, locales %q, sections %+v", doc.Summary, doc.Date, doc.Locales, doc.Sections)
			}
			if countWarnings(doc, "no visible") != 2 {
				t.Errorf("want warnings for the summary and the date: %+v", doc.Diagnostics)
			}
		})
	}
}

func countWarnings(doc *Document, sub string) int {
	n := 0
	for _, d := range doc.Diagnostics {
		if d.Severity == SevWarning && strings.Contains(d.Message, sub) {
			n++
		}
	}
	return n
}
