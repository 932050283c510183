package book

import (
	"strings"
	"testing"
)

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"signed", "sign"}, {"signing", "sign"}, {"agreements", "agreem"}, {"agreement", "agreem"},
		{"recognized", "recogn"}, {"recognition", "recogn"}, {"bolsheviks", "bolshe"},
		{"armies", "army"}, {"army", "army"}, {"pass", "pass"}, {"julius", "julius"},
		{"caesar's", "caesar"}, {"soldiers'", "soldie"}, {"paris", "paris"}, {"shot", "shot"},
	}
	for _, tt := range tests {
		if got := stem(tt.in); got != tt.want {
			t.Errorf("stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestContent(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The talks made quick progress and the agreements, signed on November 16, 1933, dealt with most of the major issues.",
			"agreem dealt issue progre quick sign talk"},
		{"On November 17, 1933, Litvinov told reporters in New York that the Soviet Union wanted peace with Japan.",
			"japan litvin peace report soviet told union want york"},
		{"In 44 b.c.e. Caesar was killed.", "caesar kill"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(content(tt.in), " "); got != tt.want {
			t.Errorf("content(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSimilarity(t *testing.T) {
	var w weights
	a := content("Lenin arrived at the Finland Station in a sealed train.")
	b := content("Lenin returned to Petrograd in a sealed train provided by Germany.")
	c := content("The Duma met at the Tauride Palace.")
	for _, s := range [][]string{a, b, c} {
		w.add(s)
	}
	if s, n := w.similarity(a, a); s != 1 || n != len(a) {
		t.Errorf("a sentence with itself: %v, %d", s, n)
	}
	if s, n := w.similarity(a, c); s != 0 || n != 0 {
		t.Errorf("sentences with no word in common: %v, %d", s, n)
	}
	s1, n1 := w.similarity(a, b)
	s2, n2 := w.similarity(b, a)
	if s1 != s2 || n1 != n2 || n1 != 3 || s1 <= 0 || s1 >= 1 {
		t.Errorf("similarity(a, b) = %v, %d and (b, a) = %v, %d; want equal, 3 shared, between 0 and 1", s1, n1, s2, n2)
	}
	if s, _ := w.similarity(nil, a); s != 0 {
		t.Errorf("an empty sentence: %v", s)
	}
}

func TestWeights(t *testing.T) {
	var w weights
	w.add([]string{"soviet", "union", "sign"})
	w.add([]string{"soviet", "union"})
	w.add([]string{"soviet", "falken"})
	if !(w.of("soviet") < w.of("union") && w.of("union") < w.of("sign") && w.of("sign") == w.of("falken")) {
		t.Errorf("weights soviet %v, union %v, sign %v, falken %v: the rarer a word, the heavier",
			w.of("soviet"), w.of("union"), w.of("sign"), w.of("falken"))
	}
	if got, want := w.of("unseen"), w.of("sign"); got != want {
		t.Errorf("a word in no sentence weighs %v, want that of a word in one, %v", got, want)
	}
}
