package timeline

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"galley/source/cal"
)

// paras makes paragraphs of texts, one per line: "p1" on line 1, and so on.
func paras(texts ...string) []Paragraph {
	var out []Paragraph
	for i, t := range texts {
		out = append(out, Paragraph{ID: fmt.Sprintf("p%d", i+1), Line: i + 1, Text: t})
	}
	return out
}

// extract lists the events of texts, with no lives and no fallback year.
func extract(texts ...string) []Event {
	evs, _ := Extract(paras(texts...), Article{})
	return evs
}

// tlBrief shows an event as "START..END precision [phrase]".
func tlBrief(e Event) string {
	s := e.Start.ISO()
	if !e.End.IsZero() {
		s += ".." + e.End.ISO()
	}
	return fmt.Sprintf("%s %s [%s]", s, e.Start.Precision, e.Phrase)
}

func tlBriefs(evs []Event) []string {
	out := []string{}
	for _, e := range evs {
		out = append(out, tlBrief(e))
	}
	return out
}

// checkEvent verifies the invariants every event keeps: the phrase is in the sentence at At,
// the sentence is in the paragraph, dates are ISO 8601.
func checkEvent(t *testing.T, e Event) {
	t.Helper()
	if e.At < 0 || e.At+len(e.Phrase) > len(e.Text) || e.Text[e.At:e.At+len(e.Phrase)] != e.Phrase {
		t.Errorf("phrase %q not at %d of %q", e.Phrase, e.At, e.Text)
	}
	if e.Phrase == "" || e.Text == "" || e.Para == "" {
		t.Errorf("empty phrase, text or para in %+v", e)
	}
	if e.Start.IsZero() {
		t.Errorf("event without start: %+v", e)
	}
	for _, d := range []cal.Date{e.Start, e.End} {
		if _, ok := tlISOKey(d.ISO()); !d.IsZero() && !ok {
			t.Errorf("not ISO 8601: %q", d.ISO())
		}
	}
	if !e.End.IsZero() && e.End.Precision != cal.Decade && (e.Start.Precision == cal.Decade) {
		t.Errorf("a decade ends in %+v", e.End)
	}
}

func TestTimelineForms(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		// Full dates, months, years.
		{"full date", "The agreements, signed on November 16, 1933, dealt with most issues.",
			[]string{"1933-11-16 day [November 16, 1933]"}},
		{"month comma year", "The conference met in December, 1915.", []string{"1915-12 month [December, 1915]"}},
		{"month year", "Negotiations began in November 1933.", []string{"1933-11 month [November 1933]"}},
		{"month of year", "They settled in January of 1937.", []string{"1937-01 month [January of 1937]"}},
		{"in year", "It entered the League in 1934.", []string{"1934 year [1934]"}},
		{"by year", "By 1935 the relationship had deteriorated.", []string{"1935 year [1935]"}},
		{"since year", "The dynasty had ruled since 1613.", []string{"1613 year [1613]"}},
		{"year in parentheses", "Recognition came from Germany (1922), Italy and France (1924).",
			[]string{"1922 year [1922]", "1924 year [1924]"}},
		{"adjectival year", "The 1932 election of Roosevelt decided it.", []string{"1932 year [1932]"}},
		{"plural after the", "The 1932 elections decided it.", []string{"1932 year [1932]"}},
		{"day first", "The offensive opened on 1 July 1916.", []string{"1916-07-01 day [1 July 1916]"}},
		{"ordinal of month", "It fell on the 15th of March, 1917.", []string{"1917-03-15 day [15th of March, 1917]"}},
		{"ordinal day", "It fell on March 15th, 1917.", []string{"1917-03-15 day [March 15th, 1917]"}},
		{"abbreviated month", "Germany invaded on Sept. 1, 1939.", []string{"1939-09-01 day [Sept. 1, 1939]"}},
		{"circa", "Printing spread after c. 1450 in Mainz.", []string{"1450 year [c. 1450]"}},
		{"OCR split year", "Japan invaded Manchuria in 1 931.", []string{"1931 year [1 931]"}},
		{"OCR split year in a date", "It ended on June 5, 1 931.", []string{"1931-06-05 day [June 5, 1 931]"}},
		{"day and a count", "Strikes began in 1917. On March 1 300 workers marched.",
			[]string{"1917 year [1917]", "1917-03-01 day [March 1]"}},
		{"possessive year", "1917’s upheaval ended the dynasty.", []string{"1917 year [1917]"}},
		// Ranges.
		{"parenthesised range", "During the Russian Civil War (1918-1921), troops went.",
			[]string{"1918..1921 year [1918-1921]"}},
		{"en dash range", "The war of 1914–1918 ended empires.", []string{"1914..1918 year [1914–1918]"}},
		{"period range", "A famine struck in the period 1921-1923.", []string{"1921..1923 year [1921-1923]"}},
		{"short range end", "The winter of 1916-17 was cold.", []string{"1916..1917 year [1916-17]"}},
		{"range within a year", "The conference sat June 28-July 3, 1919.",
			[]string{"1919-06-28..1919-07-03 day [June 28-July 3, 1919]"}},
		{"days of one month", "The riots lasted March 15-17, 1917.",
			[]string{"1917-03-15..1917-03-17 day [March 15-17, 1917]"}},
		{"from to with year", "The protests ran from February 6 to April 5, 1989.",
			[]string{"1989-02-06..1989-04-05 day [February 6 to April 5, 1989]"}},
		{"from to years", "He ruled from 1914 to 1918.", []string{"1914..1918 year [1914 to 1918]"}},
		{"between and years", "Between 1914 and 1918 millions died.", []string{"1914..1918 year [1914 and 1918]"}},
		{"month range", "He led the government March-July, 1917.", []string{"1917-03..1917-07 month [March-July, 1917]"}},
		{"range across a new year", "The siege lasted December 30-January 2, 1917.",
			[]string{"1916-12-30..1917-01-02 day [December 30-January 2, 1917]"}},
		{"range of full dates", "It ran from December 30, 1916, to January 2, 1917.",
			[]string{"1916-12-30..1917-01-02 day [December 30, 1916, to January 2, 1917]"}},
		{"day range before the month", "The battle raged 1-3 July 1916.",
			[]string{"1916-07-01..1916-07-03 day [1-3 July 1916]"}},
		{"from day to day month", "It lasted from 1 to 3 August 1914.",
			[]string{"1914-08-01..1914-08-03 day [1 to 3 August 1914]"}},
		{"between months", "It was fought between June and August 1944.",
			[]string{"1944-06..1944-08 month [June and August 1944]"}},
		{"mid year", "By mid-1917 the army was exhausted.", []string{"1917 year [mid-1917]"}},
		{"list of short years", "Alaric besieged Rome in 408, 409, and 410 c.e.",
			[]string{"0408 year [408]", "0409 year [409]", "0410 year [410 c.e.]"}},
		{"range of full dates with dash", "It ran December 30, 1916-January 2, 1917.",
			[]string{"1916-12-30..1917-01-02 day [December 30, 1916-January 2, 1917]"}},
		{"two years joined by and", "It applied the lessons in 1917 and 1918.",
			[]string{"1917 year [1917]", "1918 year [1918]"}},
		// Decades and vague periods.
		{"decade with apostrophe", "During the 1920’s trade grew.", []string{"1920..1929 decade [1920’s]"}},
		{"decade", "In the 1930s the Soviets joined.", []string{"1930..1939 decade [1930s]"}},
		{"straight apostrophe decade", "In the 1930's the Soviets joined.", []string{"1930..1939 decade [1930's]"}},
		{"early decade", "By the early 1930’s, Washington reconsidered.", []string{"1930..1933 decade [early 1930’s]"}},
		{"late decade", "In the late 1920s, trade grew.", []string{"1927..1929 decade [late 1920s]"}},
		{"mid decade left out", "In the mid-1930s, trade grew.", []string{}},
		{"hundreds left out", "In the 1900s, trade grew.", []string{}},
		// Eras.
		{"b.c.e.", "Caesar was killed in 44 b.c.e. by senators.", []string{"-0043 year [44 b.c.e.]"}},
		{"BCE", "Caesar was killed in 44 BCE.", []string{"-0043 year [44 BCE]"}},
		{"B.C.", "Rome was founded in 753 B.C. by tradition.", []string{"-0752 year [753 B.C.]"}},
		{"c.e.", "Alaric sacked Rome in 410 c.e.", []string{"0410 year [410 c.e.]"}},
		{"CE", "The empire fell in 476 CE.", []string{"0476 year [476 CE]"}},
		{"A.D. before", "The city fell in A.D. 410.", []string{"0410 year [A.D. 410]"}},
		{"1 BCE", "It happened in 1 b.c.e. or so.", []string{"0000 year [1 b.c.e.]"}},
		{"BCE full date", "He won at Actium on September 2, 31 b.c.e.", []string{"-0030-09-02 day [September 2, 31 b.c.e.]"}},
		{"BCE month", "He crossed the Rubicon in January of 49 b.c.e.", []string{"-0048-01 month [January of 49 b.c.e.]"}},
		{"BCE range", "The war of 100-44 b.c.e. is a fiction.", []string{"-0099..-0043 year [100-44 b.c.e.]"}},
		{"era change range", "The principate of 27 b.c.e.-14 c.e. began.", []string{"-0026..0014 year [27 b.c.e.-14 c.e.]"}},
		{"around", "The Gauls sacked Rome around 390 b.c.e.", []string{"-0389 year [390 b.c.e.]"}},
		{"bare three-digit year", "Rome fell in 476, and the west with it.", []string{"0476 year [476]"}},
		// Relative phrases with a year in the same sentence.
		{"the following year", "Lenin returned in 1917, and the following year the czar died.",
			[]string{"1917 year [1917]", "1918 year [the following year]"}},
		{"later that year", "It began in 1917 and ended later that year.", []string{"1917 year [1917]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := extract(tt.in)
			for _, e := range evs {
				checkEvent(t, e)
			}
			if got := tlBriefs(evs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTimelineNotDates(t *testing.T) {
	tests := []string{
		"By nightfall the British had suffered 57,470 casualties, of whom 19,240 were killed.",
		"Some 1,500 British guns fired about 1.5 million shells.",
		"At 7:30 a.m. the infantry advanced.",
		"The Soviet issued Order No. 1, placing units under committees.",
		"A U-2 was shot down; B-52 bombers flew.",
		"The 1st Newfoundland Regiment and the 36th (Ulster) Division suffered.",
		"Relations improved throughout the 20th century.",
		"A force of 1500 men held the pass.",
		"Flight 1549 landed on the river.",
		"The loan was $1933 in all, some 20% of the sum.",
		"The 1500-mile border was closed.",
		"The February Revolution is often remembered.",
		"It may rain, and the March on Rome began.",
		"The Ides of March has remained a byword for betrayal.",
		"March was cold.",
		"Then he spoke to June Carter.",
		"He had 300 ships and 40 galleys.",
		"The vote was 410 to 12.",
		"Throughout the decade trade grew.",
		"Interstate 1933 was never built.",
		"The town had a population of 1800 and some 1200 horses.",
		"The play was written by August Strindberg.",
		"Some 1500-2000 men and $1914-1918 were lost.",
		"In the first half of 49 he marched.",
	}
	for _, in := range tests {
		if evs := extract(in); len(evs) > 0 {
			t.Errorf("%q gave %q, want no event", in, tlBriefs(evs))
		}
	}
}

func TestTimelineLifespans(t *testing.T) {
	evs, _ := Extract(paras(
		"The election of Franklin D. Roosevelt (1882-1945) changed the policy in 1933.",
		"Cordell Hull (b. 1871) and Nicholas II (r. 1894-1917) and Calpurnia (fl. 59 b.c.e.) were there in 1934.",
		"Stalin (1878-1953) ruled.",
	), Article{Lives: []Life{{Born: 1878, Died: 1953}}})
	got := tlBriefs(evs)
	want := []string{"1933 year [1933]", "1934 year [1934]"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestTimelineResolution(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		date  cal.Date // the fallback, if any
		want  []string
	}{
		{"same paragraph", []string{"During the first half of 1933, studies were made. Talks began on November 9."},
			cal.Date{}, []string{"1933-01..1933-06 month [first half of 1933]", "1933-11-09 day [November 9]"}},
		{"previous paragraph", []string{"Litvinov became foreign minister in 1930.", "Talks began in mid-October."},
			cal.Date{}, []string{"1930 year [1930]", "1930-10 month [mid-October]"}},
		{"nearest preceding, not first", []string{"He was born in 1882 and elected in 1932.", "He took office in March."},
			cal.Date{}, []string{"1882 year [1882]", "1932 year [1932]", "1932-03 month [March]"}},
		{"a look back is not the context", []string{"By the treaty of May 30, 1814, France returned to its borders of 1792. Delegates arrived in late September."},
			cal.Date{}, []string{"1792 year [1792]", "1814-05-30 day [May 30, 1814]", "1814-09 month [late September]"}},
		{"a look back that opens a sentence is", []string{"The treaty was signed on May 30, 1814. In 1792, France had declared war in April."},
			cal.Date{}, []string{"1792 year [1792]", "1792-04 month [April]", "1814-05-30 day [May 30, 1814]"}},
		{"range end gives the year", []string{"The winter of 1916-1917 was cold; the upheaval came in late February."},
			cal.Date{}, []string{"1916..1917 year [1916-1917]", "1917-02 month [late February]"}},
		{"decades give no year", []string{"The war ended in 1918.", "In the 1920s trade grew; in May it fell."},
			cal.Date{}, []string{"1918 year [1918]", "1918-05 month [May]", "1920..1929 decade [1920s]"}},
		{"bare months need a cue", []string{"In 1917 Lenin arrived.", "The February Revolution spread in April and by May."},
			cal.Date{}, []string{"1917 year [1917]", "1917-04 month [April]", "1917-05 month [May]"}},
		{"coordinated months share a year", []string{"It began in 1916.", "Strikes spread in March and April, 1917."},
			cal.Date{}, []string{"1916 year [1916]", "1917-03 month [March]", "1917-04 month [April, 1917]"}},
		{"later year in the sentence", []string{"He was killed on the Ides of March in 44 BCE.", "On March 17 the senate met."},
			cal.Date{}, []string{"-0043 year [44 BCE]", "-0043-03-17 day [March 17]"}},
		{"Date line fallback", []string{"Talks began on November 9 in Washington."},
			cal.DateOf(1933, 11, 16), []string{"1933-11-09 day [November 9]"}},
		{"no year at all", []string{"Talks began on November 9 in Washington."}, cal.Date{}, []string{}},
		{"BCE context for days", []string{"On the morning of March 15, 44 b.c.e., he died.", "On March 17 the senate met; in July a comet appeared."},
			cal.Date{}, []string{"-0043-03-15 day [March 15, 44 b.c.e.]", "-0043-03-17 day [March 17]", "-0043-07 month [July]"}},
		{"BCE context for bare years", []string{"He was consul in 59 b.c.e.", "In 49, he crossed the Rubicon."},
			cal.Date{}, []string{"-0058 year [59 b.c.e.]", "-0048 year [49]"}},
		{"soft cue needs an era", []string{"Constantine founded the city in 330 c.e.", "By 400 the west was weak."},
			cal.Date{}, []string{"0330 year [330 c.e.]", "0400 year [400]"}},
		{"soft cue without an era", []string{"It happened in 1917.", "Prices rose by 400 and fell to 300."},
			cal.Date{}, []string{"1917 year [1917]"}},
		{"bare two-digit year needs an era", []string{"He lived in 1917.", "In 49, he crossed the river."},
			cal.Date{}, []string{"1917 year [1917]"}},
		{"CE after BCE", []string{"He was born in 63 b.c.e. and died in 14 c.e.", "In 15 the senate met."},
			cal.Date{}, []string{"-0062 year [63 b.c.e.]", "0014 year [14 c.e.]", "0015 year [15]"}},
		{"following year", []string{"The treaty was signed in 1933.", "The following year the Soviets joined the League."},
			cal.Date{}, []string{"1933 year [1933]", "1934 year [The following year]"}},
		{"following year in BCE", []string{"He died in 44 b.c.e.", "The following year his heirs fought."},
			cal.Date{}, []string{"-0043 year [44 b.c.e.]", "-0042 year [The following year]"}},
		{"a relative year moves the context", []string{"It was signed in 1933.", "The next year it failed; in May they met."},
			cal.Date{}, []string{"1933 year [1933]", "1934 year [The next year]", "1934-05 month [May]"}},
		{"next day", []string{"On March 7, 1917, workers were locked out. The next day, March 8, women marched. The next day they struck."},
			cal.Date{}, []string{"1917-03-07 day [March 7, 1917]", "1917-03-08 day [March 8]", "1917-03-09 day [The next day]"}},
		{"same day", []string{"He abdicated on March 15, 1917. The same day a government formed."},
			cal.Date{}, []string{"1917-03-15 day [March 15, 1917]", "1917-03-15 day [The same day]"}},
		{"next day across a month", []string{"It fell on February 28, 1917. The next day it rose."},
			cal.Date{}, []string{"1917-02-28 day [February 28, 1917]", "1917-03-01 day [The next day]"}},
		{"next day without a day", []string{"It fell in 1917. The next day it rose."},
			cal.Date{}, []string{"1917 year [1917]"}},
		{"from to without year", []string{"The battle opened in 1916.", "They held the wood from July 15 to July 20."},
			cal.Date{}, []string{"1916 year [1916]", "1916-07-15..1916-07-20 day [July 15 to July 20]"}},
		{"a short number after a date is no year", []string{"It began in 1902.", "He moved on March 5, 10 Downing Street being free."},
			cal.Date{}, []string{"1902 year [1902]", "1902-03-05 day [March 5]"}},
		{"impossible day", []string{"It fell on February 30, 1917."}, cal.Date{}, []string{}},
		{"leap day", []string{"It fell on February 29, 1916, and on February 29, 1900."}, cal.Date{}, []string{"1916-02-29 day [February 29, 1916]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs, _ := Extract(paras(tt.paras...), Article{Date: tt.date})
			for _, e := range evs {
				checkEvent(t, e)
			}
			if got := tlBriefs(evs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("%q\n got %q\nwant %q", tt.paras, got, tt.want)
			}
		})
	}
}

func TestTimelineOrderAndDuplicates(t *testing.T) {
	evs := extract(
		"The war ended in 1918. It began on August 1, 1914, and in 1914 it spread.",
		"The war ended in 1918. It began on August 1, 1914, and in 1914 it spread.",
		"In 1914 and in 1914 again, war came.",
		"The war of 1914-1918 and the 1910s changed Europe; in 1914 it began.",
	)
	got := []string{}
	for _, e := range evs {
		got = append(got, tlBrief(e)+" "+e.Para)
	}
	want := []string{
		"1910..1919 decade [1910s] p4",
		"1914 year [1914] p1",
		"1914 year [1914] p3",
		"1914 year [1914] p4",
		"1914..1918 year [1914-1918] p4",
		"1914-08-01 day [August 1, 1914] p1",
		"1918 year [1918] p1",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestTokenize(t *testing.T) {
	in := "On Nov. 9, 57,470 men (U.S.) saw 1920’s 1.5 7:30 36th b.c.e., 1 931."
	var got []string
	for _, tk := range tokenize(in, nil) {
		got = append(got, fmt.Sprintf("%d:%s", tk.kind, in[tk.s:tk.e]))
	}
	want := strings.Fields("0:On 0:Nov 5:. 1:9 5:, 2:57,470 0:men 5:( 0:U.S. 5:) 0:saw 4:1920’s 2:1.5 2:7:30 3:36th 0:b.c.e. 5:, 1:1 1:931 5:.")
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// The look-back guard holds within a paragraph: the next one may go back.
func TestTimelineLookBackScope(t *testing.T) {
	for _, tt := range []struct {
		paras []string
		want  string
	}{
		{[]string{"It ended on May 30, 1814; the plan, drafted in 1812, had failed in April."}, "1814-04"},
		{[]string{"It ended on May 30, 1814.", "The plan, drafted in 1812, failed in April."}, "1812-04"},
	} {
		var got []string
		for _, e := range extract(tt.paras...) {
			if e.Phrase == "April" {
				got = append(got, e.Start.ISO())
			}
		}
		if !reflect.DeepEqual(got, []string{tt.want}) {
			t.Errorf("%q: April is %q, want %s", tt.paras, got, tt.want)
		}
	}
}

// readArticle reads an article's front matter and body: front paragraphs "a1"…, body paragraphs
// "p1"…, with the article's Date.
func readArticle(date cal.Date, front, body []string) []Event {
	var ps []Paragraph
	for i, t := range front {
		ps = append(ps, Paragraph{ID: fmt.Sprintf("a%d", i+1), Line: i + 1, Text: t, Part: Abstract})
	}
	for i, t := range body {
		ps = append(ps, Paragraph{ID: fmt.Sprintf("p%d", i+1), Line: 100 + i, Text: t})
	}
	evs, _ := Extract(ps, Article{Date: date})
	return evs
}

// Years in the article's astronomical numbering, for the tables below.
var (
	bce490 = cal.DateOf(-489, 9, 0)   // September, 490 b.c.e.
	bce44  = cal.DateOf(-43, 3, 15)   // March 15, 44 b.c.e.
	ce410  = cal.DateOf(410, 8, 24)   // August 24, 410
	ce532  = cal.DateOf(532, 1, 13)   // January 13, 532
	ce664  = cal.DateOf(664, 0, 0)    // 664 c.e.
	ce1066 = cal.DateOf(1066, 10, 14) // October 14, 1066
	ce1605 = cal.DateOf(1605, 11, 5)
	ce1831 = cal.DateOf(1831, 10, 26)
	ce1917 = cal.DateOf(1917, 3, 8)
	ce1933 = cal.DateOf(1933, 11, 16)
)

// TestTimelineArticles checks what an article's own date decides, class by class, in
// articles of both eras, of the first millennium and of modern times.
func TestTimelineArticles(t *testing.T) {
	tests := []struct {
		name        string
		date        cal.Date
		front, body []string
		want        []string
	}{
		// An era marker belongs to its own year; a bare year takes its sentence's era, else
		// the article's.
		{"one BCE date leaves later years CE", ce664, nil,
			[]string{"Caesar had first landed in 55 BCE. Christianity came after 43, and the abbey was finished in 690."},
			[]string{"-0054 year [55 BCE]", "0043 year [43]", "0690 year [690]"}},
		{"nor the years of a modern article", ce1066, nil,
			[]string{"The Romans had first landed in 55 BCE, and the abbey was finished in 1090."},
			[]string{"-0054 year [55 BCE]", "1090 year [1090]"}},
		{"one CE date leaves a BCE article BCE", bce490, nil,
			[]string{"Pausanias saw the field around 160 c.e. The mound over the dead was raised in 490."},
			[]string{"-0489 year [490]", "0160 year [160 c.e.]"}},
		{"a BCE article's years", bce44, nil,
			[]string{"Rome was founded in 753, and the kings were expelled in 509."},
			[]string{"-0752 year [753]", "-0508 year [509]"}},
		{"a modern year in a BCE article", bce490, nil,
			[]string{"The first marathon race was run at Athens in 1896."},
			[]string{"1896 year [1896]"}},
		{"a bare year joined to a marked one", ce664, nil,
			[]string{"Caesar crossed to Britain in 55 and 54 BCE."},
			[]string{"-0054 year [55]", "-0053 year [54 BCE]"}},
		{"a sentence marks its own years", ce410, nil,
			[]string{"The Gauls took Rome around 390 BCE, and the city rebuilt its walls by 378.", "The Goths came in 408."},
			[]string{"-0389 year [390 BCE]", "-0377 year [378]", "0408 year [408]"}},
		{"a marker does not carry to other times", ce664, nil,
			[]string{"Caesar landed in 55 BCE, and the abbey was finished in 690. The annals record a famine in 700, and the potato was grown since around 5000 BCE."},
			[]string{"-4999 year [5000 BCE]", "-0054 year [55 BCE]", "0690 year [690]", "0700 year [700]"}},
		{"a year-less date after a BCE year", ce664, nil,
			[]string{"Caesar landed in 55 BCE, and on August 26 he met the Britons."},
			[]string{"-0054 year [55 BCE]", "-0054-08-26 day [August 26]"}},

		// In an article of the first millennium, numbers after a cue are years unless they count.
		{"a year before a verb", ce664, nil,
			[]string{"A synod in 664 decided the question. Paulinus in 627 baptized King Edwin, and Theodore by 672 had gathered the bishops."},
			[]string{"0627 year [627]", "0664 year [664]", "0672 year [672]"}},
		{"a month of a short year", ce664, nil,
			[]string{"Augustine in March of 597 landed in Kent."},
			[]string{"0597-03 month [March of 597]"}},
		{"counts stay counts", ce664, nil,
			[]string{"The community was served by 30 monks, who preached in 40 settlements. The fleet came in 300 ships, and the army crossed in 200 small boats."},
			[]string{}},
		{"a count after the year", ce664, nil,
			[]string{"In 787 three ships landed, and Alcuin in 793 sent letters of comfort."},
			[]string{"0787 year [787]", "0793 year [793]"}},
		{"in a BCE article", bce490, nil,
			[]string{"Darius in 492 sent Mardonius through Thrace, and the revolt was crushed by 494."},
			[]string{"-0493 year [494]", "-0491 year [492]"}},
		{"a modern article keeps the stricter rule", ce1917, nil,
			[]string{"A council in 664 decided it. The strike spread by 300 workshops, and 300 workers marched in 1917."},
			[]string{"1917 year [1917]"}},

		// Relative years count from the narrative's year and agree with their sentence.
		{"a look ahead is not the narrative", ce1605, nil,
			[]string{"The cellars were searched on November 5, 1605. Cecil, who would die in 1612, shaped the story. The following year, on January 27, 1606, the trial began."},
			[]string{"1605-11-05 day [November 5, 1605]", "1606-01-27 day [January 27, 1606]", "1612 year [1612]"}},
		{"a relative year the sentence bounds", ce1831, nil,
			[]string{"The fever reached Sunderland in October, 1831. Latta, who would die in 1833, tried saline. Ireland was struck the following year, and by April of 1832 Dublin was full."},
			[]string{"1831-10 month [October, 1831]", "1832 year [the following year]", "1832-04 month [April of 1832]", "1833 year [1833]"}},
		{"the year before a flash forward", ce532, nil,
			[]string{"The riots ended on January 18, 532. Tribonian was back in office by 535. Belisarius sailed the following year, and by September of 533 he had entered Carthage."},
			[]string{"0532-01-18 day [January 18, 532]", "0533 year [the following year]", "0533-09 month [September of 533]", "0535 year [535]"}},
		{"a month of a relative year", ce1831, nil,
			[]string{"Parliament met in 1846, and in March of that year the works opened; in May of the following year they closed."},
			[]string{"1846 year [1846]", "1846-03 month [March of that year]", "1847-05 month [May of the following year]"}},
		{"a BCE range counts down", bce490, nil,
			[]string{"The plague returned in the winter of 427-426 and then died away."},
			[]string{"-0426..-0425 year [427-426]"}},
		{"counted back from BCE years", bce490, nil,
			[]string{"The fleet won at Salamis in September of 480, and the following year the allies won at Plataea."},
			[]string{"-0479-09 month [September of 480]", "-0478 year [the following year]"}},
		{"years later", bce490, nil,
			[]string{"Darius in 492 sent Mardonius. Two years later Datis crossed the Aegean. A year later nothing happened, and some twenty years later the story was told."},
			[]string{"-0491 year [492]", "-0489 year [Two years later]", "-0488 year [A year later]"}},
		{"a relative year nothing agrees with", ce1917, nil,
			[]string{"A treaty was signed in 1920. A revolt broke out in 1925. The following year, and by 1919, the army had gone."},
			[]string{"1919 year [1919]", "1920 year [1920]", "1925 year [1925]"}},

		// Commentary is not an event.
		{"judging an event told elsewhere", ce664, nil,
			[]string{"The synod met at Whitby in 664. The synod of 664 has often been treated as a turning point. Oswiu’s decision in 664 reflected political calculation."},
			[]string{"0664 year [664]"}},
		{"a possessive subject", bce490, nil,
			[]string{"War began in 431. Thucydides’ account in 431 was a model of description."},
			[]string{"-0430 year [431]"}},
		{"an act's legacy", ce1831, nil,
			[]string{"Parliament passed a Cholera Act in February, 1832. The 1832 Cholera Act had a mixed legacy."},
			[]string{"1832-02 month [February, 1832]"}},
		{"characterising a period", ce1831, nil,
			[]string{"The government’s response during the 1830s showed how weak it was. The Roman strategy after 1832 was a new patience."},
			[]string{}},
		{"the only statement of an event stays", ce1933, nil,
			[]string{"The 1932 election of Franklin D. Roosevelt as president was the deciding factor."},
			[]string{"1932 year [1932]"}},
		{"executions within a month", ce1917, nil,
			[]string{"Between May 3 and May 12, 1916, fifteen men were shot. The executions of May 1916 proved a catastrophe."},
			[]string{"1916-05-03..1916-05-12 day [May 3 and May 12, 1916]"}},
		{"narrative verbs stay", ce1917, nil,
			[]string{"The war began in 1648. The treaty of 1648 ended the war. In 1648 the peace was a relief."},
			[]string{"1648 year [1648]", "1648 year [1648]", "1648 year [1648]"}},

		// One event, one row: the body's.
		{"the article's own event", bce490,
			[]string{"In 490 BCE an Athenian army defeated a Persian expedition."},
			[]string{"The battle was fought on September 12, 490 b.c.e."},
			[]string{"-0489-09-12 day [September 12, 490 b.c.e.]"}},
		{"a front-only event stays", bce490,
			[]string{"Silver was struck at Laurium in 483 BCE."},
			[]string{"The battle was fought on September 12, 490 b.c.e."},
			[]string{"-0489-09-12 day [September 12, 490 b.c.e.]", "-0482 year [483 BCE]"}},
		{"the same day", cal.DateOf(793, 6, 8),
			[]string{"On June 8, 793, raiders landed on Lindisfarne."},
			[]string{"Norse raiders sacked the monastery on June 8, 793."},
			[]string{"0793-06-08 day [June 8, 793]"}},
		{"a more precise body row", ce532,
			[]string{"He built the Hagia Sophia, consecrated in 537."},
			[]string{"The new church was dedicated on December 27, 537."},
			[]string{"0537-12-27 day [December 27, 537]"}},
		{"another event of the same month stays", ce1933,
			[]string{"In March 1933 Roosevelt took office in Washington."},
			[]string{"In March 1933 the Reichstag passed the Enabling Act."},
			[]string{"1933-03 month [March 1933]", "1933-03 month [March 1933]"}},
		{"another event of a year the body tells more of", ce1831,
			[]string{"In 1846 the Peel government fell over the Corn Laws."},
			[]string{"The blight returned in August, 1846.", "In October, 1846, the public works employed many."},
			[]string{"1846 year [1846]", "1846-08 month [August, 1846]", "1846-10 month [October, 1846]"}},
		{"a restatement sharing its words", ce1917,
			[]string{"The executions of fifteen leaders in May 1916 turned opinion."},
			[]string{"Between May 3 and May 12, 1916, fifteen men were shot."},
			[]string{"1916-05-03..1916-05-12 day [May 3 and May 12, 1916]"}},

		// Parts of a year.
		{"first half", ce1933, nil, []string{"During the first half of 1933 studies were made."},
			[]string{"1933-01..1933-06 month [first half of 1933]"}},
		{"second half", ce1933, nil, []string{"In the second half of 1989 the regimes fell."},
			[]string{"1989-07..1989-12 month [second half of 1989]"}},
		{"a quarter", ce1917, nil, []string{"In the third quarter of 1916 the offensive stalled."},
			[]string{"1916-07..1916-09 month [third quarter of 1916]"}},
		{"half of a short year", ce532, nil, []string{"During the first half of 533 the fleet was fitted out."},
			[]string{"0533-01..0533-06 month [first half of 533]"}},
		{"a winter across two years stays a span of years", ce1831, nil, []string{"The winter of 1846–1847 was the worst."},
			[]string{"1846..1847 year [1846–1847]"}},
		{"a season stays its year", ce532, nil, []string{"The plague reached the capital in the spring of 542."},
			[]string{"0542 year [542]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := readArticle(tt.date, tt.front, tt.body)
			for _, e := range evs {
				checkEvent(t, e)
			}
			if got := tlBriefs(evs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("front %q\nbody %q\n got %q\nwant %q", tt.front, tt.body, got, tt.want)
			}
		})
	}
}
