package pdf

import (
	"strings"
	"testing"

	"galley/fonts"
)

// shortTitleByCandidates is the running head as first written: every cut at a space, from
// the end, measured anew (quadratic in the title's length); the reference for short titles.
func shortTitleByCandidates(t string, st *textStyle, width float64) string {
	if st.width(t) <= width {
		return t
	}
	rs := []rune(t)
	for n := len(rs) - 1; n > 0; n-- {
		if rs[n] == ' ' {
			if s := string(rs[:n]) + "…"; st.width(s) <= width {
				return s
			}
		}
	}
	return t
}

// TestShortTitle checks the running head's shortening: the same cut as measuring every
// candidate, a cut inside a first word too long to fit, and a 64 KB title shortened with no
// more allocations than a short one (measuring each candidate cost one string each, and time
// quadratic in the length: 141 s for 64 KB).
func TestShortTitle(t *testing.T) {
	fs, err := loadFontSet(fonts.Serif)
	if err != nil {
		t.Fatal(err)
	}
	st := &textStyle{face: fs.faces[slotRegular], size: 8.5}
	const width = 6 * 72 * 0.55
	for _, title := range []string{
		"United States Recognizes Russia's Bolshevik Regime",
		"The Treaty of Versailles and the Remaking of Europe After the First World War, 1919–1923",
		"A  title  with  double  spaces  that  runs  past  the  width  of  the  head  by  far",
		"AVAVAVAV AVAVAVAV To To To To Ty Ty Ty Ty Wa Wa Wa Wa AVAVAVAV AVAVAVAV AVAVAVAV AVAV",
		"Short",
	} {
		got, want := shortTitle(title, st, width), shortTitleByCandidates(title, st, width)
		if got != want {
			t.Errorf("shortTitle(%q) = %q, want %q", title, got, want)
		}
		if st.width(got) > width {
			t.Errorf("shortTitle(%q) = %q is wider than the head", title, got)
		}
	}
	long := strings.Repeat("x", 500)
	if got := shortTitle(long, st, width); !strings.HasSuffix(got, "…") || st.width(got) > width ||
		st.width(strings.TrimSuffix(got, "…")+"x…") <= width {
		t.Errorf("a word too long for the head: %q", got)
	}
	huge := strings.Repeat("word ", 64<<10/5)
	short := testing.AllocsPerRun(3, func() { shortTitle("A title much longer than the running head can hold, by several words", st, width) })
	big := testing.AllocsPerRun(3, func() { shortTitle(huge, st, width) })
	if big > short+1 {
		t.Errorf("a 64 KB title takes %v allocations, a short one %v", big, short)
	}
}
