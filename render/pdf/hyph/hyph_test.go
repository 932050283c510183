package hyph

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/speedata/hyphenation"
)

// hyphenate returns word with a hyphen at each of its points ("hy-phen-ation").
func hyphenate(word string) string {
	pts := Points(word)
	var b strings.Builder
	i, k := 0, 0
	for _, r := range word {
		if k < len(pts) && pts[k] == i {
			b.WriteByte('-')
			k++
		}
		b.WriteRune(r)
		i++
	}
	return b.String()
}

func TestPoints(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"hyphenation", "hy-phen-ation"},
		{"developers", "de-vel-op-ers"},
		{"recognition", "recog-ni-tion"},
		{"established", "es-tab-lished"},
		{"associate", "as-so-ciate"}, // from the exception list
		{"government", "gov-ern-ment"},
		{"diplomatic", "diplo-matic"},
		{"computer", "com-puter"}, // "comput-er" would leave two letters
		{"table", "ta-ble"},
		{"the", "the"},
		{"Roosevelt", "Roo-sevelt"}, // a capital first, as TeX's \uchyph
		{"Revolution", "Rev-o-lu-tion"},
		{"McBride", "McBride"}, // another capital: a name not to touch
		{"NATO", "NATO"},
		{"anti-Bolshevik", "anti-Bolshevik"},
		{"1933", "1933"},
		{"naïve", "naïve"},
	} {
		if got := hyphenate(c.in); got != c.want {
			t.Errorf("Points(%q) hyphenate it as %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPointsBounds(t *testing.T) {
	for _, w := range []string{"responsibilities", "internationalization", "extraordinary", "characteristically"} {
		n := len([]rune(w))
		for _, p := range Points(w) {
			if p < LeftMin || n-p < RightMin {
				t.Errorf("%s: point %d leaves fewer than %d/%d letters", w, p, LeftMin, RightMin)
			}
		}
		if len(Points(w)) == 0 {
			t.Errorf("%s: no points", w)
		}
	}
	if p := Points(string(make([]rune, MaxLen+1))); p != nil {
		t.Errorf("overlong word hyphenated: %v", p)
	}
}

// TestLiangMatchesSpeedata checks galley's pattern matcher against
// github.com/speedata/hyphenation, which hyph used before: the same points for English
// words, every word of the exception list, and pseudo-random words of every length.
func TestLiangMatchesSpeedata(t *testing.T) {
	l, err := hyphenation.New(strings.NewReader(patterns))
	if err != nil {
		t.Fatal(err)
	}
	loadOnce.Do(load)
	words := strings.Fields("hyphenation developers recognition established government diplomatic " +
		"computer table the responsibilities internationalization extraordinary characteristically " +
		"naïve café recognized commissar bolshevik relations negotiations unrecognized ambassador " +
		"administration revolutionary nonrecognition agreement propaganda interference " + exceptions)
	rng := rand.New(rand.NewPCG(1, 2))
	const letters = "abcdefghijklmnopqrstuvwxyzaeiouaeiouéï"
	for range 20000 {
		n := 2 + rng.IntN(MaxLen-1)
		var b strings.Builder
		for range n {
			b.WriteRune([]rune(letters)[rng.IntN(len([]rune(letters)))])
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		w = strings.ReplaceAll(w, "-", "")
		if got, want := liang(w), l.Hyphenate(w); !slices.Equal(got, want) {
			t.Fatalf("liang(%q) = %v, speedata %v", w, got, want)
		}
	}
}

func BenchmarkPointsCold(b *testing.B) {
	loadOnce.Do(load)
	words := strings.Fields("hyphenation developers recognition established government diplomatic " +
		"responsibilities internationalization extraordinary characteristically negotiations")
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			liang(w)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		load()
	}
}
