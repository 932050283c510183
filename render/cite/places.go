package cite

import (
	"strconv"
	"strings"
)

// postalCodes maps the traditional abbreviations and full names of US states, the District
// of Columbia and Canadian provinces to the two-letter postal codes that Chicago prefers
// (CMOS 14.130, 10.28).
var postalCodes = map[string]string{
	"Ala.": "AL", "Alabama": "AL", "Alaska": "AK", "Ariz.": "AZ", "Arizona": "AZ",
	"Ark.": "AR", "Arkansas": "AR", "Calif.": "CA", "Cal.": "CA", "California": "CA",
	"Colo.": "CO", "Colorado": "CO", "Conn.": "CT", "Connecticut": "CT", "Del.": "DE",
	"Delaware": "DE", "D.C.": "DC", "D. C.": "DC", "Fla.": "FL", "Florida": "FL", "Ga.": "GA",
	"Georgia": "GA", "Hawaii": "HI", "Idaho": "ID", "Ill.": "IL", "Illinois": "IL", "Ind.": "IN",
	"Indiana": "IN", "Iowa": "IA", "Kans.": "KS", "Kan.": "KS", "Kansas": "KS", "Ky.": "KY",
	"Kentucky": "KY", "La.": "LA", "Louisiana": "LA", "Maine": "ME", "Me.": "ME", "Md.": "MD",
	"Maryland": "MD", "Mass.": "MA", "Massachusetts": "MA", "Mich.": "MI", "Michigan": "MI",
	"Minn.": "MN", "Minnesota": "MN", "Miss.": "MS", "Mississippi": "MS", "Mo.": "MO",
	"Missouri": "MO", "Mont.": "MT", "Montana": "MT", "Nebr.": "NE", "Neb.": "NE",
	"Nebraska": "NE", "Nev.": "NV", "Nevada": "NV", "N.H.": "NH", "New Hampshire": "NH",
	"N.J.": "NJ", "New Jersey": "NJ", "N.Mex.": "NM", "N. Mex.": "NM", "N.M.": "NM",
	"New Mexico": "NM", "N.Y.": "NY", "New York": "NY", "N.C.": "NC", "North Carolina": "NC",
	"N.Dak.": "ND", "N. Dak.": "ND", "N.D.": "ND", "North Dakota": "ND", "Ohio": "OH",
	"Okla.": "OK", "Oklahoma": "OK", "Oreg.": "OR", "Ore.": "OR", "Oregon": "OR", "Pa.": "PA",
	"Penn.": "PA", "Penna.": "PA", "Pennsylvania": "PA", "R.I.": "RI", "Rhode Island": "RI",
	"S.C.": "SC", "South Carolina": "SC", "S.Dak.": "SD", "S. Dak.": "SD", "S.D.": "SD",
	"South Dakota": "SD", "Tenn.": "TN", "Tennessee": "TN", "Tex.": "TX", "Texas": "TX",
	"Utah": "UT", "Vt.": "VT", "Vermont": "VT", "Va.": "VA", "Virginia": "VA", "Wash.": "WA",
	"W.Va.": "WV", "W. Va.": "WV", "West Virginia": "WV", "Wis.": "WI", "Wisc.": "WI",
	"Wisconsin": "WI", "Wyo.": "WY", "Wyoming": "WY",
	"Alta.": "AB", "Alberta": "AB", "Man.": "MB", "Manitoba": "MB", "N.B.": "NB",
	"New Brunswick": "NB", "Nfld.": "NL", "N.S.": "NS", "Nova Scotia": "NS", "Ont.": "ON",
	"Ontario": "ON", "P.E.I.": "PE", "Que.": "QC", "Quebec": "QC", "Québec": "QC",
	"Sask.": "SK", "Saskatchewan": "SK",
}

// postalPlace writes the state of "City, State" as its postal code ("Waltham, Mass." is
// "Waltham, MA"). Other places ("Cambridge, England", "London") are kept as written.
func postalPlace(place string) string {
	i := strings.LastIndex(place, ", ")
	if i < 0 {
		return place
	}
	if code, ok := postalCodes[strings.TrimSpace(place[i+2:])]; ok {
		return place[:i+2] + code
	}
	return place
}

// pageRange splits "191-199" (hyphen or en dash) into its numbers; ok is false for anything
// else ("S12-S20", "xii", "45, 67").
func pageRange(p string) (a, b string, ok bool) {
	p = strings.TrimSpace(p)
	i := strings.IndexAny(p, "-–")
	if i <= 0 {
		return "", "", false
	}
	a = p[:i]
	b = strings.TrimLeft(p[i:], "-–")
	if !allDigits(a) || !allDigits(b) {
		return "", "", false
	}
	return a, b, true
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// shortSecond returns the last digits of b that differ from a: at least min digits, more if
// the digits before them differ ("1496", "1500", 2 gives "500"). A longer b is kept whole.
func shortSecond(a, b string, min int) string {
	if len(a) != len(b) {
		return b
	}
	for k := min; k < len(b); k++ {
		if a[:len(a)-k] == b[:len(b)-k] {
			return b[len(b)-k:]
		}
	}
	return b
}

// chicagoPages abbreviates a page range as CMOS 9.61 does, with an en dash: 3–10, 71–72,
// 96–117, 100–104, 1100–1113, 101–8, 808–33, 1103–4, 321–28, 498–532, 1087–89, 1496–500.
func chicagoPages(p string) string {
	a, b, ok := pageRange(p)
	if !ok {
		return strings.ReplaceAll(p, "-", "–")
	}
	n, _ := strconv.Atoi(a)
	switch {
	case n < 100 || n%100 == 0:
		return a + "–" + b
	case n%100 < 10:
		s := shortSecond(a, b, 1)
		return a + "–" + strings.TrimLeft(s[:len(s)-1], "0") + s[len(s)-1:]
	}
	return a + "–" + shortSecond(a, b, 2)
}

// mlaPages writes "pp. 191-99" as MLA 9 does (2.140): the second number whole through 99,
// then its last two digits unless more are needed (96-101, 103-04, 923-1003, 1608-774).
func mlaPages(p string) string {
	a, b, ok := pageRange(p)
	if !ok {
		if strings.ContainsAny(p, "-–,") {
			return "pp. " + strings.ReplaceAll(p, "–", "-")
		}
		return "p. " + p
	}
	n, _ := strconv.Atoi(a)
	if n < 100 {
		return "pp. " + a + "-" + b
	}
	return "pp. " + a + "-" + shortSecond(a, b, 2)
}

// apaPages writes a page range in full with an en dash (APA 9.52: 191–199).
func apaPages(p string) string {
	return strings.ReplaceAll(p, "-", "–")
}
