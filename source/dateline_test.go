package source

import (
	"testing"

	"galley/source/cal"
)

func TestDateValues(t *testing.T) {
	tests := []struct{ in, start, end, prec string }{
		{"November 16, 1933", "1933-11-16", "", "day"},
		{"November, 1933", "1933-11", "", "month"},
		{"November 1933", "1933-11", "", "month"},
		{"1933", "1933", "", "year"},
		{"June 28-July 3, 1919", "1919-06-28", "1919-07-03", "day"},
		{"July 1-November 18, 1916", "1916-07-01", "1916-11-18", "day"},
		{"March 15–17, 1917", "1917-03-15", "1917-03-17", "day"},
		{"1914-1918", "1914", "1918", "year"},
		{"1918–1921", "1918", "1921", "year"},
		{"44 b.c.e.", "-0043", "", "year"},
		{"March 15, 44 b.c.e.", "-0043-03-15", "", "day"},
		{"c. 1450", "1450", "", "year"},
		{"476 c.e.", "0476", "", "year"},
		{"1 BCE", "0000", "", "year"},
		{"410 A.D.", "0410", "", "year"},
		{"March-July, 1917", "1917-03", "1917-07", "month"},
		{"100-44 b.c.e.", "-0099", "-0043", "year"},
	}
	for _, tt := range tests {
		d, ok := parseDateValue(tt.in)
		if !ok || d.Start.ISO() != tt.start || d.End.ISO() != tt.end || d.Start.Precision.String() != tt.prec {
			t.Errorf("%q: got %+v, %v; want %s %s %s", tt.in, d, ok, tt.start, tt.end, tt.prec)
		}
	}
	for _, bad := range []string{"sometime", "the 1920s", "", "-"} {
		if d, ok := parseDateValue(bad); ok {
			t.Errorf("%q read as %+v", bad, d)
		}
	}
}

// FuzzDateValue checks that a value read as a date gives a start of a calendar precision, and
// keeps its text as written.
func FuzzDateValue(f *testing.F) {
	for _, s := range []string{"November 16, 1933", "June 28-July 3, 1919", "March 15–17, 1917", "100-44 b.c.e.",
		"c. 1450", "1 July 1916", "17, 1917", "March-July, 1917", "0 BCE", "1918 to 1914", "sometime"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseDateValue(s)
		if !ok {
			return
		}
		if d.Text != s || d.Start.IsZero() || d.Start.Precision == cal.Decade || d.End.Precision == cal.Decade {
			t.Fatalf("%q read as %+v", s, d)
		}
	})
}
