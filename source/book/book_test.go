package book

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"galley/source"
)

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Unit 3: Interwar Diplomacy", "unit-3-interwar-diplomacy"},
		{"  The Russian Revolution, 1917  ", "the-russian-revolution-1917"},
		{"Les Misérables & Ça", "les-miserables-ca"},
		{"Straße und Œuvres", "strasse-und-oeuvres"},
		{"Wałęsa's Poland", "walesa-s-poland"},
		{"", "book"},
		{"  —  ", "book"},
		{"Русская революция", "book"},
		{"CON", "con-book"},
		{"nul", "nul-book"},
		{"console", "console"},
		{strings.Repeat("word ", 40), strings.TrimSuffix(strings.Repeat("word-", 16), "-")},
		{strings.Repeat("x", 200), strings.Repeat("x", 80)},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestShortTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Julius Caesar Is Assassinated", "Julius Caesar Is Assassinated"},
		{"United States Recognizes Russia's Bolshevik Regime", "United States Recognizes Russia's…"},
		{"The Somme: Heroism and Horror in the First World War, 1916 and After", "The Somme"},
		{"Caesar: The Life and Death of a Dictator Who Changed Rome", "Caesar: The Life and Death…"},
		{"The Rise and Fall of the House of the Romanovs in Russia", "The Rise and Fall of the House…"},
		{"  Battle   of the\tSomme ", "Battle of the Somme"},
		{strings.Repeat("Ы", 60), strings.Repeat("Ы", 39) + "…"},
		{"", ""},
	}
	for _, tt := range tests {
		got := ShortTitle(tt.in)
		if got != tt.want {
			t.Errorf("ShortTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > maxShort {
			t.Errorf("ShortTitle(%q) has %d characters", tt.in, n)
		}
	}
}

func TestNew(t *testing.T) {
	docs := parse(t, "a3", "a5", "a3")
	b, err := New("  Unit 3: Interwar Diplomacy ", " The Great War ", docs)
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != "Unit 3: Interwar Diplomacy" || b.Subtitle != "The Great War" || b.Slug != "unit-3-interwar-diplomacy" {
		t.Errorf("title %q, subtitle %q, slug %q", b.Title, b.Subtitle, b.Slug)
	}
	var got []string
	for i, ch := range b.Chapters {
		if ch.Doc != docs[i] || ch.Number != i+1 {
			t.Errorf("chapter %d: number %d, document %p", i, ch.Number, ch.Doc)
		}
		got = append(got, ch.ID+" | "+ch.Short)
	}
	want := []string{
		"ch-battle-of-the-somme | Battle of the Somme",
		"ch-the-february-revolution-overthrows | The February Revolution Overthrows…",
		"ch-battle-of-the-somme-2 | Battle of the Somme",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("chapters %q, want %q", got, want)
	}
	// Composing reads the documents and changes nothing in them.
	for i, name := range []string{"a3", "a5", "a3"} {
		if fresh := parse(t, name)[0]; !reflect.DeepEqual(fresh, docs[i]) {
			t.Errorf("composing changed %s", name)
		}
	}
}

func TestChapterIDs(t *testing.T) {
	// A title whose slug is another's with a number: the third chapter's own slug is taken
	// by the second's, and the first free number is 3.
	var docs []*source.Document
	for _, title := range []string{"Verdun", "Verdun 2", "Verdun", "Verdun"} {
		docs = append(docs, article(t, stub(title, nil, "In 1916 the battle began.")))
	}
	b, err := New("Verdun", "", docs)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ch := range b.Chapters {
		got = append(got, ch.ID)
	}
	if want := []string{"ch-verdun", "ch-verdun-2", "ch-verdun-3", "ch-verdun-4"}; !reflect.DeepEqual(got, want) {
		t.Errorf("IDs %q, want %q", got, want)
	}
}

func TestNewErrors(t *testing.T) {
	docs := parse(t, "a3")
	tests := []struct {
		title string
		docs  []*source.Document
		err   error
	}{
		{"", docs, ErrNoTitle},
		{"  \t", docs, ErrNoTitle},
		{"\u200b\u200d", docs, ErrNoTitle},
		{"Unit 3", nil, ErrNoChapters},
		{"Unit 3", []*source.Document{}, ErrNoChapters},
	}
	for _, tt := range tests {
		b, err := New(tt.title, "", tt.docs)
		if !errors.Is(err, tt.err) || b != nil {
			t.Errorf("New(%q, %d documents) = %v, %v; want %v", tt.title, len(tt.docs), b, err, tt.err)
		}
	}
}
