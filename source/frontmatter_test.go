package source

import (
	"strings"
	"testing"
)

// TestFrontMatterBounds gives front matter that expands, through YAML aliases, far past its
// own size (a long string repeated by a thousand aliases, a chain of lists each repeating
// the one before, an alias inside its own anchor), or is itself too large: each is ignored
// with a warning, in no more time and memory than reading it takes. Aliases that expand to a
// little are read.
func TestFrontMatterBounds(t *testing.T) {
	long := strings.Repeat("x", 50_000)
	laughs := "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	for i := 1; i < 10; i++ {
		laughs += "a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [" +
			strings.Repeat("*a"+string(rune('0'+i-1))+", pad, ", 10) + "]\n"
	}
	for _, tc := range []struct {
		name, yaml, warning string
	}{
		{"a string repeated", "s: &s \"" + long + "\"\nlocale: [" + strings.Repeat("*s, y, ", 1000) + "]\n", "expands"},
		{"lists of lists", laughs + "locales: *a9\n", "expands"},
		{"an alias in its anchor", "locale: &l [a, *l]\n", ""},
		{"too large", "notes:\n" + strings.Repeat("  - "+strings.Repeat("y", 100)+"\n", 11_000), "over the limit"},
	} {
		doc, err := Parse([]byte("---\ntitle: T\n"+tc.yaml+"---\n\nText.\n"), Options{File: "t.md", Markdown: true})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if len(doc.Locales) != 0 || doc.Summary != "" || doc.Title != "t" {
			t.Errorf("%s: read: title %q, %d locales, summary of %d bytes", tc.name, doc.Title, len(doc.Locales), len(doc.Summary))
		}
		if len(doc.Diagnostics) == 0 || !strings.Contains(doc.Diagnostics[0].Message, tc.warning) ||
			!strings.Contains(doc.Diagnostics[0].Message, "front matter") {
			t.Errorf("%s: diagnostics %+v", tc.name, doc.Diagnostics)
		}
	}
	doc, err := Parse([]byte("---\ntitle: &t Rome\nlocale: [*t, *t]\nsummary: *t\n---\n\nText.\n"), Options{File: "t.md", Markdown: true})
	if err != nil || doc.Title != "Rome" || strings.Join(doc.Locales, "|") != "Rome|Rome" || doc.Summary != "Rome" {
		t.Errorf("small aliases: %v %+v", err, doc)
	}
}
