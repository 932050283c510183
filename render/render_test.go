package render

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"testing"

	"galley/render/cite"
	"galley/source"
)

// TestLexiconShared checks that a document's lexicon is computed once and is the one
// cite.NewLexicon gives, and that another document gets its own.
func TestLexiconShared(t *testing.T) {
	parse := func(text string) *source.Document {
		doc, err := source.Parse([]byte(text), source.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	a := parse("Title\n\nThe treaty with the Soviet Union was signed in Moscow by Litvinov.\n")
	b := parse("Title\n\nA quiet day in Paris for the Foreign Office.\n")
	la := Lexicon(a)
	if !maps.Equal(la, cite.NewLexicon(a)) {
		t.Fatalf("Lexicon(a) = %v, want %v", la, cite.NewLexicon(a))
	}
	la["probe"] = true // the same map comes back
	if !Lexicon(a)["probe"] {
		t.Error("the lexicon of a document was computed again")
	}
	delete(la, "probe")
	if lb := Lexicon(b); !maps.Equal(lb, cite.NewLexicon(b)) {
		t.Errorf("Lexicon(b) = %v, want %v", lb, cite.NewLexicon(b))
	}
	runtime.KeepAlive(a)
}

// TestBibliography checks that leaving the lexicon out for the styles that do not read it
// changes nothing: every style formats as cite.Format does with the full lexicon.
func TestBibliography(t *testing.T) {
	for _, name := range []string{"000_89182373f193f4a0.txt", "a1.txt", "a5.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := source.Parse(data, source.Options{File: name})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Bibliography) == 0 {
			t.Fatalf("%s: no bibliography to test with", name)
		}
		for _, style := range []cite.Style{cite.Chicago, cite.MLA, cite.APA} {
			want := cite.Format(doc.Bibliography, style, cite.NewLexicon(doc))
			if got := Bibliography(doc, style); !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %s: got %v, want %v", name, style, got, want)
			}
		}
	}
}
