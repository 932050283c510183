package timeline

import (
	"reflect"
	"testing"
)

func sentenceTexts(text string) []string {
	var out []string
	for s, e := range sentences(text) {
		out = append(out, text[s:e])
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The talks began. They ended.", []string{"The talks began.", "They ended."}},
		{"trimmed", "  One.   Two.  ", []string{"One.", "Two."}},
		{"no terminator", "A fragment without end", []string{"A fragment without end"}},
		{"empty", "", nil},
		{"U.S. adjective", "Prior to this, U.S. officials had opposed the Bolsheviks. The U.S. also acted.",
			[]string{"Prior to this, U.S. officials had opposed the Bolsheviks.", "The U.S. also acted."}},
		{"U.S.-Soviet", "It helped mend U.S.-Soviet relations. Then it failed.",
			[]string{"It helped mend U.S.-Soviet relations.", "Then it failed."}},
		{"D.C. before a semicolon", "Washington, D.C.; Moscow, Soviet Union", []string{"Washington, D.C.; Moscow, Soviet Union"}},
		{"D.C. ends a sentence", "The march reached Washington, D.C. More than 200,000 came.",
			[]string{"The march reached Washington, D.C.", "More than 200,000 came."}},
		{"Mass. before a colon", "Waltham, Mass.: Blaisdell, 1970. Discusses the decision.",
			[]string{"Waltham, Mass.: Blaisdell, 1970.", "Discusses the decision."}},
		{"N.Y. before a colon", "Syracuse, N.Y.: Syracuse University Press, 1965.",
			[]string{"Syracuse, N.Y.: Syracuse University Press, 1965."}},
		{"b.c.e. mid-sentence", "In February of 44 b.c.e. he was named dictator.",
			[]string{"In February of 44 b.c.e. he was named dictator."}},
		{"b.c.e. ends a sentence", "It fell at Munda on March 17, 45 b.c.e. Between campaigns he reformed the calendar.",
			[]string{"It fell at Munda on March 17, 45 b.c.e.", "Between campaigns he reformed the calendar."}},
		{"B.C. ends a sentence", "Rome was founded in 753 B.C. The kings ruled.",
			[]string{"Rome was founded in 753 B.C.", "The kings ruled."}},
		{"A.D. before a number", "The city fell in A.D. 410. Rome mourned.",
			[]string{"The city fell in A.D. 410.", "Rome mourned."}},
		{"circa", "The press spread after c. 1450. Printers multiplied.",
			[]string{"The press spread after c. 1450.", "Printers multiplied."}},
		{"St.", "He reached St. Petersburg in March.", []string{"He reached St. Petersburg in March."}},
		{"initial", "The election of Franklin D. Roosevelt changed the policy.",
			[]string{"The election of Franklin D. Roosevelt changed the policy."}},
		{"two initials", "Sibley, Katherine A. S. Loans and Legitimacy.", []string{"Sibley, Katherine A. S. Loans and Legitimacy."}},
		{"a.m. mid-sentence", "At 7:30 a.m. on July 1, 1916, the infantry advanced.",
			[]string{"At 7:30 a.m. on July 1, 1916, the infantry advanced."}},
		{"p.m. ends a sentence", "The vote came at 9 p.m. The motion failed.",
			[]string{"The vote came at 9 p.m.", "The motion failed."}},
		{"era after an introductory phrase", "In 44 b.c.e. Caesar was killed. Rome mourned.",
			[]string{"In 44 b.c.e. Caesar was killed.", "Rome mourned."}},
		{"time after an introductory phrase", "On October 22 at 7 p.m. Kennedy spoke. The world listened.",
			[]string{"On October 22 at 7 p.m. Kennedy spoke.", "The world listened."}},
		{"No. 1", "On March 14 the Soviet issued Order No. 1, placing units under committees. It spread.",
			[]string{"On March 14 the Soviet issued Order No. 1, placing units under committees.", "It spread."}},
		{"No. before a number", "See No. 12 for details.", []string{"See No. 12 for details."}},
		{"month abbreviation", "It was signed on Sept. 1, 1939. War followed.",
			[]string{"It was signed on Sept. 1, 1939.", "War followed."}},
		{"World War I.", "Russia entered World War I. After that the czar fell.",
			[]string{"Russia entered World War I.", "After that the czar fell."}},
		{"closing quote", "He said, “Stop.” Then he left.", []string{"He said, “Stop.”", "Then he left."}},
		{"question and exclamation", "Really? Yes! It was.", []string{"Really?", "Yes!", "It was."}},
		{"ellipsis", "He waited… Nothing came.", []string{"He waited…", "Nothing came."}},
		{"lowercase goes on", "The words Et tu, Brute? were made famous.", []string{"The words Et tu, Brute? were made famous."}},
		{"decimal", "About 1.5 million shells fell. The wire held.", []string{"About 1.5 million shells fell.", "The wire held."}},
		{"year ends a sentence", "It ended in 1933. In 1934 it joined.", []string{"It ended in 1933.", "In 1934 it joined."}},
		{"opening quote", "It was over. “Normal relations” began.", []string{"It was over.", "“Normal relations” began."}},
		{"e.g.", "Companies, e.g. Ford, signed contracts.", []string{"Companies, e.g. Ford, signed contracts."}},
		{"Mr.", "Mr. Hull led the Americans.", []string{"Mr. Hull led the Americans."}},
		{"parenthesis", "They met (in secret.) Then they parted.", []string{"They met (in secret.)", "Then they parted."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
