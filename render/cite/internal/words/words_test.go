package words

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

func TestOf(t *testing.T) {
	for w, want := range map[string]Class{
		"Kremlin": Proper, "kremlin": Proper, "Victorian": Proper, "Jacobean": Proper, "Persia": Proper,
		"Stalin": Proper, "Christianity": Proper, "Easter": Proper,
		"revolution": Common, "Revolution": Common, "beauty": Common, "programme": Common, "labouring": Common,
		"Soviet": Either, "Marathon": Either, "Roman": Either,
		"Whitby": Unknown, "Mese": Unknown, "Luftbrücke": Unknown, "": Unknown,
	} {
		if got := Of(w); got != want {
			t.Errorf("Of(%q) = %d, want %d", w, got, want)
		}
	}
}

func TestName(t *testing.T) {
	for in, want := range map[string]string{
		"Great War": "Great War", "great war": "Great War", "Book of Common Prayer": "Book of Common Prayer",
		"Cold War": "Cold War", "House Of Lords": "House of Lords", "Black Death": "Black Death",
	} {
		if got, ok := Name(in); !ok || got != want {
			t.Errorf("Name(%q) = %q %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"Foreign Policy", "Terrible Beauty", "Kremlin"} {
		if got, ok := Name(in); ok {
			t.Errorf("Name(%q) = %q, want none", in, got)
		}
	}
	if n := MaxName(); n < 3 || n > 12 {
		t.Errorf("MaxName() = %d", n)
	}
}

// TestDecode checks the front coding on a list whose entries share prefixes of every length.
func TestDecode(t *testing.T) {
	in := []byte("0a\n1b\n2c\n0b\n1\n")
	if got, want := decode(in), []string{"a", "ab", "abc", "b", "b"}; !slices.Equal(got, want) {
		t.Errorf("decode = %q, want %q", got, want)
	}
}

// TestLists checks that the lists are sorted, so that lookups by binary search hold.
func TestLists(t *testing.T) {
	l := load()
	for _, list := range [][]string{l.common, l.caps} {
		if len(list) < 5000 || !slices.IsSorted(list) {
			t.Fatalf("a list of %d words, sorted %v", len(list), slices.IsSorted(list))
		}
	}
	if len(l.names) < 1000 {
		t.Errorf("%d names", len(l.names))
	}
}

// TestGenerated regenerates the lists when the Debian word lists are installed, and wants the
// embedded words.gz and licences to be what the generator writes.
func TestGenerated(t *testing.T) {
	for _, p := range []string{"/usr/share/dict/american-english", "/usr/share/dict/british-english", "/usr/share/wordnet/data.noun"} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("%s not installed (wamerican, wbritish, wordnet-base)", p)
		}
	}
	if testing.Short() {
		t.Skip("runs the generator")
	}
	dir := t.TempDir()
	out, err := exec.Command("go", "run", "./gen", "-o", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("gen: %v\n%s", err, out)
	}
	for _, name := range []string{"words.gz", "LICENSE-SCOWL", "LICENSE-WORDNET"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if name == "words.gz" {
			got, want = gunzip(t, got), gunzip(t, want)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not what the generator writes: run go generate", name)
		}
	}
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
