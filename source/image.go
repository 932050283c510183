package source

import (
	"net/url"
	"path"
	"strings"

	"galley/source/cal"
)

// imageFileRE matches a trailing image file name in a caption.
var imageFileRE = cal.Lazy(`(?i)\s*(\S+\.(?:jpe?g|png|gif|tiff?|svg|webp|bmp))$`)

// creditStarts begin the credit part of an export's alt text, in order of preference.
var creditStarts = []string{" By ", " Courtesy of ", " courtesy of ", " Photo by ", " Photograph by ", " ©", " (c) "}

// parseFigure reads a line that is only an image, `![ALT](URL)`, splitting the alt text into
// caption, credit and file name as exports write them.
func parseFigure(l line) (*Figure, bool) {
	t := l.text
	if !strings.HasPrefix(t, "![") || !strings.HasSuffix(t, ")") {
		return nil, false
	}
	mid := strings.LastIndex(t, "](")
	if mid < 2 {
		return nil, false
	}
	alt, src := t[2:mid], strings.TrimSpace(t[mid+2:len(t)-1])
	if strings.ContainsAny(src, " \t") {
		// `![a](url "title")`: the title is not part of the address.
		src = strings.Fields(src)[0]
	}
	src = strings.Trim(src, "<>")
	f := &Figure{Alt: alt, Src: src, Line: l.num}
	rest := strings.TrimSpace(alt)
	if m := imageFileRE().FindStringSubmatchIndex(rest); m != nil {
		f.File = rest[m[2]:m[3]]
		rest = strings.TrimSpace(rest[:m[0]])
	}
	if f.File == "" {
		f.File = fileFromURL(src)
	}
	f.Caption, f.Credit = splitCredit(rest)
	return f, true
}

// splitCredit splits alt text into caption and credit: the credit starts at " By " (or
// "Courtesy of", "Photo by", "©"), failing those at a licence in brackets ("[Public domain]").
func splitCredit(s string) (caption, credit string) {
	best := -1
	for _, c := range creditStarts {
		if i := strings.Index(s, c); i > 0 && (best < 0 || i < best) {
			best = i
		}
	}
	if best < 0 {
		if i := strings.LastIndex(s, " ["); i > 0 && strings.Contains(s[i:], "]") {
			best = i
		}
	}
	if best < 0 {
		return strings.TrimSpace(s), ""
	}
	caption = strings.TrimRight(strings.TrimSpace(s[:best]), ",;:")
	return caption, strings.TrimSpace(s[best:])
}

// fileFromURL returns the last path element of an image address, or "".
func fileFromURL(src string) string {
	u, err := url.Parse(src)
	if err != nil {
		return ""
	}
	base := path.Base(u.Path)
	if base == "." || base == "/" || !imageFileRE().MatchString(base) {
		return ""
	}
	return base
}
