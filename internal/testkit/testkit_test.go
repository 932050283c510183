package testkit

import (
	"os"
	"testing"
)

func TestCorpusPresent(t *testing.T) {
	names := []string{SpecFile, ExamplesFile, BadDir + "/EXPECT.md"}
	for _, a := range Articles {
		names = append(names, "articles/"+a+".txt", "articles/"+a+".gold.json")
	}
	for _, n := range names {
		st, err := os.Stat(Path(n))
		if err != nil {
			t.Errorf("%s: %v", n, err)
			continue
		}
		if st.Size() == 0 {
			t.Errorf("%s is empty", n)
		}
	}
}
