package cal

import (
	"strings"
	"testing"
)

func TestDateISO(t *testing.T) {
	tests := []struct {
		d    Date
		want string
	}{
		{DateOf(1933, 11, 16), "1933-11-16"},
		{DateOf(1933, 11, 0), "1933-11"},
		{DateOf(1933, 0, 0), "1933"},
		{DateOf(410, 0, 0), "0410"},
		{DateOf(-43, 3, 15), "-0043-03-15"},
		{DateOf(Astro(44, true), 0, 0), "-0043"},
		{DateOf(Astro(1, true), 0, 0), "0000"},
		{DateOf(-9999, 0, 0), "-9999"},
		{DateOf(12345, 1, 2), "12345-01-02"},
		{Date{Year: 1920, Precision: Decade}, "1920"},
		{Date{}, ""},
	}
	for _, tt := range tests {
		if got := tt.d.ISO(); got != tt.want {
			t.Errorf("%+v.ISO() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestDateOf(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    Date
	}{
		{1933, 11, 16, Date{1933, 11, 16, Day}},
		{1933, 11, 0, Date{1933, 11, 0, Month}},
		{1933, 0, 0, Date{1933, 0, 0, Year}},
		{1917, 0, 17, Date{1917, 0, 0, Year}}, // a day without its month says no more than the year
		{0, 0, 0, Date{0, 0, 0, Year}},        // 1 BCE is a year, not the zero Date
	}
	for _, tt := range tests {
		got := DateOf(tt.y, tt.m, tt.d)
		if got != tt.want {
			t.Errorf("DateOf(%d, %d, %d) = %+v, want %+v", tt.y, tt.m, tt.d, got, tt.want)
		}
		if got.IsZero() {
			t.Errorf("DateOf(%d, %d, %d) is the zero Date", tt.y, tt.m, tt.d)
		}
	}
	if !(Date{}).IsZero() {
		t.Error("the zero Date is not zero")
	}
}

func TestPrecisionString(t *testing.T) {
	for p, want := range map[Precision]string{Unknown: "", Day: "day", Month: "month", Year: "year",
		Decade: "decade", Decade + 1: ""} {
		if got := p.String(); got != want {
			t.Errorf("Precision(%d) = %q, want %q", p, got, want)
		}
	}
}

func TestMonths(t *testing.T) {
	for m := 1; m <= 12; m++ {
		name := MonthName(m)
		if name == "" || MonthOf(name) != m || MonthOf(strings.ToUpper(name)) != m {
			t.Errorf("month %d: name %q reads back as %d", m, name, MonthOf(name))
		}
	}
	for _, m := range []int{-1, 0, 13} {
		if MonthName(m) != "" {
			t.Errorf("MonthName(%d) = %q", m, MonthName(m))
		}
	}
	for word, want := range map[string]int{"Sept.": 9, "sep.": 9, "Jan.": 1, "Dec.": 12, "Jan": 0, "May.": 0,
		"Mayday": 0, "": 0} {
		if got := MonthOf(word); got != want {
			t.Errorf("MonthOf(%q) = %d, want %d", word, got, want)
		}
	}
	type read struct {
		month int
		abbr  bool
	}
	for word, want := range map[string]read{"March": {3, false}, "May": {5, false}, "Sept": {9, true},
		"Sep": {9, true}, "Jan": {1, true}, "march": {}, "MARCH": {}, "Jan.": {}, "Ma": {}, "": {}} {
		if m, abbr := MonthWord(word); m != want.month || abbr != want.abbr {
			t.Errorf("MonthWord(%q) = %d, %v; want %d, %v", word, m, abbr, want.month, want.abbr)
		}
	}
}

func TestEraOf(t *testing.T) {
	for word, want := range map[string]int{"b.c.e.": -1, "BCE": -1, "B.C.,": -1, "bc;": -1, "b.c": -1,
		"c.e.": 1, "A.D.": 1, "ad": 1, "CE": 1, "c.": 0, "be": 0, "": 0} {
		if got := EraOf(word); got != want {
			t.Errorf("EraOf(%q) = %d, want %d", word, got, want)
		}
	}
}

func TestDigits(t *testing.T) {
	for s, want := range map[string]int{"": 0, "a1": 0, "1933": 4, "1933a": 4, "12,000": 2, "٣": 0} {
		if got := Digits(s); got != want {
			t.Errorf("Digits(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestLazy checks that a pattern is compiled on the first call, not before, and only once.
func TestLazy(t *testing.T) {
	bad := Lazy(`(`) // would panic if compiled now
	func() {
		defer func() {
			if recover() == nil {
				t.Error("a broken pattern compiled without panicking")
			}
		}()
		bad()
	}()
	re := Lazy(`^\d{4}$`)
	first := re()
	if first != re() {
		t.Error("the pattern was compiled twice")
	}
	if !first.MatchString("1933") || first.MatchString("19333") {
		t.Errorf("pattern %s matches wrongly", first)
	}
}
