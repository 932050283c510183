package cite

import (
	"encoding/json"
	"strings"
	"testing"

	"galley/internal/testkit"
	"galley/source"
	"galley/source/bib"
)

// styled writes an entry's runs with italics between asterisks, as the expectations below are
// written.
func styled(e Entry) string {
	var b strings.Builder
	for _, r := range e.Runs {
		if r.Italic {
			b.WriteString("*" + r.Text + "*")
		} else {
			b.WriteString(r.Text)
		}
	}
	return b.String()
}

// parseArticle parses a corpus article by file name ("a1.txt").
func parseArticle(t testing.TB, name string) *source.Document {
	t.Helper()
	doc, err := source.Parse(testkit.Read(t, "articles/"+name), source.Options{File: name})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// articleWant holds each article's bibliography in each style, written out from the style
// manuals: Chicago 17 (postal codes for states, abbreviated page ranges, 3-em dash for a
// repeated author), MLA 9 (no place, "UP", "et al.", three hyphens), APA 7 (initials,
// sentence case keeping the article's proper nouns, no place, "(Original work published)").
var articleWant = map[string]map[Style][]string{
	"000_89182373f193f4a0.txt": {
		Chicago: {
			"Bennett, Edward M. *Recognition of Russia: An American Foreign Policy Dilemma*. Waltham, Mass.: Blaisdell, 1970.",
			"Bishop, Donald G. *The Roosevelt-Litvinov Agreements: The American View*. Syracuse, N.Y.: Syracuse University Press, 1965.",
			"Farnsworth, Beatrice. *William C. Bullitt and the Soviet Union*. Bloomington: Indiana University Press, 1967.",
			"Gambone, Michael D. *Documents of American Diplomacy from the American Revolution to the Present*. Westport, Conn.: Greenwood Press, 2002.",
			"Glantz, Mary E. *FDR and the Soviet Union: The President’s Battles over Foreign Policy*. Lawrence: University Press of Kansas, 2005.",
			"Hull, Cordell. *The Memoirs of Cordell Hull*. New York: Macmillan, 1948.",
			"Morris, M. Wayne. *Stalin’s Famine and Roosevelt’s Recognition of Russia*. Lanham, Md.: University Press of America, 1994.",
			"Richman, John. *The United States and the Soviet Union: The Decision to Recognize*. Raleigh, N.C.: Camberleigh & Hall, 1980.",
			"Sibley, Katherine A. S. *Loans and Legitimacy: The Evolution of Soviet-American Relations, 1919-1933*. Lexington: University Press of Kentucky, 1996.",
			"Wilson, Joan H. *Ideology and Economics: U.S. Relations with the Soviet Union, 1917-1933*. Columbia: University of Missouri Press, 1974.",
		},
		MLA: {
			"Bennett, Edward M. *Recognition of Russia: An American Foreign Policy Dilemma*. Blaisdell, 1970.",
			"Bishop, Donald G. *The Roosevelt-Litvinov Agreements: The American View*. Syracuse UP, 1965.",
			"Farnsworth, Beatrice. *William C. Bullitt and the Soviet Union*. Indiana UP, 1967.",
			"Gambone, Michael D. *Documents of American Diplomacy from the American Revolution to the Present*. Greenwood Press, 2002.",
			"Glantz, Mary E. *FDR and the Soviet Union: The President’s Battles over Foreign Policy*. UP of Kansas, 2005.",
			"Hull, Cordell. *The Memoirs of Cordell Hull*. Macmillan, 1948.",
			"Morris, M. Wayne. *Stalin’s Famine and Roosevelt’s Recognition of Russia*. UP of America, 1994.",
			"Richman, John. *The United States and the Soviet Union: The Decision to Recognize*. Camberleigh & Hall, 1980.",
			"Sibley, Katherine A. S. *Loans and Legitimacy: The Evolution of Soviet-American Relations, 1919-1933*. UP of Kentucky, 1996.",
			"Wilson, Joan H. *Ideology and Economics: U.S. Relations with the Soviet Union, 1917-1933*. U of Missouri P, 1974.",
		},
		APA: {
			"Bennett, E. M. (1970). *Recognition of Russia: An American foreign policy dilemma*. Blaisdell.",
			"Bishop, D. G. (1965). *The Roosevelt-Litvinov agreements: The American view*. Syracuse University Press.",
			"Farnsworth, B. (1967). *William C. Bullitt and the Soviet Union*. Indiana University Press.",
			"Gambone, M. D. (2002). *Documents of American diplomacy from the American Revolution to the present*. Greenwood Press.",
			"Glantz, M. E. (2005). *FDR and the Soviet Union: The president’s battles over foreign policy*. University Press of Kansas.",
			"Hull, C. (1948). *The memoirs of Cordell Hull*. Macmillan.",
			"Morris, M. W. (1994). *Stalin’s famine and Roosevelt’s recognition of Russia*. University Press of America.",
			"Richman, J. (1980). *The United States and the Soviet Union: The decision to recognize*. Camberleigh & Hall.",
			"Sibley, K. A. S. (1996). *Loans and legitimacy: The evolution of Soviet-American relations, 1919-1933*. University Press of Kentucky.",
			"Wilson, J. H. (1974). *Ideology and economics: U.S. relations with the Soviet Union, 1917-1933*. University of Missouri Press.",
		},
	},
	"a1.txt": {
		Chicago: {
			"Gelzer, Matthias. *Caesar: Politician and Statesman*. Translated by Peter Needham. Cambridge, Mass.: Harvard University Press, 1968.",
			"Goldsworthy, Adrian. *Caesar: Life of a Colossus*. New Haven, Conn.: Yale University Press, 2006.",
			"Horsfall, Nicholas. “The Ides of March: Some New Problems.” *Greece & Rome* 21, no. 2 (1974): 191–199.",
			"Plutarch. *Fall of the Roman Republic: Six Lives*. Translated by Rex Warner. Harmondsworth, England: Penguin Books, 1958.",
			"Ramsey, John T., and A. Lewis Licht. *The Comet of 44 B.C. and Caesar’s Funeral Games*. Atlanta: Scholars Press, 1997.",
			"Strauss, Barry. *The Death of Caesar: The Story of History’s Most Famous Assassination*. New York: Simon & Schuster, 2015.",
			"Suetonius. *The Twelve Caesars*. Translated by Robert Graves. Harmondsworth, England: Penguin Books, 1957.",
			"Syme, Ronald. *The Roman Revolution*. 1939. Reprint, Oxford: Oxford University Press, 2002.",
		},
		MLA: {
			"Gelzer, Matthias. *Caesar: Politician and Statesman*. Translated by Peter Needham, Harvard UP, 1968.",
			"Goldsworthy, Adrian. *Caesar: Life of a Colossus*. Yale UP, 2006.",
			"Horsfall, Nicholas. “The Ides of March: Some New Problems.” *Greece & Rome*, vol. 21, no. 2, 1974, pp. 191-99.",
			"Plutarch. *Fall of the Roman Republic: Six Lives*. Translated by Rex Warner, Penguin Books, 1958.",
			"Ramsey, John T., and A. Lewis Licht. *The Comet of 44 B.C. and Caesar’s Funeral Games*. Scholars Press, 1997.",
			"Strauss, Barry. *The Death of Caesar: The Story of History’s Most Famous Assassination*. Simon & Schuster, 2015.",
			"Suetonius. *The Twelve Caesars*. Translated by Robert Graves, Penguin Books, 1957.",
			"Syme, Ronald. *The Roman Revolution*. 1939. Oxford UP, 2002.",
		},
		APA: {
			"Gelzer, M. (1968). *Caesar: Politician and statesman* (P. Needham, Trans.). Harvard University Press.",
			"Goldsworthy, A. (2006). *Caesar: Life of a colossus*. Yale University Press.",
			"Horsfall, N. (1974). The Ides of March: Some new problems. *Greece & Rome*, *21*(2), 191–199.",
			"Plutarch. (1958). *Fall of the Roman Republic: Six lives* (R. Warner, Trans.). Penguin Books.",
			"Ramsey, J. T., & Licht, A. L. (1997). *The comet of 44 B.C. and Caesar’s funeral games*. Scholars Press.",
			"Strauss, B. (2015). *The death of Caesar: The story of history’s most famous assassination*. Simon & Schuster.",
			"Suetonius. (1957). *The twelve Caesars* (R. Graves, Trans.). Penguin Books.",
			"Syme, R. (2002). *The Roman Revolution*. Oxford University Press. (Original work published 1939)",
		},
	},
	"a3.txt": {
		Chicago: {
			"Duffy, Christopher. *Through German Eyes: The British and the Somme, 1916*. London: Weidenfeld & Nicolson, 2006.",
			"Great Britain. War Office. *Statistics of the Military Effort of the British Empire During the Great War, 1914-1920*. London: His Majesty’s Stationery Office, 1922.",
			"Jünger, Ernst. *Storm of Steel*. Translated by Michael Hofmann. London: Allen Lane, 2003.",
			"Middlebrook, Martin. *The First Day on the Somme: 1 July 1916*. London: Allen Lane, 1971.",
			"Philpott, William. *Bloody Victory: The Sacrifice on the Somme and the Making of the Twentieth Century*. London: Little, Brown, 2009.",
			"Prior, Robin, and Trevor Wilson. *The Somme*. New Haven, Conn.: Yale University Press, 2005.",
			"Sheffield, Gary, and John Bourne, eds. *Douglas Haig: War Diaries and Letters, 1914-1918*. London: Weidenfeld & Nicolson, 2005.",
			"Travers, Tim. “A Particular Style of Command: Haig and GHQ, 1916-18.” *Journal of Strategic Studies* 10, no. 3 (1987): 363–376.",
		},
		MLA: {
			"Duffy, Christopher. *Through German Eyes: The British and the Somme, 1916*. Weidenfeld & Nicolson, 2006.",
			"Great Britain, War Office. *Statistics of the Military Effort of the British Empire During the Great War, 1914-1920*. His Majesty’s Stationery Office, 1922.",
			"Jünger, Ernst. *Storm of Steel*. Translated by Michael Hofmann, Allen Lane, 2003.",
			"Middlebrook, Martin. *The First Day on the Somme: 1 July 1916*. Allen Lane, 1971.",
			"Philpott, William. *Bloody Victory: The Sacrifice on the Somme and the Making of the Twentieth Century*. Little, Brown, 2009.",
			"Prior, Robin, and Trevor Wilson. *The Somme*. Yale UP, 2005.",
			"Sheffield, Gary, and John Bourne, editors. *Douglas Haig: War Diaries and Letters, 1914-1918*. Weidenfeld & Nicolson, 2005.",
			"Travers, Tim. “A Particular Style of Command: Haig and GHQ, 1916-18.” *Journal of Strategic Studies*, vol. 10, no. 3, 1987, pp. 363-76.",
		},
		APA: {
			"Duffy, C. (2006). *Through German eyes: The British and the Somme, 1916*. Weidenfeld & Nicolson.",
			"Great Britain. War Office. (1922). *Statistics of the military effort of the British Empire during the Great War, 1914-1920*. His Majesty’s Stationery Office.",
			"Jünger, E. (2003). *Storm of steel* (M. Hofmann, Trans.). Allen Lane.",
			"Middlebrook, M. (1971). *The first day on the Somme: 1 July 1916*. Allen Lane.",
			"Philpott, W. (2009). *Bloody victory: The sacrifice on the Somme and the making of the twentieth century*. Little, Brown.",
			"Prior, R., & Wilson, T. (2005). *The Somme*. Yale University Press.",
			"Sheffield, G., & Bourne, J. (Eds.). (2005). *Douglas Haig: War diaries and letters, 1914-1918*. Weidenfeld & Nicolson.",
			"Travers, T. (1987). A particular style of command: Haig and GHQ, 1916-18. *Journal of Strategic Studies*, *10*(3), 363–376.",
		},
	},
	"a5.txt": {
		Chicago: {
			"Figes, Orlando. *A People’s Tragedy: A History of the Russian Revolution*. New York: Viking, 1997.",
			"Foglesong, David S. *America’s Secret War Against Bolshevism: U.S. Intervention in the Russian Civil War, 1917-1920*. Chapel Hill: University of North Carolina Press, 1995.",
			"Hasegawa, Tsuyoshi. *The February Revolution: Petrograd, 1917*. Seattle: University of Washington Press, 1981.",
			"———. “The Bolsheviks and the Formation of the Petrograd Soviet in the February Revolution.” *Soviet Studies* 29, no. 1 (1977): 86–107.",
			"Pipes, Richard. *The Russian Revolution*. New York: Alfred A. Knopf, 1990.",
			"Smith, S. A. “Petrograd in 1917: The View from Below.” In *The Workers’ Revolution in Russia, 1917: The View from Below*, edited by Daniel H. Kaiser. Cambridge, England: Cambridge University Press, 1987.",
			"Sukhanov, N. N. *The Russian Revolution, 1917: A Personal Record*. Edited and translated by Joel Carmichael. 1955. Reprint, Princeton, N.J.: Princeton University Press, 1984.",
			"Wade, Rex A. *The Russian Revolution, 1917*. 3rd ed. Cambridge, England: Cambridge University Press, 2017.",
		},
		MLA: {
			"Figes, Orlando. *A People’s Tragedy: A History of the Russian Revolution*. Viking, 1997.",
			"Foglesong, David S. *America’s Secret War Against Bolshevism: U.S. Intervention in the Russian Civil War, 1917-1920*. U of North Carolina P, 1995.",
			"Hasegawa, Tsuyoshi. “The Bolsheviks and the Formation of the Petrograd Soviet in the February Revolution.” *Soviet Studies*, vol. 29, no. 1, 1977, pp. 86-107.",
			"---. *The February Revolution: Petrograd, 1917*. U of Washington P, 1981.",
			"Pipes, Richard. *The Russian Revolution*. Alfred A. Knopf, 1990.",
			"Smith, S. A. “Petrograd in 1917: The View from Below.” *The Workers’ Revolution in Russia, 1917: The View from Below*, edited by Daniel H. Kaiser, Cambridge UP, 1987.",
			"Sukhanov, N. N. *The Russian Revolution, 1917: A Personal Record*. 1955. Edited and translated by Joel Carmichael, Princeton UP, 1984.",
			"Wade, Rex A. *The Russian Revolution, 1917*. 3rd ed., Cambridge UP, 2017.",
		},
		APA: {
			"Figes, O. (1997). *A people’s tragedy: A history of the Russian Revolution*. Viking.",
			"Foglesong, D. S. (1995). *America’s secret war against Bolshevism: U.S. intervention in the Russian Civil War, 1917-1920*. University of North Carolina Press.",
			"Hasegawa, T. (1977). The Bolsheviks and the formation of the Petrograd Soviet in the February Revolution. *Soviet Studies*, *29*(1), 86–107.",
			"Hasegawa, T. (1981). *The February Revolution: Petrograd, 1917*. University of Washington Press.",
			"Pipes, R. (1990). *The Russian Revolution*. Alfred A. Knopf.",
			"Smith, S. A. (1987). Petrograd in 1917: The view from below. In D. H. Kaiser (Ed.), *The workers’ revolution in Russia, 1917: The view from below*. Cambridge University Press.",
			"Sukhanov, N. N. (1984). *The Russian Revolution, 1917: A personal record* (J. Carmichael, Ed. & Trans.). Princeton University Press. (Original work published 1955)",
			"Wade, R. A. (2017). *The Russian Revolution, 1917* (3rd ed.). Cambridge University Press.",
		},
	},
}

func TestFormatArticles(t *testing.T) {
	for name, styles := range articleWant {
		doc := parseArticle(t, name)
		lex := NewLexicon(doc)
		for style, want := range styles {
			t.Run(name+"/"+string(style), func(t *testing.T) {
				got := Format(doc.Bibliography, style, lex)
				if len(got) != len(want) {
					t.Fatalf("%d entries, want %d", len(got), len(want))
				}
				for i := range want {
					if s := styled(got[i]); s != want[i] {
						t.Errorf("entry %d\n got %s\nwant %s", i+1, s, want[i])
					}
				}
			})
		}
	}
}

// TestFormatCarriesEntry checks that each formatted entry keeps its annotation, source line
// and citation key.
func TestFormatCarriesEntry(t *testing.T) {
	doc := parseArticle(t, "a5.txt")
	byLine := map[int]*source.BibEntry{}
	for _, e := range doc.Bibliography {
		byLine[e.Line] = e
	}
	for _, style := range []Style{Chicago, MLA, APA} {
		for _, f := range Format(doc.Bibliography, style, nil) {
			e := byLine[f.Line]
			if e == nil {
				t.Fatalf("%s: entry with unknown line %d", style, f.Line)
			}
			if f.Annote != e.Item.Annote || f.ID != e.Item.ID || f.Annote == "" || f.ID == "" {
				t.Errorf("%s line %d: annote %q id %q, want %q %q", style, f.Line, f.Annote, f.ID, e.Item.Annote, e.Item.ID)
			}
		}
	}
}

func entry(line int, it bib.Item) *source.BibEntry {
	return &source.BibEntry{Item: it, Raw: "raw", Line: line}
}

func yr(y int) *bib.DateParts { return &bib.DateParts{Parts: [][]int{{y}}} }

func person(family, given string) bib.Name { return bib.Name{Family: family, Given: given} }

// Shapes the articles do not show, one entry each.
var shapeCases = []struct {
	name string
	item bib.Item
	lex  Lexicon
	want map[Style]string
}{
	{"three authors", bib.Item{Type: "book", Author: []bib.Name{person("Smith", "John"), person("Doe", "Jane"), person("Roe", "Bob")},
		Title: "A History of Everything", PublisherPlace: "New York", Publisher: "W. W. Norton & Company", Issued: yr(1990)}, nil,
		map[Style]string{
			Chicago: "Smith, John, Jane Doe, and Bob Roe. *A History of Everything*. New York: W. W. Norton & Company, 1990.",
			MLA:     "Smith, John, et al. *A History of Everything*. W. W. Norton, 1990.",
			APA:     "Smith, J., Doe, J., & Roe, B. (1990). *A history of everything*. W. W. Norton.",
		}},
	{"editor, no author, revised edition", bib.Item{Type: "book", Editor: []bib.Name{person("Doe", "Jane")}, Title: "The Collected Papers",
		Edition: "Rev. ed.", PublisherPlace: "Chicago", Publisher: "University of Chicago Press", Issued: yr(1975)}, nil,
		map[Style]string{
			Chicago: "Doe, Jane, ed. *The Collected Papers*. Rev. ed. Chicago: University of Chicago Press, 1975.",
			MLA:     "Doe, Jane, editor. *The Collected Papers*. Rev. ed., U of Chicago P, 1975.",
			APA:     "Doe, J. (Ed.). (1975). *The collected papers* (Rev. ed.). University of Chicago Press.",
		}},
	{"translator and second edition", bib.Item{Type: "book", Author: []bib.Name{{Family: "Thucydides"}}, Translator: []bib.Name{person("Warner", "Rex")},
		Title: "History of the Peloponnesian War", Edition: "2", PublisherPlace: "Boston", Publisher: "Penguin Books", Issued: yr(1972)},
		Lexicon{"Peloponnesian": Capital},
		map[Style]string{
			Chicago: "Thucydides. *History of the Peloponnesian War*. Translated by Rex Warner. 2nd ed. Boston: Penguin Books, 1972.",
			MLA:     "Thucydides. *History of the Peloponnesian War*. Translated by Rex Warner, 2nd ed., Penguin Books, 1972.",
			APA:     "Thucydides. (1972). *History of the Peloponnesian War* (R. Warner, Trans.; 2nd ed.). Penguin Books.",
		}},
	{"no year, question title", bib.Item{Type: "book", Author: []bib.Name{person("Knight", "Amy")}, Title: "Who Killed Kirov?",
		PublisherPlace: "Albany, New York", Publisher: "Hill and Wang"}, Lexicon{"Kirov": Capital},
		map[Style]string{
			Chicago: "Knight, Amy. *Who Killed Kirov?* Albany, New York: Hill and Wang, n.d.",
			MLA:     "Knight, Amy. *Who Killed Kirov?* Hill and Wang.",
			APA:     "Knight, A. (n.d.). *Who killed Kirov?* Hill and Wang.",
		}},
	{"article without volume, question title", bib.Item{Type: "article-journal", Author: []bib.Name{person("Doe", "Jane")}, Title: "Who Lost Russia?",
		ContainerTitle: "Past and Present", Issue: "123", Page: "101-108", Issued: yr(1989)}, Lexicon{"Russia": Capital},
		map[Style]string{
			Chicago: "Doe, Jane. “Who Lost Russia?” *Past and Present*, no. 123 (1989): 101–108.",
			MLA:     "Doe, Jane. “Who Lost Russia?” *Past and Present*, no. 123, 1989, pp. 101-08.",
			APA:     "Doe, J. (1989). Who lost Russia? *Past and Present*, (123), 101–108.",
		}},
	{"newspaper article", bib.Item{Type: "article-journal", Author: []bib.Name{person("Brown", "Archie")}, Title: "The Gorbachev Factor",
		ContainerTitle: "New York Times", Page: "12", Issued: &bib.DateParts{Parts: [][]int{{1990, 3, 5}}}}, Lexicon{"Gorbachev": Capital},
		map[Style]string{
			Chicago: "Brown, Archie. “The Gorbachev Factor.” *New York Times*, March 5, 1990, 12.",
			MLA:     "Brown, Archie. “The Gorbachev Factor.” *New York Times*, 5 Mar. 1990, p. 12.",
			APA:     "Brown, A. (1990, March 5). The Gorbachev factor. *New York Times*, 12.",
		}},
	{"chapter with pages, editors and translator", bib.Item{Type: "chapter", Author: []bib.Name{person("Doe", "Jane")}, Title: "The “Red” Crisis",
		ContainerTitle: "Revolution in Russia", Editor: []bib.Name{person("Frankel", "Edith Rogovin"), person("Frankel", "Jonathan")},
		Translator: []bib.Name{person("Poe", "Jim")}, Page: "1496-1504", PublisherPlace: "Cambridge, England",
		Publisher: "Cambridge University Press", Issued: yr(1992)}, Lexicon{"Russia": Capital},
		map[Style]string{
			Chicago: "Doe, Jane. “The ‘Red’ Crisis.” In *Revolution in Russia*, edited by Edith Rogovin Frankel and Jonathan Frankel, translated by Jim Poe, 1496–1504. Cambridge, England: Cambridge University Press, 1992.",
			MLA:     "Doe, Jane. “The ‘Red’ Crisis.” *Revolution in Russia*, edited by Edith Rogovin Frankel and Jonathan Frankel, translated by Jim Poe, Cambridge UP, 1992, pp. 1496-504.",
			APA:     "Doe, J. (1992). The “red” crisis. In E. R. Frankel & J. Frankel (Eds.), *Revolution in Russia* (J. Poe, Trans.; pp. 1496–1504). Cambridge University Press.",
		}},
	{"chapter in a book of three editors", bib.Item{Type: "chapter", Author: []bib.Name{person("Suri", "Jeremi")}, Title: "The Promise and Failure of Détente",
		ContainerTitle: "1968: The World Transformed", Editor: []bib.Name{person("Fink", "Carole"), person("Gassert", "Philipp"), person("Junker", "Detlef")},
		PublisherPlace: "Cambridge, England", Publisher: "Cambridge University Press", Issued: yr(1998)}, nil,
		map[Style]string{
			Chicago: "Suri, Jeremi. “The Promise and Failure of Détente.” In *1968: The World Transformed*, edited by Carole Fink, Philipp Gassert, and Detlef Junker. Cambridge, England: Cambridge University Press, 1998.",
			MLA:     "Suri, Jeremi. “The Promise and Failure of Détente.” *1968: The World Transformed*, edited by Carole Fink et al., Cambridge UP, 1998.",
			APA:     "Suri, J. (1998). The promise and failure of détente. In C. Fink, P. Gassert, & D. Junker (Eds.), *1968: The world transformed*. Cambridge University Press.",
		}},
	{"book of three translators", bib.Item{Type: "book", Author: []bib.Name{{Family: "Bede"}}, Translator: []bib.Name{person("Doe", "Jane"), person("Roe", "Ann"), person("Poe", "Jim")},
		Title: "Ecclesiastical History", Publisher: "Penguin Books", Issued: yr(1990)}, nil,
		map[Style]string{
			Chicago: "Bede. *Ecclesiastical History*. Translated by Jane Doe, Ann Roe, and Jim Poe. Penguin Books, 1990.",
			MLA:     "Bede. *Ecclesiastical History*. Translated by Jane Doe et al., Penguin Books, 1990.",
		}},
	{"no place, no publisher, no year", bib.Item{Type: "book", Author: []bib.Name{person("Pickering", "Thomas")}, Title: "The Abbey on the Cliff"}, nil,
		map[Style]string{
			Chicago: "Pickering, Thomas. *The Abbey on the Cliff*. N.d.",
			MLA:     "Pickering, Thomas. *The Abbey on the Cliff*.",
			APA:     "Pickering, T. (n.d.). *The abbey on the cliff*.",
		}},
	{"suffix and particle", bib.Item{Type: "book", Author: []bib.Name{person("King", "Martin Luther, Jr."), person("von Mises", "Ludwig")},
		Title: "Why We Can’t Wait", PublisherPlace: "Washington, D.C.", Publisher: "Harper & Row, Inc.", Issued: yr(1964)}, nil,
		map[Style]string{
			Chicago: "King, Martin Luther, Jr., and Ludwig von Mises. *Why We Can’t Wait*. Washington, D.C.: Harper & Row, Inc., 1964.",
			MLA:     "King, Martin Luther, Jr., and Ludwig von Mises. *Why We Can’t Wait*. Harper & Row, 1964.",
			APA:     "King, M. L., Jr., & von Mises, L. (1964). *Why we can’t wait*. Harper & Row.",
		}},
	{"corporate author, volume", bib.Item{Type: "book", Author: []bib.Name{{Literal: "United States. Department of State"}},
		Title: "Foreign Relations of the United States", Volume: "2", PublisherPlace: "Washington, D.C.",
		Publisher: "Government Printing Office", Issued: yr(1952)}, Lexicon{"United States": Capital},
		map[Style]string{
			Chicago: "United States. Department of State. *Foreign Relations of the United States*. Vol. 2. Washington, D.C.: Government Printing Office, 1952.",
			MLA:     "United States, Department of State. *Foreign Relations of the United States*. Vol. 2, Government Printing Office, 1952.",
			APA:     "United States. Department of State. (1952). *Foreign relations of the United States* (Vol. 2). Government Printing Office.",
		}},
	{"no author", bib.Item{Type: "book", Title: "The Chicago Manual of Style", Edition: "17", PublisherPlace: "Chicago",
		Publisher: "University of Chicago Press", Issued: yr(2017)}, Lexicon{"Chicago": Capital},
		map[Style]string{
			Chicago: "*The Chicago Manual of Style*. 17th ed. Chicago: University of Chicago Press, 2017.",
			MLA:     "*The Chicago Manual of Style*. 17th ed., U of Chicago P, 2017.",
			APA:     "*The Chicago manual of style* (17th ed.). (2017). University of Chicago Press.",
		}},
}

func TestFormatShapes(t *testing.T) {
	for _, c := range shapeCases {
		for style, want := range c.want {
			t.Run(c.name+"/"+string(style), func(t *testing.T) {
				got := Format([]*source.BibEntry{entry(1, c.item)}, style, c.lex)
				if len(got) != 1 {
					t.Fatalf("%d entries", len(got))
				}
				if s := styled(got[0]); s != want {
					t.Errorf("\n got %s\nwant %s", s, want)
				}
			})
		}
	}
}

func TestLongAuthorLists(t *testing.T) {
	var many []bib.Name
	for i := 0; i < 22; i++ {
		many = append(many, person("Author"+string(rune('A'+i)), "Given"))
	}
	it := bib.Item{Type: "book", Author: many, Title: "Team Work", Publisher: "Press", Issued: yr(2000)}
	chicago := styled(Format([]*source.BibEntry{entry(1, it)}, Chicago, nil)[0])
	if want := "AuthorA, Given, Given AuthorB, Given AuthorC, Given AuthorD, Given AuthorE, Given AuthorF, Given AuthorG, et al. *Team Work*."; !strings.HasPrefix(chicago, want) {
		t.Errorf("Chicago: %s", chicago)
	}
	apa := styled(Format([]*source.BibEntry{entry(1, it)}, APA, nil)[0])
	if !strings.Contains(apa, "AuthorS, G., . . . AuthorV, G. (2000).") || strings.Contains(apa, "AuthorT") {
		t.Errorf("APA: %s", apa)
	}
}

func TestSorting(t *testing.T) {
	items := []bib.Item{
		{Type: "book", Author: []bib.Name{person("Delaney", "Ann")}, Title: "Zebra", Publisher: "P", Issued: yr(1990)},
		{Type: "book", Author: []bib.Name{person("De Long", "Bob")}, Title: "Apple", Publisher: "P", Issued: yr(1990)},
		{Type: "book", Author: []bib.Name{person("von Rummel", "Rudolph")}, Title: "Front", Publisher: "P", Issued: yr(1930)},
		{Type: "book", Title: "The Quiet Book", Publisher: "P", Issued: yr(1980)},
		{Type: "book", Author: []bib.Name{person("Hasegawa", "Tsuyoshi")}, Title: "The Zeal", Publisher: "P", Issued: yr(1981)},
		{Type: "book", Author: []bib.Name{person("Hasegawa", "Tsuyoshi")}, Title: "An Answer", Publisher: "P", Issued: yr(1981)},
		{Type: "book", Author: []bib.Name{person("Hasegawa", "Tsuyoshi"), person("Abe", "Kobo")}, Title: "Joint", Publisher: "P", Issued: yr(1970)},
		{Type: "book", Author: []bib.Name{person("Hasegawa", "Tsuyoshi")}, Title: "Undated", Publisher: "P"},
	}
	var entries []*source.BibEntry
	for i, it := range items {
		entries = append(entries, entry(i+1, it))
	}
	lines := func(style Style) []int {
		var out []int
		for _, e := range Format(entries, style, nil) {
			out = append(out, e.Line)
		}
		return out
	}
	// Letter by letter: Delaney before De Long. One author's works by title (MLA) or in the
	// article's order (Chicago), then the same author with others; von Rummel under R; the
	// untitled-author book under Q.
	if got, want := lines(Chicago), []int{1, 2, 5, 6, 8, 7, 4, 3}; !equalInts(got, want) {
		t.Errorf("Chicago order %v, want %v", got, want)
	}
	if got, want := lines(MLA), []int{1, 2, 6, 8, 5, 7, 4, 3}; !equalInts(got, want) {
		t.Errorf("MLA order %v, want %v", got, want)
	}
	// Word by word: De Long before Delaney. One author's works by year, no date first, then
	// by title with letters after the year.
	if got, want := lines(APA), []int{2, 1, 8, 6, 5, 7, 4, 3}; !equalInts(got, want) {
		t.Errorf("APA order %v, want %v", got, want)
	}
	apa := Format(entries, APA, nil)
	if s := styled(apa[3]); !strings.Contains(s, "(1981a). *An answer*") {
		t.Errorf("APA year suffix: %s", s)
	}
	if s := styled(apa[4]); !strings.Contains(s, "(1981b). *The zeal*") {
		t.Errorf("APA year suffix: %s", s)
	}
	chicago := Format(entries, Chicago, nil)
	if s := styled(chicago[3]); !strings.HasPrefix(s, "———. *An Answer*") {
		t.Errorf("Chicago repeated author: %s", s)
	}
	if s := styled(chicago[5]); !strings.HasPrefix(s, "Hasegawa, Tsuyoshi, and Kobo Abe.") {
		t.Errorf("Chicago coauthored entry must not take the dash: %s", s)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFormatRawEntry(t *testing.T) {
	raw := "See the notes below"
	e := &source.BibEntry{Item: bib.Item{Type: "book", Title: raw}, Raw: raw, Line: 9}
	for _, style := range []Style{Chicago, MLA, APA} {
		got := Format([]*source.BibEntry{e}, style, nil)
		if len(got) != 1 || len(got[0].Runs) != 1 || got[0].Runs[0] != (Run{Text: raw}) || got[0].Line != 9 {
			t.Errorf("%s: %+v", style, got)
		}
	}
}

func TestPages(t *testing.T) {
	for _, c := range []struct{ in, chicago, mla, apa string }{
		{"3-10", "3–10", "pp. 3-10", "3–10"},
		{"96-117", "96–117", "pp. 96-117", "96–117"},
		{"100-104", "100–104", "pp. 100-04", "100–104"},
		{"1100-1113", "1100–1113", "pp. 1100-13", "1100–1113"},
		{"101-108", "101–108", "pp. 101-08", "101–108"},
		{"808-833", "808–833", "pp. 808-33", "808–833"},
		{"1103-1104", "1103–1104", "pp. 1103-04", "1103–1104"},
		{"321-328", "321–328", "pp. 321-28", "321–328"},
		{"498-532", "498–532", "pp. 498-532", "498–532"},
		{"1087-1089", "1087–1089", "pp. 1087-89", "1087–1089"},
		{"1496-1500", "1496–1500", "pp. 1496-500", "1496–1500"},
		{"923-1003", "923–1003", "pp. 923-1003", "923–1003"},
		{"191–199", "191–199", "pp. 191-99", "191–199"},
		{"12", "12", "p. 12", "12"},
		{"S12-S20", "S12–S20", "pp. S12-S20", "S12–S20"},
	} {
		if got := chicagoPages(c.in); got != c.chicago {
			t.Errorf("chicagoPages(%q) = %q, want %q", c.in, got, c.chicago)
		}
		if got := mlaPages(c.in); got != c.mla {
			t.Errorf("mlaPages(%q) = %q, want %q", c.in, got, c.mla)
		}
		if got := apaPages(c.in); got != c.apa {
			t.Errorf("apaPages(%q) = %q, want %q", c.in, got, c.apa)
		}
	}
}

func TestMLAPublisher(t *testing.T) {
	for in, want := range map[string]string{
		"Syracuse University Press":          "Syracuse UP",
		"University Press of Kansas":         "UP of Kansas",
		"University of North Carolina Press": "U of North Carolina P",
		"Harcourt, Brace & Co.":              "Harcourt, Brace",
		"Random House, Inc.":                 "Random House",
		"Penguin Books":                      "Penguin Books",
		"Little, Brown":                      "Little, Brown",
	} {
		if got := mlaPublisher(in); got != want {
			t.Errorf("mlaPublisher(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestInitials(t *testing.T) {
	for in, want := range map[string]string{
		"Edward M.": "E. M.", "Katherine A. S.": "K. A. S.", "M. Wayne": "M. W.", "Jean-Paul": "J.-P.",
		"A.S.": "A. S.", "Ludwig von": "L. von", "Tsuyoshi": "T.",
	} {
		if got := initials(in); got != want {
			t.Errorf("initials(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSentenceCase(t *testing.T) {
	for _, c := range []struct {
		in   string
		lex  Lexicon
		want string
	}{
		// The word lists decide.
		{"An American Foreign Policy Dilemma", nil, "An American foreign policy dilemma"},
		{"Recognition of Russia: An American Foreign Policy Dilemma", nil, "Recognition of Russia: An American foreign policy dilemma"},
		{"Inside the Kremlin’s Cold War: From Stalin to Khrushchev", nil, "Inside the Kremlin’s Cold War: From Stalin to Khrushchev"},
		{"Epidemics and the State in Victorian Britain", nil, "Epidemics and the state in Victorian Britain"},
		{"The Coming of Christianity to Anglo-Saxon England", nil, "The coming of Christianity to Anglo-Saxon England"},
		{"Statistics of the British Empire During the Great War", nil, "Statistics of the British Empire during the Great War"},
		{"Faith and Treason: The Story of the Gunpowder Plot", nil, "Faith and treason: The story of the Gunpowder Plot"},
		{"The Book of Common Prayer in England", nil, "The Book of Common Prayer in England"},
		{"The Second Punic War and the Roman Republic", nil, "The Second Punic War and the Roman Republic"},
		{"The Russian Revolution", nil, "The Russian Revolution"},
		{"Seven Days in August", nil, "Seven days in August"},
		// The article decides what the lists cannot.
		{"Relations with the Soviet Union", Lexicon{"Soviet": Capital, "Soviet Union": Unit}, "Relations with the Soviet Union"},
		{"The Great Irish Potato Famine", Lexicon{"Great": Capital, "Great Famine": Unit}, "The great Irish potato famine"},
		{"Relations with the Soviet Union", Lexicon{"soviet": Lower}, "Relations with the Soviet Union"},
		{"The Marathon Race", Lexicon{"marathon": Lower, "Marathon": Capital}, "The marathon race"},
		{"Soviet-American Relations", Lexicon{"Soviet": Capital | Alone}, "Soviet-American relations"},
		{"The Battle of Marathon: Myth and Memory", Lexicon{"Battle of Marathon": Unit}, "The Battle of Marathon: Myth and memory"},
		{"The Plataean Contingent at Marathon", Lexicon{"Marathon": Named, "marathon": Lower}, "The Plataean contingent at Marathon"},
		{"Fire in the Mese", nil, "Fire in the Mese"},
		{"Fever in the Wynds", Lexicon{"wynds": Lower}, "Fever in the wynds"},
		{"The Blues, the Greens, and the Emperor", Lexicon{"Blues": Capital | Alone, "Greens": Capital | Alone, "Emperor": Capital, "emperor": Lower},
			"The Blues, the Greens, and the emperor"},
		{"The Prague Spring: An Unfinished Revolution", Lexicon{"Prague Spring": Unit, "Revolution": Capital | Alone},
			"The Prague Spring: An unfinished revolution"},
		{"A Terrible Beauty", Lexicon{"Ivan the Terrible": Unit, "Terrible": Capital}, "A terrible beauty"},
		{"Notes on the Hippodrome", Lexicon{"Hippodrome": Capital | Alone}, "Notes on the Hippodrome"},
		{"Which Pass Did Hannibal Take?", Lexicon{"Great St. Bernard Pass": Unit, "Pass": Capital}, "Which pass did Hannibal take?"},
		{"Soldiers and Rebels: Ireland in the Imperial War Museum Collections", Lexicon{"Imperial War Museum": Unit},
			"Soldiers and rebels: Ireland in the Imperial War Museum collections"},
		{"The Central Board of Health and the Local Boards", Lexicon{"Central Board of Health": Unit, "boards": Lower},
			"The Central Board of Health and the local boards"},
		// Forms that keep their capitals.
		{"FDR and the U.S. Army in World War II", nil, "FDR and the U.S. army in World War II"},
		{"King George IV and King William IV", nil, "King George IV and King William IV"},
		{"Father Garnet and the Doctrine", Lexicon{"Garnet": Named}, "Father Garnet and the doctrine"},
		{"Self-Government in Europe", nil, "Self-government in Europe"},
		{"Who Lost Russia? The Debate", nil, "Who lost Russia? The debate"},
		{"Stalin’s Famine", nil, "Stalin’s famine"},
		{"William C. Bullitt and I", Lexicon{"Bullitt": Named}, "William C. Bullitt and I"},
		{"“Bleeding Kansas” and the Coming of War", nil, "“Bleeding Kansas” and the coming of war"},
		{"The McKinley Years", nil, "The McKinley years"},
		{"Battle of Hastings: The Day", nil, "Battle of Hastings: The day"},
	} {
		if got := SentenceCase(c.in, c.lex); got != c.want {
			t.Errorf("SentenceCase(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestNewLexicon(t *testing.T) {
	doc := &source.Document{
		Summary: "Diplomats met in Moscow in November.",
		Sections: []*source.Section{{Blocks: []source.Block{
			&source.Paragraph{Inlines: []source.Inline{{Text: "Foreign policy changed when Soviet officials arrived at the Battle of Marathon. He was Commissar of Foreign Affairs, but foreign trade fell, and the U.S. Congress waited for the Blues. Read "},
				{Text: "Recognition of Russia", Style: source.Italic}, {Text: " for more."}}},
		}}},
		KeyFigures:   []source.KeyFigure{{Name: "Franklin D. Roosevelt", Aliases: []string{"FDR"}, Role: "king of Persia"}},
		Locales:      []string{"Washington, D.C.", "Petrograd (now St. Petersburg), Russia"},
		Bibliography: []*source.BibEntry{{Item: bib.Item{Title: "A Book", Publisher: "Imperial War Museum", PublisherPlace: "London"}}},
	}
	lex := NewLexicon(doc)
	for w, m := range map[string]Mark{
		"Moscow": Capital, "November": Capital, "Soviet": Capital, "Commissar": Capital,
		"Foreign Affairs": Unit, "Commissar of Foreign Affairs": Unit, "Battle of Marathon": Unit,
		"Blues": Alone, "foreign": Lower, "policy": Lower, "Persia": Capital,
		"Franklin": Named, "Roosevelt": Named, "Franklin D. Roosevelt": Unit, "FDR": Named, "Washington": Named,
		"Petrograd": Named, "Russia": Named, "St. Petersburg": Unit, "Imperial War Museum": Unit, "London": Named,
	} {
		if lex[w]&m == 0 {
			t.Errorf("lexicon[%q] = %b, want %b", w, lex[w], m)
		}
	}
	// "Diplomats" and "Read" only begin sentences; "Congress" follows an abbreviation's
	// period; "Recognition" is in an italic title; "Marathon" and "Foreign" are only inside
	// longer names, not alone.
	for _, w := range []string{"Diplomats", "Read", "Congress", "Recognition", "He", "Commissar of Foreign", "Franklin D."} {
		if lex[w] != 0 {
			t.Errorf("lexicon has %q: %b", w, lex[w])
		}
	}
	for _, w := range []string{"Marathon", "Affairs"} {
		if lex[w]&Alone != 0 {
			t.Errorf("%q alone", w)
		}
	}
	for _, w := range []string{"Imperial", "Museum", "Petersburg"} {
		if lex[w]&Named != 0 {
			t.Errorf("%q is a name by itself", w)
		}
	}
	if lex.proper("Foreign") {
		t.Error("Foreign is proper, though the article writes it in lowercase")
	}
}

func TestParseStyle(t *testing.T) {
	for in, want := range map[string]Style{"": Chicago, "chicago": Chicago, "MLA": MLA, "apa": APA} {
		if got, err := ParseStyle(in); err != nil || got != want {
			t.Errorf("ParseStyle(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseStyle("harvard"); err == nil {
		t.Error("ParseStyle(harvard): no error")
	}
}

func BenchmarkFormat(b *testing.B) {
	doc := parseArticle(b, "a5.txt")
	var entries []*source.BibEntry
	for i := 0; i < 2000; i++ {
		e := *doc.Bibliography[i%len(doc.Bibliography)]
		e.Line = i
		entries = append(entries, &e)
	}
	lex := NewLexicon(doc)
	for _, style := range []Style{Chicago, MLA, APA} {
		b.Run(string(style), func(b *testing.B) {
			for b.Loop() {
				Format(entries, style, lex)
			}
		})
	}
}

// TestInventedArticles checks the invented articles' bibliographies against their
// expectations: each APA title in sentence case as written there, the strings APA and MLA
// must hold ("(n.d.)", "edited by Anna Lindqvist et al.") and must not ("N.p.").
func TestInventedArticles(t *testing.T) {
	for _, name := range testkit.Invented {
		t.Run(name, func(t *testing.T) {
			var exp struct {
				APATitles   []string `json:"apa_titles"`
				APAContains []string `json:"apa_contains"`
				APAAbsent   []string `json:"apa_absent"`
				MLAContains []string `json:"mla_contains"`
				MLAAbsent   []string `json:"mla_absent"`
			}
			if err := json.Unmarshal(testkit.Read(t, "articles/"+name+".expect.json"), &exp); err != nil {
				t.Fatal(err)
			}
			doc := parseArticle(t, name+".txt")
			text := func(style Style) string {
				var lines []string
				for _, e := range Format(doc.Bibliography, style, NewLexicon(doc)) {
					lines = append(lines, styled(e))
				}
				return strings.Join(lines, "\n")
			}
			apa, mla := text(APA), text(MLA)
			for _, title := range exp.APATitles {
				// The title, then what ends it: its italics, a period, a parenthesis, a
				// comma, the rest of a range, or the journal after a question.
				found := false
				for _, end := range []string{"*", ".", " (", ",", "-", "–"} {
					found = found || strings.Contains(apa, title+end)
				}
				found = found || strings.HasSuffix(title, "?") && strings.Contains(apa, title+" *")
				if !found {
					t.Errorf("APA title %q not in\n%s", title, apa)
				}
			}
			for _, c := range []struct {
				text      string
				want, not []string
			}{{apa, exp.APAContains, exp.APAAbsent}, {mla, exp.MLAContains, exp.MLAAbsent}} {
				for _, s := range c.want {
					if !strings.Contains(c.text, s) {
						t.Errorf("%q not in\n%s", s, c.text)
					}
				}
				for _, s := range c.not {
					if strings.Contains(c.text, s) {
						t.Errorf("%q in\n%s", s, c.text)
					}
				}
			}
		})
	}
}
