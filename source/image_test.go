package source

import "testing"

func TestFigureAltText(t *testing.T) {
	tests := []struct{ line, caption, credit, file string }{
		{"![Marble bust of Julius Caesar, Museo Archeologico Nazionale, Naples [Public domain], via Wikimedia Commons 89317702-64701.jpg](https://x/89317702-64701.jpg?a=b)",
			"Marble bust of Julius Caesar, Museo Archeologico Nazionale, Naples", "[Public domain], via Wikimedia Commons", "89317702-64701.jpg"},
		{"![A map Courtesy of the Library of Congress map.png](map.png)", "A map", "Courtesy of the Library of Congress", "map.png"},
		{"![Crowds in the street © Getty Images](https://x/y/crowd.jpeg)", "Crowds in the street", "© Getty Images", "crowd.jpeg"},
		{"![Just a caption](pic.gif)", "Just a caption", "", "pic.gif"},
	}
	for _, tt := range tests {
		f, ok := parseFigure(line{text: tt.line, num: 1})
		if !ok || f.Caption != tt.caption || f.Credit != tt.credit || f.File != tt.file {
			t.Errorf("%q: got %+v", tt.line, f)
		}
	}
}
