package bib

import (
	"regexp"
	"strconv"
	"strings"

	"galley/source/cal"
)

// The zone between the head of an entry and its facts of publication holds the title and
// then the modifiers: "Translated by X.", "Edited by X.", "2d ed.", "1939. Reprint.",
// "Vol. 2." The title runs up to the first sentence that is a modifier, so titles with
// periods of their own ("The Comet of 44 B.C. and Caesar's Funeral Games") need no list of
// every abbreviation: a period ends the title only where a modifier follows it.

// zoneInfo is what the zone says besides its title.
type zoneInfo struct {
	// titleEnd is where the title text ends (before the first modifier); len(zone) when
	// there is no modifier.
	titleEnd    int
	editors     []Name
	translators []Name
	edition     string
	volume      string
	// year is a sentence that is only a year ("1939."): the original date of a reprint, or
	// the date itself when the entry has no facts of publication.
	year    *DateParts
	reprint bool
	// original is a date from "First published 1939." or "Reprint of the 1939 edition."
	original *DateParts
	// end is where the last modifier ends (0 when there is none).
	end int
}

// modKind is the kind of a modifier sentence.
type modKind int

const (
	modNone modKind = iota
	modEditor
	modTranslator
	modEdTrans
	modContributor // introduction, foreword: names that CSL's item has no place for
	modEdition
	modReprint
	modYear
	modOriginal
	modVolume
	modVolumes
)

// modifier is a recognised modifier sentence.
type modifier struct {
	kind modKind
	// names is where the names begin (for name modifiers); end is where the match ends.
	names, end int
	value      string
}

var (
	// One leading ^ for the whole pattern: Go's regexp stops at the first byte only for a
	// pattern anchored as a whole, and this one runs at every sentence start.
	modNameRE = cal.Lazy(`^(?:(?:` +
		`(Edited and translated|Translated and edited|Edited, translated|Translated, edited)|` +
		`(Translated|Trans\.|Tr\.)|` +
		`(Edited|Ed\.|Eds\.|Compiled|Selected and edited|Compiled and edited)|` +
		`((?:With an? |An? )?(?:[Ii]ntroduction|[Ff]oreword|[Pp]reface|[Aa]fterword|[Nn]otes|[Ii]llustrations|[Ii]llustrated|[Cc]ommentary)))` +
		`(?:,? (?:and |with |and with |from |and introduced |and annotated |with an? )[^.]{0,80}?)? by |` +
		`(Trans\.|Ed\.|Eds\.) )`)
	modEditionRE = cal.Lazy(`^(?:(\d{1,3})(?:st|nd|rd|th|d)?|` +
		`(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth))` +
		`(?: (?:rev|revised|enl|enlarged|expanded|updated|corr|corrected|American|English|paperback)\.?(?: and (?:enl|enlarged|expanded|updated|corrected)\.?)?)? [Ee]d(?:\.|ition\b)`)
	modEditionTextRE = cal.Lazy(`^((?:Rev|Revised|Enl|Enlarged|Expanded|New|Updated|Abridged|` +
		`Unabridged|Reissue|Corrected|Anniversary|Paperback|Centennial)\.?(?: and (?:enl|enlarged|expanded|updated|corrected)\.?)? [Ee]d(?:\.|ition\b))`)
	modReprintRE  = cal.Lazy(`^(?:Reprint|Reprinted|Repr\.)(?: of (?:the )?(\d{4}) (?:ed\.|edition))?\.?(?: |$)`)
	modYearRE     = cal.Lazy(`^(?:\[)?(\d{4})(?:\])?\.(?: |$)`)
	modOriginalRE = cal.Lazy(`^(?:Originally|First|Orig\.) (?:published|pub\.)[^.]{0,120}?\b(\d{4})\b[^.]{0,80}\.(?: |$)`)
	modVolumeRE   = cal.Lazy(`^Vol(?:ume)?\.? ([0-9]+|[IVXLC]+)(?: of [^.]{1,200})?\.(?: |$)`)
	modVolumesRE  = cal.Lazy(`^(\d+) [Vv]ol(?:s|umes)?\.?(?: |$)`)
)

// modWindow bounds the text a modifier pattern sees.
const modWindow = 400

var ordinalWords = map[string]int{"First": 1, "Second": 2, "Third": 3, "Fourth": 4, "Fifth": 5,
	"Sixth": 6, "Seventh": 7, "Eighth": 8, "Ninth": 9, "Tenth": 10, "Eleventh": 11, "Twelfth": 12}

// matchModifier recognises a modifier sentence at z[i:]. It runs at every sentence start,
// so each pattern is tried only when the first byte can begin it.
func matchModifier(z string, i int) (modifier, bool) {
	rest := z[i:]
	if rest == "" {
		return modifier{}, false
	}
	// Every modifier pattern is far shorter than the window (names are read apart), so no
	// match reaches its end, and each try costs the same however long the line.
	rest = rest[:min(len(rest), modWindow)]
	c := rest[0]
	digit := c >= '0' && c <= '9'
	if strings.IndexByte("ETCSWAIFPNifpnac", c) >= 0 {
		if m := modNameRE().FindStringSubmatchIndex(rest); m != nil {
			kind := modContributor
			switch {
			case m[2] >= 0:
				kind = modEdTrans
			case m[4] >= 0 || (m[10] >= 0 && rest[m[10]] == 'T'):
				kind = modTranslator
			case m[6] >= 0 || m[10] >= 0:
				kind = modEditor
			}
			return modifier{kind: kind, names: i + m[1], end: i + m[1]}, true
		}
	}
	if digit || strings.IndexByte("FSTEN", c) >= 0 {
		if m := modEditionRE().FindStringSubmatch(rest); m != nil {
			v := m[1]
			if v == "" {
				v = strconv.Itoa(ordinalWords[m[2]])
			}
			return modifier{kind: modEdition, value: v, end: i + len(m[0])}, true
		}
	}
	if strings.IndexByte("RENUACP", c) >= 0 {
		if m := modEditionTextRE().FindStringSubmatch(rest); m != nil {
			v := m[1]
			if strings.HasSuffix(v, "edition") || strings.HasSuffix(v, "Edition") {
				v = v[:len(v)-len("edition")] + "ed."
			}
			return modifier{kind: modEdition, value: v, end: i + len(m[0])}, true
		}
	}
	var re *regexp.Regexp
	var kind modKind
	switch {
	case c == 'R':
		re, kind = modReprintRE(), modReprint
	case digit || c == '[':
		if m := modYearRE().FindStringSubmatch(rest); m != nil {
			return modifier{kind: modYear, value: m[1], end: i + len(strings.TrimRight(m[0], " "))}, true
		}
		re, kind = modVolumesRE(), modVolumes
	case c == 'O' || c == 'F':
		re, kind = modOriginalRE(), modOriginal
	case c == 'V':
		re, kind = modVolumeRE(), modVolume
	default:
		return modifier{}, false
	}
	if m := re.FindStringSubmatch(rest); m != nil {
		return modifier{kind: kind, value: m[1], end: i + len(strings.TrimRight(m[0], " "))}, true
	}
	return modifier{}, false
}

// advance returns the start of the sentence after the one at z[i:]: the next strong
// boundary, or a weak one that a modifier confirms; len(z) when there is none.
func advance(z string, i int) int {
	for {
		b, ok := nextBoundary(z, i)
		if !ok {
			return len(z)
		}
		if !b.Weak {
			return b.Next
		}
		if _, ok := matchModifier(z, b.Next); ok {
			return b.Next
		}
		i = b.End
	}
}

// scanZone reads the zone z. When titleFirst, its first sentence is the title and the title
// runs to the first modifier; otherwise every sentence that is not a modifier is skipped.
func scanZone(z string, titleFirst bool) zoneInfo {
	info := zoneInfo{titleEnd: -1}
	pos := 0
	if titleFirst {
		pos = advance(z, 0)
	} else {
		info.titleEnd = 0
	}
	for pos < len(z) {
		m, ok := matchModifier(z, pos)
		if !ok {
			pos = advance(z, pos)
			continue
		}
		if info.titleEnd < 0 {
			info.titleEnd = pos
		}
		end := m.end
		switch m.kind {
		case modEditor, modTranslator, modEdTrans, modContributor:
			names, n := parseNameList(z[m.names:])
			end = m.names + n
			switch m.kind {
			case modEditor:
				info.editors = append(info.editors, names...)
			case modTranslator:
				info.translators = append(info.translators, names...)
			case modEdTrans:
				info.editors = append(info.editors, names...)
				info.translators = append(info.translators, names...)
			}
		case modEdition:
			info.edition = m.value
		case modReprint:
			info.reprint = true
			if m.value != "" {
				info.original = yearParts(m.value)
			}
		case modYear:
			if info.year == nil {
				info.year = yearParts(m.value)
			}
		case modOriginal:
			info.original = yearParts(m.value)
		case modVolume:
			info.volume = m.value
		}
		info.end = end
		if end > 0 && end <= len(z) && atSentenceEnd(z, end) {
			pos = skipSpaces(z, end)
		} else {
			pos = advance(z, end)
		}
	}
	if info.titleEnd < 0 {
		info.titleEnd = len(z)
	}
	return info
}

// atSentenceEnd reports whether z[:end] ends a sentence: its last byte is '.', '?' or '!'
// and a space or the end of z follows.
func atSentenceEnd(z string, end int) bool {
	c := z[end-1]
	return (c == '.' || c == '?' || c == '!') && (end == len(z) || z[end] == ' ')
}

// yearParts makes a date of a four-digit year string.
func yearParts(y string) *DateParts {
	v, err := strconv.Atoi(y)
	if err != nil {
		return nil
	}
	return &DateParts{Parts: [][]int{{v}}}
}
