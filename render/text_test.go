package render

import (
	"slices"
	"testing"

	"galley/source"
)

func TestLang(t *testing.T) {
	for _, tc := range []struct {
		lang, want string
		warned     bool
	}{
		{"", "en", false},
		{"en", "en", false},
		{"en-gb", "en-GB", false},
		{"de_CH", "de-CH", false},
		{"en) /OpenAction", "en", true},
		{"zz-not a tag", "en", true},
		{"und", "en", true},
	} {
		var msgs []string
		opt := &Options{Warn: func(_ int, m string) { msgs = append(msgs, m) }}
		if got := Lang(&source.Document{Lang: tc.lang}, opt); got != tc.want || (len(msgs) > 0) != tc.warned {
			t.Errorf("Lang(%q) = %q with warnings %q; want %q, warned %v", tc.lang, got, msgs, tc.want, tc.warned)
		}
	}
}

func TestAltText(t *testing.T) {
	for _, tc := range []struct {
		f    source.Figure
		want string
	}{
		{source.Figure{Caption: "The plan", Alt: "plan", File: "p.png"}, "The plan"},
		{source.Figure{Caption: "  ", Alt: "plan", File: "p.png"}, "plan"},
		{source.Figure{File: "p.png"}, "p.png"},
		{source.Figure{}, "Image"},
	} {
		if got := AltText(&tc.f); got != tc.want {
			t.Errorf("AltText(%+v) = %q, want %q", tc.f, got, tc.want)
		}
	}
}

func TestWordCharacters(t *testing.T) {
	for _, c := range " \t\n\r\u2028\u2029" {
		if !Space(c) || Invisible(c) {
			t.Errorf("%U: a space, not invisible", c)
		}
	}
	for _, c := range "\u200c\u200d\u2060\ufeff\ufe00\ufe0f" {
		if Space(c) || !Invisible(c) {
			t.Errorf("%U: invisible, not a space", c)
		}
	}
	for _, c := range "a\u00a0\u200b\u00ad-\ufffd" {
		if Space(c) || Invisible(c) {
			t.Errorf("%U: part of a word", c)
		}
	}
}

func TestWords(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want []int
	}{
		{"", nil},
		{"one", []int{0}},
		{"  one two\tthree\n", []int{2, 6, 10}},
		{"a\u200d b", []int{0, 5}},      // a joiner is part of a word
		{"\u200d\u200c b", []int{7}},    // but alone is none
		{"é à", []int{0, 3}},            // offsets in bytes
		{"non\u00a0breaking", []int{0}}, // a no-break space joins
		{"line\u2028next", []int{0, 7}}, // the line separator separates
	} {
		if got := Words(tc.s); !slices.Equal(got, tc.want) {
			t.Errorf("Words(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
