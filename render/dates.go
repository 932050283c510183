package render

import (
	"strconv"
	"strings"

	"galley/source"
	"galley/source/cal"
	"galley/source/timeline"
)

// formatDate shows a date for readers: "November 16, 1933", "November 1933", "1933",
// "44 BCE", "1920s" for a decade.
func formatDate(d cal.Date) string {
	if d.IsZero() {
		return ""
	}
	ys := yearOf(d.Year)
	if d.Precision == cal.Decade && d.Year > 0 {
		return strconv.Itoa(d.Year/10*10) + "s"
	}
	month := cal.MonthName(d.Month)
	switch {
	case month != "" && d.Day > 0:
		return month + " " + strconv.Itoa(d.Day) + ", " + ys
	case month != "":
		return month + " " + ys
	}
	return ys
}

// EventDate shows an event's date or span, ranges closed up with an en dash as the Chicago
// Manual sets them (6.78): "1918–1921", "June 2–10, 1979", "June 28–July 3, 1919",
// "March–July 1917", "100–44 BCE", "63 BCE–14 CE", "December 30, 1916–January 2, 1917".
func EventDate(e timeline.Event) string {
	s, en := e.Start, e.End
	start := formatDate(s)
	if en.IsZero() {
		return start
	}
	end := formatDate(en)
	if end == start || start == "" {
		return start
	}
	if s.Precision == cal.Decade || en.Precision == cal.Decade {
		return start + "–" + end
	}
	if (s.Year <= 0) != (en.Year <= 0) {
		return start + "–" + end + " CE" // from one era to the other
	}
	ys := yearOf(s.Year)
	if s.Year == en.Year && s.Precision != cal.Year {
		// One year, written once, at the end.
		head := cal.MonthName(s.Month)
		switch {
		case s.Precision == cal.Day && en.Precision == cal.Day && s.Month == en.Month:
			return head + " " + strconv.Itoa(s.Day) + "–" + strconv.Itoa(en.Day) + ", " + ys
		case s.Precision == cal.Day:
			head += " " + strconv.Itoa(s.Day)
		}
		return head + "–" + end
	}
	if s.Precision == cal.Year && en.Precision == cal.Year && s.Year <= 0 {
		return strconv.Itoa(1-s.Year) + "–" + end // 100–44 BCE
	}
	return start + "–" + end
}

// yearOf shows a year, astronomical when 0 or less: "1933", "44 BCE".
func yearOf(y int) string {
	if y <= 0 {
		return strconv.Itoa(1-y) + " BCE"
	}
	return strconv.Itoa(y)
}

// Lifespan shows a key figure's lifespan as written, with en dashes in ranges.
func Lifespan(f source.KeyFigure) string {
	return Smart(f.Life)
}

// Dateline is the line under the title: the event's date as the article writes it, and where,
// each place by the first part of its name, "November 16, 1933 · Washington · Moscow". The
// fact panel gives the places in full (Places).
func Dateline(doc *source.Document) string {
	var parts []string
	if doc.Date != nil && doc.Date.Text != "" {
		parts = append(parts, doc.Date.Text)
	}
	for _, l := range doc.Locales {
		if short := shortPlace(l); short != "" {
			parts = append(parts, short)
		}
	}
	return strings.Join(parts, " · ")
}

// Places returns the article's places in full, "Washington, D.C.; Moscow, Soviet Union (now
// Russia)", or "" when the dateline gives them whole already.
func Places(doc *source.Document) string {
	whole := true
	for _, l := range doc.Locales {
		whole = whole && shortPlace(l) == strings.TrimSpace(l)
	}
	if whole {
		return ""
	}
	return strings.Join(doc.Locales, "; ")
}

// shortPlace is a place by the first part of its name: "Washington" for "Washington, D.C.",
// "Oświęcim (Auschwitz)" for "Oświęcim (Auschwitz), Poland".
func shortPlace(l string) string {
	first, _, _ := strings.Cut(l, ",")
	return strings.TrimSpace(first)
}
