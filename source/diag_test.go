package source

import "testing"

func TestDiagnosticFormat(t *testing.T) {
	for _, tc := range []struct {
		d    Diagnostic
		file string
		want string
	}{
		{Diagnostic{Line: 3, Col: 17, Severity: SevError, Message: "not UTF-8 text"}, "a.txt",
			"a.txt:3:17: error: not UTF-8 text"},
		{Diagnostic{Line: 10, Col: 1, Severity: SevWarning, Message: "key figure not understood"}, "dir/b.md",
			"dir/b.md:10:1: warning: key figure not understood"},
		{InputError("empty input"), "-", "-:1:1: error: empty input"},
		{LineWarning(13, "image not embedded"), "c.txt", "c.txt:13:1: warning: image not embedded"},
		{LineWarning(0, "character U+0001 is not in the font"), "c.txt", "c.txt:1:1: warning: character U+0001 is not in the font"},
		// A figure's file name, URL-decoded, that clears the screen and retitles the terminal.
		{LineWarning(5, "no \x1b[2J\x1b]0;pwned\x07.png under the image directory"), "d.txt",
			`d.txt:5:1: warning: no \x1b[2J\x1b]0;pwned\x07.png under the image directory`},
		{InputError("a\x00b \u009b1m \u202eevil\u2066 \x7f"), "e\x1b.txt",
			`e\x1b.txt:1:1: error: a\x00b \u009b1m \u202eevil\u2066 \x7f`},
		{InputError("bad byte \xff here, curly “quotes” and é stay"), "f\xfe.txt",
			`f\xfe.txt:1:1: error: bad byte \xff here, curly “quotes” and é stay`},
	} {
		if got := tc.d.Format(tc.file); got != tc.want {
			t.Errorf("%+v.Format(%q) = %q, want %q", tc.d, tc.file, got, tc.want)
		}
	}
}
