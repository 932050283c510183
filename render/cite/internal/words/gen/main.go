// Command gen writes the word lists that APA's sentence case consults (words.gz) and their
// licences, from the Debian packages of SCOWL and WordNet:
//
//	apt-get install wamerican wbritish wordnet-base
//	go generate ./render/cite/internal/words
//
// It reads SCOWL's size-50 American and British lists (/usr/share/dict/american-english and
// british-english: one word a line, proper nouns and adjectives with their capital) and
// WordNet 3.0's nouns (/usr/share/wordnet/data.noun), and writes three sorted lists:
//
//   - common: the words the lists write in lowercase ("revolution", "programme");
//   - caps: the words they write capitalised ("Kremlin", "Soviet", "Marathon"), so that a
//     word in caps and not in common is proper, and one in both may be either;
//   - names: WordNet's nouns of several words with a capitalised word that is also a common
//     word ("Great War", "Book of Common Prayer", "House of Lords"), which the single words
//     cannot tell are a name.
//
// Possessives ("Kremlin's") are left out. Each list is front-coded (a byte that says how
// many leading bytes an entry shares with the one before it, '0' for none, then the rest of
// the entry and a newline), the lists are separated by an empty line, and the whole is
// gzip-compressed.
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	american := flag.String("american", "/usr/share/dict/american-english", "SCOWL's American list (Debian's wamerican)")
	british := flag.String("british", "/usr/share/dict/british-english", "SCOWL's British list (Debian's wbritish)")
	nouns := flag.String("wordnet", "/usr/share/wordnet/data.noun", "WordNet's noun data (Debian's wordnet-base)")
	scowlDoc := flag.String("scowl-copyright", "/usr/share/doc/wamerican/copyright", "SCOWL's copyright file")
	wordnetDoc := flag.String("wordnet-copyright", "/usr/share/doc/wordnet-base/copyright", "WordNet's copyright file")
	out := flag.String("o", ".", "directory to write words.gz, LICENSE-SCOWL and LICENSE-WORDNET to")
	flag.Parse()
	if err := run(*american, *british, *nouns, *scowlDoc, *wordnetDoc, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(american, british, nouns, scowlDoc, wordnetDoc, out string) error {
	common, caps := map[string]bool{}, map[string]bool{}
	for _, path := range []string{american, british} {
		if err := readSCOWL(path, common, caps); err != nil {
			return err
		}
	}
	names, err := readNames(nouns, common)
	if err != nil {
		return err
	}
	var data bytes.Buffer
	zw, err := gzip.NewWriterLevel(&data, gzip.BestCompression)
	if err != nil {
		return err
	}
	for i, set := range []map[string]bool{common, caps, names} {
		if i > 0 {
			zw.Write([]byte("\n"))
		}
		if err := frontCode(zw, set); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	scowl, err := scowlLicence(scowlDoc)
	if err != nil {
		return err
	}
	wordnet, err := wordnetLicence(wordnetDoc)
	if err != nil {
		return err
	}
	for name, b := range map[string][]byte{"words.gz": data.Bytes(), "LICENSE-SCOWL": scowl, "LICENSE-WORDNET": wordnet} {
		if err := os.WriteFile(filepath.Join(out, name), b, 0o644); err != nil {
			return err
		}
	}
	fmt.Printf("%d common, %d capitalised, %d names: %d bytes\n", len(common), len(caps), len(names), data.Len())
	return nil
}

// readSCOWL adds the words of a SCOWL list to common (lowercase) and caps (capitalised).
func readSCOWL(path string, common, caps map[string]bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w (install wamerican and wbritish)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		w := strings.TrimSpace(sc.Text())
		if !utf8.ValidString(w) {
			return fmt.Errorf("%s:%d: not UTF-8", path, n)
		}
		if w == "" || strings.HasSuffix(w, "'s") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			caps[w] = true
		case unicode.IsLower(r):
			common[w] = true
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// readNames returns WordNet's noun lemmas of several words with a capitalised word that
// common has in lowercase.
func readNames(path string, common map[string]bool) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w (install wordnet-base)", err)
	}
	defer f.Close()
	names := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "  ") {
			continue // the licence at the top of the file
		}
		// offset lex_filenum ss_type w_cnt word lex_id [word lex_id ...] ...
		fs := strings.Fields(line)
		if len(fs) < 4 {
			return nil, fmt.Errorf("%s:%d: not a synset line", path, n)
		}
		cnt, err := strconv.ParseInt(fs[3], 16, 32)
		if err != nil || len(fs) < 4+2*int(cnt) {
			return nil, fmt.Errorf("%s:%d: bad word count %q", path, n, fs[3])
		}
		for i := 0; i < int(cnt); i++ {
			lemma := fs[4+2*i]
			if !strings.Contains(lemma, "_") {
				continue
			}
			ws := strings.Split(lemma, "_")
			if slices.ContainsFunc(ws, func(w string) bool {
				r, _ := utf8.DecodeRuneInString(w)
				return unicode.IsUpper(r) && common[strings.ToLower(w)]
			}) {
				names[strings.Join(ws, " ")] = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return names, nil
}

// maxShared bounds the shared-prefix count of an entry, so that it stays one printable byte.
const maxShared = 'z' - '0'

// frontCode writes a set's words sorted and front-coded, one a line.
func frontCode(w interface{ Write([]byte) (int, error) }, set map[string]bool) error {
	words := make([]string, 0, len(set))
	for s := range set {
		if strings.ContainsAny(s, "\n") {
			return errors.New("a word with a newline")
		}
		words = append(words, s)
	}
	slices.Sort(words)
	prev := ""
	var b bytes.Buffer
	for _, s := range words {
		k := 0
		for k < len(prev) && k < len(s) && k < maxShared && prev[k] == s[k] {
			k++
		}
		b.WriteByte(byte('0' + k))
		b.WriteString(s[k:])
		b.WriteByte('\n')
		prev = s
	}
	_, err := w.Write(b.Bytes())
	return err
}

// scowlLicence returns SCOWL's copyright and permission notices from the Debian copyright
// file: everything from the line that names SCOWL on.
func scowlLicence(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	k := bytes.Index(b, []byte("SCOWL (Spell Checker Oriented Word Lists)"))
	if k < 0 {
		return nil, fmt.Errorf("%s: no SCOWL notice", path)
	}
	return b[k:], nil
}

// wordnetLicence returns WordNet 3.0's licence from the Debian copyright file, as plain text.
func wordnetLicence(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	in := false
	for _, l := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(l, "License: WordNet3.0"):
			in = true
		case in && strings.HasPrefix(l, " ."):
			out.WriteString("\n")
		case in && strings.HasPrefix(l, " "):
			out.WriteString(l[1:] + "\n")
		case in:
			in = false
		}
	}
	if out.Len() == 0 {
		return nil, fmt.Errorf("%s: no WordNet licence", path)
	}
	return out.Bytes(), nil
}
