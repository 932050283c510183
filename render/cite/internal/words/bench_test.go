package words

import "testing"

// BenchmarkLoad decodes the embedded lists, as the first APA title of a process does.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		decodeLists()
	}
}

// BenchmarkOf looks words up.
func BenchmarkOf(b *testing.B) {
	load()
	ws := []string{"Kremlin", "revolution", "Soviet", "Whitby", "Luftbrücke"}
	for i := 0; b.Loop(); i++ {
		Of(ws[i%len(ws)])
	}
}
