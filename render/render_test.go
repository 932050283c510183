package render

import (
	"errors"
	"maps"
	"reflect"
	"sync"
	"testing"

	"galley/internal/testkit"
	"galley/render/cite"
	"galley/source"
)

func parseArticle(t *testing.T, name string) *source.Document {
	t.Helper()
	doc, err := source.Parse(testkit.Read(t, "articles/"+name+".txt"), source.Options{File: name})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestArticleLexicon checks that an article's lexicon is the one cite.NewLexicon gives,
// computed once, and that another article gets its own.
func TestArticleLexicon(t *testing.T) {
	parse := func(text string) *source.Document {
		doc, err := source.Parse([]byte(text), source.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	a := NewArticle(parse("Title\n\nThe treaty with the Soviet Union was signed in Moscow by Litvinov.\n"), nil)
	b := NewArticle(parse("Title\n\nA quiet day in Paris for the Foreign Office.\n"), nil)
	la := a.Lexicon()
	if !maps.Equal(la, cite.NewLexicon(a.Doc)) || len(la) == 0 {
		t.Fatalf("Lexicon() = %v, want %v", la, cite.NewLexicon(a.Doc))
	}
	la["probe"] = cite.Capital // the same map comes back
	if a.Lexicon()["probe"] == 0 {
		t.Error("the lexicon of an article was computed again")
	}
	delete(la, "probe")
	if lb := b.Lexicon(); !maps.Equal(lb, cite.NewLexicon(b.Doc)) {
		t.Errorf("another article's Lexicon() = %v, want %v", lb, cite.NewLexicon(b.Doc))
	}
}

// TestArticleBibliography checks that leaving the lexicon out for the styles that do not read
// it changes nothing: every style formats as cite.Format does with the full lexicon, set with
// typographic punctuation; and that an empty style is Chicago.
func TestArticleBibliography(t *testing.T) {
	for _, name := range []string{testkit.Seed, "a1", "a5"} {
		a := NewArticle(parseArticle(t, name), nil)
		if len(a.Doc.Bibliography) == 0 {
			t.Fatalf("%s: no bibliography to test with", name)
		}
		for _, style := range []cite.Style{cite.Chicago, cite.MLA, cite.APA} {
			want := cite.Format(a.Doc.Bibliography, style, cite.NewLexicon(a.Doc))
			for i := range want {
				want[i].Runs, want[i].Annote = smartCite(want[i].Runs), Smart(want[i].Annote)
			}
			if got := a.Bibliography(style); !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %s: got %v, want %v", name, style, got, want)
			}
		}
		if got, want := a.Bibliography(""), a.Bibliography(cite.Chicago); &got[0] != &want[0] {
			t.Errorf("%s: the default style is not Chicago's shared entries", name)
		}
	}
}

// countingImages finds every figure's image and counts the lookups.
type countingImages struct {
	mu    sync.Mutex
	calls map[*source.Figure]int
}

func (c *countingImages) Find(f *source.Figure) (*Image, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls[f]++
	if f.File == "missing.png" {
		return nil, ErrNoImage
	}
	return &Image{Format: "png", Name: f.File, Width: 1, Height: 1}, nil
}

// TestArticleImage looks figures up from many goroutines at once (run with -race): each is
// found once, and every caller gets the same answer.
func TestArticleImage(t *testing.T) {
	figs := []*source.Figure{{File: "a.png"}, {File: "missing.png"}, {File: "b.png"}}
	finder := &countingImages{calls: map[*source.Figure]int{}}
	a := NewArticle(&source.Document{}, finder)
	got := make([][]*Image, 8)
	var wg sync.WaitGroup
	for g := range got {
		wg.Go(func() {
			for _, f := range figs {
				img, err := a.Image(f)
				if (err != nil) != (f.File == "missing.png") || err != nil && !errors.Is(err, ErrNoImage) {
					t.Errorf("%s: %v, %v", f.File, img, err)
				}
				got[g] = append(got[g], img)
			}
		})
	}
	wg.Wait()
	for _, f := range figs {
		if n := finder.calls[f]; n != 1 {
			t.Errorf("%s looked up %d times", f.File, n)
		}
	}
	for g := range got {
		if !reflect.DeepEqual(got[g], got[0]) {
			t.Errorf("goroutine %d got other images", g)
		}
	}
	if _, err := NewArticle(&source.Document{}, nil).Image(figs[0]); !errors.Is(err, ErrNoImage) {
		t.Errorf("an article without images: %v, want ErrNoImage", err)
	}
}

// TestParts checks that the order names every part once, and that every part but the title
// and the sections has a title.
func TestParts(t *testing.T) {
	seen := map[Part]bool{}
	for _, p := range Parts {
		if seen[p] {
			t.Errorf("part %d is in the order twice", p)
		}
		seen[p] = true
	}
	for p := PartTitle; p <= PartSeeAlso; p++ {
		if !seen[p] {
			t.Errorf("part %d is not in the order", p)
		}
		if got := p.Title(cite.Chicago); (got == "") != (p == PartTitle || p == PartSections) {
			t.Errorf("part %d: title %q", p, got)
		}
	}
	pos := map[Part]int{}
	for i, p := range Parts {
		pos[p] = i
	}
	if !(pos[PartSections] < pos[PartTimeline] && pos[PartTimeline] < pos[PartBibliography] && pos[PartBibliography] < pos[PartSeeAlso]) {
		t.Errorf("back matter out of book order: %v", Parts)
	}
	for _, tc := range []struct {
		style cite.Style
		want  string
	}{{"", "Bibliography"}, {cite.Chicago, "Bibliography"}, {cite.MLA, "Works Cited"}, {cite.APA, "References"}} {
		if got := PartBibliography.Title(tc.style); got != tc.want {
			t.Errorf("bibliography in style %q: %q, want %q", tc.style, got, tc.want)
		}
	}
}
