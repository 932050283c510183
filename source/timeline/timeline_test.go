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
