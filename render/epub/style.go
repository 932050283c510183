package epub

import (
	"bytes"
	"strings"
)

// baseCSS is the book's style sheet. Sizes are in em, nothing sets a colour or a background,
// and the body keeps the reader's font, size and line spacing, so that reading systems' own
// settings and dark modes apply. The body has a margin of its own, so that a plain reader does
// not set text against the screen's edge. Text is set left unless the reading system
// hyphenates (@supports): justified without hyphenation, a short line shows rivers; the pages'
// lang attribute gives hyphenation its language.
const baseCSS = `/* galley EPUB style sheet */
body { margin: 1em; padding: 0; }
p { margin: 0; text-indent: 0; text-align: left; -webkit-hyphens: auto; -epub-hyphens: auto; hyphens: auto; orphans: 2; widows: 2; }
@supports (hyphens: auto) or (-webkit-hyphens: auto) {
  p { text-align: justify; }
}
p + p { text-indent: 1.2em; }
h1, h2, h3, h4, h5, h6 { font-weight: bold; line-height: 1.2; text-align: left; -webkit-hyphens: manual; -epub-hyphens: manual; hyphens: manual; page-break-after: avoid; break-after: avoid; page-break-inside: avoid; break-inside: avoid; }
h1 { font-size: 1.5em; margin: 1.5em 0 0.8em; }
h2 { font-size: 1.25em; margin: 1.4em 0 0.6em; }
h3 { font-size: 1.1em; margin: 1.3em 0 0.5em; }
h4, h5, h6 { font-size: 1em; margin: 1.2em 0 0.4em; }
a { color: inherit; }

.titlepage h1 { font-size: 1.9em; margin: 2em 0 0.6em; }
.titlepage p { text-indent: 0; text-align: left; }
.dateline { font-style: italic; margin: 0.2em 0; }
.facts { margin: 1.5em 0; padding: 0.6em 0; border-top: thin solid; border-bottom: thin solid; }
.facts p { text-align: left; }
.fact { margin: 0.4em 0 0; text-indent: 0; font-size: 0.9em; }
.standfirst { font-size: 1.1em; font-style: italic; margin: 0.3em 0; text-indent: 0; }

table { border-collapse: collapse; width: 100%; margin: 1em 0; border-top: medium solid; border-bottom: medium solid; }
thead th { border-bottom: thin solid; font-weight: bold; }
th, td { text-align: left; vertical-align: top; padding: 0.35em 0.6em 0.35em 0; -webkit-hyphens: auto; -epub-hyphens: auto; hyphens: auto; }
th:last-child, td:last-child { padding-right: 0; }
.keyfigures th[scope="row"] { font-weight: normal; }
.keyfigures .name { font-weight: bold; }
.keyfigures .alias { font-size: 0.85em; font-style: italic; }
.keyfigures .life { white-space: nowrap; }
.timeline .date { font-weight: normal; text-align: right; width: 28%; font-variant-numeric: tabular-nums; }
.timeline thead th:first-child { text-align: right; }
.timeline .back { text-decoration: none; }
table.md th, table.md td { padding-right: 0.8em; }
.left { text-align: left; }
.center { text-align: center; }
.right { text-align: right; }

.cover { margin: 0; padding: 0; text-align: center; }
.cover img { display: block; max-width: 100%; max-height: 95vh; height: auto; margin: 0 auto; }

figure { margin: 1.2em 0; page-break-inside: avoid; break-inside: avoid; }
figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-size: 0.9em; margin-top: 0.5em; text-align: left; }
figcaption .label { font-weight: bold; }
.credit { font-size: 0.9em; font-style: italic; }
.missing { border: thin solid; padding: 4em 1em; margin: 0 10%; font-size: 0.9em; font-style: italic; text-align: center; text-indent: 0; }

ul.bibliography { list-style: none; margin: 0; padding: 0; }
ul.bibliography li { margin: 0 0 0.4em; padding-left: 2em; }
ul.bibliography .entry { text-indent: -2em; text-align: left; }
ul.bibliography .annote { font-size: 0.9em; text-indent: 0; text-align: left; margin-top: 0.15em; }
ul.seealso { margin: 0; padding-left: 1.2em; }
.titlepage .subtitle { font-size: 1.2em; font-style: italic; margin: 0 0 1em; }
.chapter-number { font-weight: bold; margin: 2em 0 0; }
.timeline .stated { font-size: 0.85em; font-style: italic; }
ul.index { list-style: none; margin: 0; padding: 0; }
ul.index li { margin: 0 0 0.3em; padding-left: 2em; text-indent: -2em; }

li p, blockquote p { text-align: left; }
blockquote { margin: 1em 0 1em 1.5em; }
pre { margin: 1em 0; white-space: pre-wrap; overflow-wrap: break-word; word-wrap: break-word; font-family: monospace; font-size: 0.85em; text-align: left; -webkit-hyphens: none; -epub-hyphens: none; hyphens: none; }
code { font-family: monospace; font-size: 0.9em; -webkit-hyphens: none; -epub-hyphens: none; hyphens: none; }
pre code { font-size: 1em; }
hr { border: none; border-top: thin solid; margin: 1.5em 25%; }

nav ol { list-style: none; padding-left: 1.2em; }
nav > ol { padding-left: 0; }
nav li { margin: 0.3em 0; }
`

// styleSheet returns the CSS, with @font-face rules when the options embed the font family;
// the font files are added to the book.
func (r *renderer) styleSheet() ([]byte, error) {
	if !r.opt.EmbedFonts {
		return []byte(baseCSS), nil
	}
	fam, err := r.opt.Family()
	if err != nil {
		return nil, err
	}
	family := "galley-" + safeFamily(fam.Name)
	var css bytes.Buffer
	faces := []struct {
		style, weight, file string
		data                []byte
	}{
		{"normal", "normal", "regular", fam.Regular},
		{"normal", "bold", "bold", fam.Bold},
		{"italic", "normal", "italic", fam.Italic},
		{"italic", "bold", "bolditalic", fam.BoldItalic},
	}
	for i, f := range faces {
		if len(f.data) == 0 {
			continue
		}
		// A family without a style reuses the regular face; the reader synthesises it
		// instead of downloading the same font twice.
		if i > 0 && bytes.Equal(f.data, fam.Regular) {
			continue
		}
		name := family + "-" + f.file + ".ttf"
		r.b.fonts = append(r.b.fonts, media{name: name, mediaType: "font/ttf", data: f.data})
		css.WriteString("@font-face { font-family: \"" + family + "\"; font-style: " + f.style +
			"; font-weight: " + f.weight + "; src: url(\"../fonts/" + name + "\"); }\n")
	}
	if css.Len() == 0 {
		return []byte(baseCSS), nil
	}
	generic := "serif"
	if strings.Contains(strings.ToLower(fam.Name), "sans") {
		generic = "sans-serif"
	}
	css.WriteString("body { font-family: \"" + family + "\", " + generic + "; }\n")
	return append(css.Bytes(), baseCSS...), nil
}

// safeFamily turns a family name into lowercase letters, digits and '-'.
func safeFamily(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
		} else if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte('-')
		}
		if b.Len() >= 32 {
			break
		}
	}
	if n := strings.Trim(b.String(), "-"); n != "" {
		return n
	}
	return "font"
}
