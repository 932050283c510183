package render

import (
	"strconv"
	"strings"

	"galley/source"
)

var monthNames = [...]string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// FormatISO shows an ISO 8601 date (astronomical years) for readers: "November 16, 1933",
// "November 1933", "1933", "44 BCE", "the 1920s" for decade precision.
func FormatISO(iso, precision string) string {
	if iso == "" {
		return ""
	}
	neg := strings.HasPrefix(iso, "-")
	parts := strings.Split(strings.TrimPrefix(iso, "-"), "-")
	year, _ := strconv.Atoi(parts[0])
	if neg {
		year = -year
	}
	ys := strconv.Itoa(year)
	if year <= 0 {
		ys = strconv.Itoa(1-year) + " BCE"
	}
	if precision == source.PrecisionDecade && year > 0 {
		return strconv.Itoa(year/10*10) + "s"
	}
	month, day := 0, 0
	if len(parts) > 1 {
		month, _ = strconv.Atoi(parts[1])
	}
	if len(parts) > 2 {
		day, _ = strconv.Atoi(parts[2])
	}
	switch {
	case month >= 1 && month <= 12 && day > 0:
		return monthNames[month] + " " + strconv.Itoa(day) + ", " + ys
	case month >= 1 && month <= 12:
		return monthNames[month] + " " + ys
	}
	return ys
}

// EventDate shows an event's date or range with an en dash: "1918–1921",
// "June 28 – July 3, 1919".
func EventDate(e source.Event) string {
	start := FormatISO(e.Start, e.Precision)
	if e.End == "" {
		return start
	}
	endPrec := precisionOf(e.End)
	if e.Precision == source.PrecisionDecade {
		endPrec = source.PrecisionDecade
	}
	end := FormatISO(e.End, endPrec)
	if end == start {
		return start
	}
	// One year: "June 28 – July 3, 1919".
	if ys, ye := yearPart(e.Start), yearPart(e.End); ys == ye && e.Precision != source.PrecisionYear && e.Precision != source.PrecisionDecade {
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

func yearPart(iso string) string {
	neg := strings.HasPrefix(iso, "-")
	y := strings.Split(strings.TrimPrefix(iso, "-"), "-")[0]
	if neg {
		return "-" + y
	}
	return y
}

func precisionOf(iso string) string {
	switch strings.Count(strings.TrimPrefix(iso, "-"), "-") {
	case 2:
		return source.PrecisionDay
	case 1:
		return source.PrecisionMonth
	}
	return source.PrecisionYear
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
