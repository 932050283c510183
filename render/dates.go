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
	ys := strconv.Itoa(d.Year)
	if d.Year <= 0 {
		ys = strconv.Itoa(1-d.Year) + " BCE"
	}
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

// EventDate shows an event's date or range with an en dash: "1918–1921",
// "June 28 – July 3, 1919".
func EventDate(e timeline.Event) string {
	start := formatDate(e.Start)
	if e.End.IsZero() {
		return start
	}
	end := formatDate(e.End)
	if end == start {
		return start
	}
	// One year: "June 28 – July 3, 1919".
	if e.Start.Year == e.End.Year && e.Start.Precision != cal.Year && e.Start.Precision != cal.Decade {
		if i := strings.LastIndex(start, ", "); i > 0 {
			start = start[:i]
		} else if i := strings.LastIndex(start, " "); i > 0 && !strings.HasSuffix(start, "BCE") {
			start = start[:i]
		}
		return start + " – " + end
	}
	if !strings.Contains(start, " ") && !strings.Contains(end, " ") {
		return start + "–" + end
	}
	return start + " – " + end
}

// Lifespan shows a key figure's lifespan as written, with en dashes in ranges.
func Lifespan(f source.KeyFigure) string {
	return strings.ReplaceAll(f.Life, "-", "–")
}

// Dateline is the line under the title: the event's date and its places, "November 16, 1933 ·
// Washington, D.C.; Moscow, Soviet Union (now Russia)", both as the article writes them.
func Dateline(doc *source.Document) string {
	var parts []string
	if doc.Date != nil && doc.Date.Text != "" {
		parts = append(parts, doc.Date.Text)
	}
	if len(doc.Locales) > 0 {
		parts = append(parts, strings.Join(doc.Locales, "; "))
	}
	return strings.Join(parts, " · ")
}
