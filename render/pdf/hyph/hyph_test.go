package hyph

import "testing"

func TestHyphenate(t *testing.T) {
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
		{"Roosevelt", "Roosevelt"}, // a name
		{"anti-Bolshevik", "anti-Bolshevik"},
		{"1933", "1933"},
		{"naïve", "naïve"},
	} {
		if got := Hyphenate(c.in); got != c.want {
			t.Errorf("Hyphenate(%q) = %q, want %q", c.in, got, c.want)
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
