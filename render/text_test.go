package render

import (
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
