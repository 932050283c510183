package render

import (
	"testing"

	"galley/source"
	"galley/source/cal"
	"galley/source/timeline"
)

func TestFormatDate(t *testing.T) {
	for _, tt := range []struct {
		d    cal.Date
		want string
	}{
		{cal.DateOf(1933, 11, 16), "November 16, 1933"},
		{cal.DateOf(1933, 11, 0), "November 1933"},
		{cal.DateOf(1933, 0, 0), "1933"},
		{cal.DateOf(-43, 0, 0), "44 BCE"},
		{cal.DateOf(-43, 3, 15), "March 15, 44 BCE"},
		{cal.Date{Year: 1920, Precision: cal.Decade}, "1920s"},
		{cal.DateOf(0, 0, 0), "1 BCE"},
		{cal.Date{}, ""},
	} {
		if got := formatDate(tt.d); got != tt.want {
			t.Errorf("formatDate(%+v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestEventDate(t *testing.T) {
	decade := func(y int) cal.Date { return cal.Date{Year: y, Precision: cal.Decade} }
	for _, tt := range []struct {
		start, end cal.Date
		want       string
	}{
		{cal.DateOf(1918, 0, 0), cal.DateOf(1921, 0, 0), "1918–1921"},
		{cal.DateOf(1979, 6, 2), cal.DateOf(1979, 6, 10), "June 2–10, 1979"},
		{cal.DateOf(1919, 6, 28), cal.DateOf(1919, 7, 3), "June 28–July 3, 1919"},
		{cal.DateOf(1989, 2, 6), cal.DateOf(1989, 4, 5), "February 6–April 5, 1989"},
		{cal.DateOf(1917, 3, 0), cal.DateOf(1917, 7, 0), "March–July 1917"},
		{cal.DateOf(1917, 3, 8), cal.DateOf(1917, 7, 0), "March 8–July 1917"},
		{cal.DateOf(-99, 0, 0), cal.DateOf(-43, 0, 0), "100–44 BCE"},
		{cal.DateOf(-43, 3, 15), cal.DateOf(-43, 3, 17), "March 15–17, 44 BCE"},
		{cal.DateOf(-62, 0, 0), cal.DateOf(14, 0, 0), "63 BCE–14 CE"},
		{cal.DateOf(1916, 12, 30), cal.DateOf(1917, 1, 2), "December 30, 1916–January 2, 1917"},
		{decade(1920), decade(1939), "1920s–1930s"},
		{cal.DateOf(1933, 11, 16), cal.Date{}, "November 16, 1933"},
		{decade(1920), decade(1929), "1920s"},
		{decade(1920), decade(1923), "1920s"},
	} {
		e := timeline.Event{Start: tt.start, End: tt.end}
		if got := EventDate(e); got != tt.want {
			t.Errorf("EventDate(%+v) = %q, want %q", e, got, tt.want)
		}
	}
}

func TestDatelineAndPlaces(t *testing.T) {
	for _, c := range []struct {
		date            string
		locales         []string
		dateline, where string
	}{
		{"November 16, 1933", []string{"Washington, D.C.", "Moscow, Soviet Union (now Russia)"},
			"November 16, 1933 · Washington · Moscow", "Washington, D.C.; Moscow, Soviet Union (now Russia)"},
		{"June 2-10, 1979", []string{"Oświęcim (Auschwitz), Poland"}, "June 2-10, 1979 · Oświęcim (Auschwitz)", "Oświęcim (Auschwitz), Poland"},
		{"1933", []string{"Rome"}, "1933 · Rome", ""},
		{"", nil, "", ""},
	} {
		doc := &source.Document{Locales: c.locales}
		if c.date != "" {
			doc.Date = &source.Date{Text: c.date}
		}
		if got := Dateline(doc); got != c.dateline {
			t.Errorf("Dateline = %q, want %q", got, c.dateline)
		}
		if got := Places(doc); got != c.where {
			t.Errorf("Places = %q, want %q", got, c.where)
		}
	}
}
