package epub

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"galley/source"
)

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, text, attr string }{
		{"plain", "plain", "plain"},
		{`a & b < c > d "e" 'f'`, `a &amp; b &lt; c &gt; d "e" 'f'`, `a &amp; b &lt; c &gt; d &quot;e&quot; 'f'`},
		{"&nbsp; &amp;", "&amp;nbsp; &amp;amp;", "&amp;nbsp; &amp;amp;"},
		{"]]> <!-- <?x?>", "]]&gt; &lt;!-- &lt;?x?&gt;", "]]&gt; &lt;!-- &lt;?x?&gt;"},
		{"tab\tline\nreturn\r", "tab\tline\nreturn", "tab line return"},
		{"nul\x00bell\x07del\x7f", "nulbelldel", "nulbelldel"},
		{"c1\u0080\u009f nc\ufffe\uffff\ufdd0 ok\u00a0\u2014", "c1 nc ok\u00a0\u2014", "c1 nc ok\u00a0\u2014"},
		{"bad\xff\xc3utf8", "bad\ufffd\ufffdutf8", "bad\ufffd\ufffdutf8"},
		{"emoji 😀 kanji 漢", "emoji 😀 kanji 漢", "emoji 😀 kanji 漢"},
	} {
		var text, attr bytes.Buffer
		escape(&text, tc.in, false)
		escape(&attr, tc.in, true)
		if text.String() != tc.text || attr.String() != tc.attr {
			t.Errorf("escape(%q) = %q / %q, want %q / %q", tc.in, text.String(), attr.String(), tc.text, tc.attr)
		}
	}
	if got := clean("a & <b>\x00"); got != "a & <b>" {
		t.Errorf("clean = %q", got)
	}
}

func TestSafeHref(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://example.com/a?b=c&d=e#f", "https://example.com/a?b=c&d=e#f"},
		{"http://example.com", "http://example.com"},
		{"mailto:someone@example.com", "mailto:someone@example.com"},
		{"https://de.wikipedia.org/wiki/Gödel", "https://de.wikipedia.org/wiki/G%C3%B6del"},
		{"javascript:alert(1)", ""},
		{"file:///etc/passwd", ""},
		{"/relative", ""},
		{"https://", ""},
		{"http://../", ""},
		{"https://exa mple.com/", ""},
		{"https://user:pw@example.com/", ""},
		{"https://example.com/<script>", ""},
		{"http://-bad-.com/", ""},
		{"mailto:", ""},
		{"data:text/html,<b>", ""},
	} {
		if got := safeHref(tc.in); got != tc.want {
			t.Errorf("safeHref(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestIDs(t *testing.T) {
	var w xw
	for _, tc := range []struct {
		id    string
		wrote bool
	}{
		{"p12", true}, {"p12", false}, {"s-summary-of-event", true}, {"12p", false},
		{"", false}, {`x" onload="y`, false}, {"a b", false}, {"_x.y-z", true},
	} {
		if got := w.id(tc.id); got != tc.wrote {
			t.Errorf("id(%q) = %v, want %v", tc.id, got, tc.wrote)
		}
	}
	if got := w.String(); got != ` id="p12" id="s-summary-of-event" id="_x.y-z"` {
		t.Errorf("wrote %q", got)
	}
	w.reset()
	if !w.id("p12") {
		t.Error("ids are not reset for a new document")
	}
}

func TestHeadingLevels(t *testing.T) {
	var w xw
	w.reset()
	var got []string
	for _, want := range []int{3, 6, 2, 4, 1, 3} {
		got = append(got, w.headingTag(want))
	}
	if want := []string{"h2", "h3", "h2", "h3", "h2", "h3"}; !slices.Equal(got, want) {
		t.Errorf("heading tags = %q, want %q", got, want)
	}
}

func TestHTMLDate(t *testing.T) {
	for in, want := range map[string]string{
		"1933-11-16": "1933-11-16", "1933-11": "1933-11", "1933": "1933", "0410": "0410",
		"-0043": "", "0000": "", "1933-02-30": "", "1933-13": "", "": "", "19331": "",
	} {
		if got := htmlDate(in); got != want {
			t.Errorf("htmlDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInlines(t *testing.T) {
	var w xw
	w.inlines([]source.Inline{
		{Text: "plain "},
		{Text: "both", Style: source.Bold | source.Italic},
		{Text: " link", Link: "https://example.com/?a=1&b=2", Break: true},
		{Text: "x<y", Style: source.Code | source.Strike, Link: "javascript:alert(1)"},
	})
	want := `plain <strong><em>both</em></strong><a href="https://example.com/?a=1&amp;b=2"> link</a><br/><s><code>x&lt;y</code></s>`
	if got := w.String(); got != want {
		t.Errorf("inlines:\n got %s\nwant %s", got, want)
	}
}

// TestStyleSheet: text is justified only where the reading system hyphenates, the body keeps
// a margin from the screen's edge, and the timeline's Date header sits over its column.
func TestStyleSheet(t *testing.T) {
	css := baseCSS
	sup := strings.Index(css, "@supports (hyphens: auto)")
	if sup < 0 {
		t.Fatal("no @supports (hyphens: auto) block")
	}
	end := sup + strings.Index(css[sup:], "\n}\n")
	for i := 0; ; {
		j := strings.Index(css[i:], "justify")
		if j < 0 {
			break
		}
		if i+j < sup || i+j > end {
			t.Errorf("text justified outside @supports: %q", css[max(0, i+j-60):i+j+10])
		}
		i += j + 1
	}
	if strings.Contains(css, "body { margin: 0") {
		t.Error("the body has no margin")
	}
	if !strings.Contains(css, ".timeline thead th:first-child { text-align: right; }") {
		t.Error("the timeline's Date header is not aligned with its column")
	}
}
