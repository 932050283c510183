package pdf

import (
	"strconv"
	"strings"
	"testing"

	"galley/internal/testkit"
)

// TestHouse: the house that issues a handout is named in the footer of every page, left of
// the page number and clear of it however long its name, and its logo is set above the title
// on page 1.
func TestHouse(t *testing.T) {
	testkit.NeedTool(t, "pdftotext")
	testkit.NeedTool(t, "pdfimages")
	for _, house := range []string{"Lincoln High School Library",
		"The Very Long Name of a Consolidated Regional Public Library District and Its Twelve Branch Libraries and Bookmobiles"} {
		opt := options(nil)
		opt.House = house
		opt.Logo = testImages(t)["img3"]
		path := writeTemp(t, renderDoc(t, parse(t, testkit.Seed), opt))
		pages := strings.Split(run(t, "pdftotext", "-bbox", path, "-"), "<page ")[1:]
		for i, pg := range pages {
			foot := footer(pg)
			if len(foot) < 5 || foot[0].text != strings.Fields(house)[0] {
				t.Fatalf("page %d: the footer is %v, want the house's name first", i+1, foot)
			}
			// The page number's words, "page N of M", are the footer's last four; the
			// house's name ends before them.
			num := foot[len(foot)-4:]
			if got := num[0].text + " " + num[1].text + " " + num[2].text; got != "page "+strconv.Itoa(i+1)+" of" {
				t.Errorf("page %d: footer ends %q", i+1, got)
			}
			if name := foot[len(foot)-5]; name.right >= num[0].left {
				t.Errorf("page %d: the house's name runs into the page number: %v", i+1, foot)
			}
		}
		list := run(t, "pdfimages", "-list", path)
		if rows := strings.Split(strings.TrimSpace(list), "\n")[2:]; len(rows) != 1 || strings.Fields(rows[0])[0] != "1" {
			t.Errorf("want the logo alone, on page 1:\n%s", list)
		}
	}
	// No house: no footer name, no logo.
	path := writeTemp(t, renderDoc(t, parse(t, testkit.Seed), options(nil)))
	if strings.Contains(run(t, "pdftotext", path, "-"), "Lincoln") {
		t.Error("a house's name without a house")
	}
}

// placedWord is a word and its left and right edges on the page.
type placedWord struct {
	text        string
	left, right float64
}

// footer returns the words of the last line of a page of pdftotext -bbox's output, left to
// right.
func footer(page string) []placedWord {
	var words []placedWord
	lowest := 0.0
	for _, m := range wordBox.FindAllStringSubmatch(page, -1) {
		x0, _ := strconv.ParseFloat(m[1], 64)
		x1, _ := strconv.ParseFloat(m[3], 64)
		y, _ := strconv.ParseFloat(m[4], 64)
		switch {
		case y > lowest+0.5:
			lowest, words = y, []placedWord{{m[5], x0, x1}}
		case y > lowest-0.5:
			words = append(words, placedWord{m[5], x0, x1})
		}
	}
	return words
}
