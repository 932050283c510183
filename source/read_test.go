package source

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       []byte
		opt      Options
		line     int
		col      int
		contains string
	}{
		{"empty", nil, Options{}, 1, 1, "empty input"},
		{"blank", []byte(" \n\n\t\n"), Options{}, 1, 1, "empty input"},
		{"bad utf8", []byte("Title\nok line\nbad \xff here\n"), Options{}, 3, 5, "byte offset 18"},
		{"too big", []byte(strings.Repeat("a", 100)), Options{MaxInput: 10}, 1, 1, "over the limit"},
		{"no title", []byte("Date March, 1917\nSummary.\n"), Options{}, 1, 1, "missing title"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in, tt.opt)
		var pe *Error
		if !errors.As(err, &pe) {
			t.Errorf("%s: error %v is not an *Error", tt.name, err)
			continue
		}
		if pe.Line != tt.line || pe.Col != tt.col || !strings.Contains(pe.Error(), tt.contains) {
			t.Errorf("%s: got %q (line %d col %d), want line %d col %d containing %q", tt.name, pe, pe.Line, pe.Col, tt.line, tt.col, tt.contains)
		}
	}
	doc, err := Parse([]byte("Title\nbad \xff\xfe here\n"), Options{Lossy: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Diagnostics) == 0 || doc.Diagnostics[0].Line != 2 || doc.Diagnostics[0].Col != 5 {
		t.Errorf("lossy diagnostics %+v", doc.Diagnostics)
	}
}

func TestControlCharacters(t *testing.T) {
	doc, err := Parse([]byte("Title\x00\nDate 1933\nA \x07summary.\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range doc.Title + doc.Summary {
		if unicode.IsControl(r) {
			t.Fatalf("control character %U kept", r)
		}
	}
	if len(doc.Diagnostics) == 0 {
		t.Error("no warning for control characters")
	}
}

func FuzzReadLines(f *testing.F) {
	addCorpus(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		var diags []Diagnostic
		lines, err := readLines(data, &Options{File: "fuzz", Lossy: true}, &diags)
		if err != nil {
			return
		}
		for _, l := range lines {
			if !utf8.ValidString(l.text) || strings.ContainsAny(l.text, "\r\n\x00") {
				t.Fatalf("line %d not clean: %q", l.num, l.text)
			}
		}
	})
}
