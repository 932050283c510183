package bib

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"galley/internal/testkit"
)

func person(family, given string) Name { return Name{Family: family, Given: given} }
func single(family string) Name        { return Name{Family: family} }
func corp(literal string) Name         { return Name{Literal: literal} }
func yr(years ...int) *DateParts {
	d := &DateParts{}
	for _, y := range years {
		d.Parts = append(d.Parts, []int{y})
	}
	return d
}
func names(ns ...Name) []Name { return ns }

// bibCases are entry shapes from the article format's description of the bibliography and from
// real bibliographies, most of which the corpus does not show.
var bibCases = []struct {
	name string
	raw  string
	want Item
}{
	{"one author, state", "Bennett, Edward M. Recognition of Russia: An American Foreign Policy Dilemma. Waltham, Mass.: Blaisdell, 1970. Discusses the political and legal aspects of the U.S. government’s decision.",
		Item{Type: "book", Author: names(person("Bennett", "Edward M.")), Title: "Recognition of Russia: An American Foreign Policy Dilemma",
			PublisherPlace: "Waltham, Mass.", Publisher: "Blaisdell", Issued: yr(1970), Annote: "Discusses the political and legal aspects of the U.S. government’s decision."}},
	{"given names with two initials", "Sibley, Katherine A. S. Loans and Legitimacy: The Evolution of Soviet-American Relations, 1919-1933. Lexington: University Press of Kentucky, 1996. Traces the impact.",
		Item{Type: "book", Author: names(person("Sibley", "Katherine A. S.")), Title: "Loans and Legitimacy: The Evolution of Soviet-American Relations, 1919-1933",
			PublisherPlace: "Lexington", Publisher: "University Press of Kentucky", Issued: yr(1996), Annote: "Traces the impact."}},
	{"initial then name", "Morris, M. Wayne. Stalin’s Famine and Roosevelt’s Recognition of Russia. Lanham, Md.: University Press of America, 1994. Analysis.",
		Item{Type: "book", Author: names(person("Morris", "M. Wayne")), Title: "Stalin’s Famine and Roosevelt’s Recognition of Russia",
			PublisherPlace: "Lanham, Md.", Publisher: "University Press of America", Issued: yr(1994), Annote: "Analysis."}},
	{"title with abbreviation and years", "Wilson, Joan H. Ideology and Economics: U.S. Relations with the Soviet Union, 1917-1933. Columbia: University of Missouri Press, 1974. Assesses advocates.",
		Item{Type: "book", Author: names(person("Wilson", "Joan H.")), Title: "Ideology and Economics: U.S. Relations with the Soviet Union, 1917-1933",
			PublisherPlace: "Columbia", Publisher: "University of Missouri Press", Issued: yr(1974), Annote: "Assesses advocates."}},
	{"title ending in a year, place without state", "Duffy, Christopher. Through German Eyes: The British and the Somme, 1916. London: Weidenfeld & Nicolson, 2006. Uses intelligence reports.",
		Item{Type: "book", Author: names(person("Duffy", "Christopher")), Title: "Through German Eyes: The British and the Somme, 1916",
			PublisherPlace: "London", Publisher: "Weidenfeld & Nicolson", Issued: yr(2006), Annote: "Uses intelligence reports."}},
	{"two authors", "Ramsey, John T., and A. Lewis Licht. The Comet of 44 B.C. and Caesar’s Funeral Games. Atlanta: Scholars Press, 1997. Combines astronomy.",
		Item{Type: "book", Author: names(person("Ramsey", "John T."), person("Licht", "A. Lewis")), Title: "The Comet of 44 B.C. and Caesar’s Funeral Games",
			PublisherPlace: "Atlanta", Publisher: "Scholars Press", Issued: yr(1997), Annote: "Combines astronomy."}},
	{"three authors", "Smith, John, Jane Doe, and Bob Roe. A History of Everything. New York: W. W. Norton, 1990. A survey.",
		Item{Type: "book", Author: names(person("Smith", "John"), person("Doe", "Jane"), person("Roe", "Bob")), Title: "A History of Everything",
			PublisherPlace: "New York", Publisher: "W. W. Norton", Issued: yr(1990), Annote: "A survey."}},
	{"three authors without serial comma", "Smith, John, Jane Doe and Bob Roe. Together. London: Penguin, 1990. Joint.",
		Item{Type: "book", Author: names(person("Smith", "John"), person("Doe", "Jane"), person("Roe", "Bob")), Title: "Together",
			PublisherPlace: "London", Publisher: "Penguin", Issued: yr(1990), Annote: "Joint."}},
	{"et al. is dropped", "Smith, John, et al. The Big Book. Boston: Little, Brown, 1985. Many hands.",
		Item{Type: "book", Author: names(person("Smith", "John")), Title: "The Big Book",
			PublisherPlace: "Boston", Publisher: "Little, Brown", Issued: yr(1985), Annote: "Many hands."}},
	{"corporate author in two parts", "Great Britain. War Office. Statistics of the Military Effort of the British Empire During the Great War, 1914-1920. London: His Majesty’s Stationery Office, 1922. Official compilation.",
		Item{Type: "book", Author: names(corp("Great Britain. War Office")), Title: "Statistics of the Military Effort of the British Empire During the Great War, 1914-1920",
			PublisherPlace: "London", Publisher: "His Majesty’s Stationery Office", Issued: yr(1922), Annote: "Official compilation."}},
	{"corporate author with an initialism", "U.S. Department of State. Papers Relating to the Foreign Relations of the United States. Washington, D.C.: Government Printing Office, 1952. Documents.",
		Item{Type: "book", Author: names(corp("U.S. Department of State")), Title: "Papers Relating to the Foreign Relations of the United States",
			PublisherPlace: "Washington, D.C.", Publisher: "Government Printing Office", Issued: yr(1952), Annote: "Documents."}},
	{"corporate author in one part", "Human Rights Watch. Slaughter in the Village. New York: Human Rights Watch, 1994. Report.",
		Item{Type: "book", Author: names(corp("Human Rights Watch")), Title: "Slaughter in the Village",
			PublisherPlace: "New York", Publisher: "Human Rights Watch", Issued: yr(1994), Annote: "Report."}},
	{"single name", "Plutarch. Fall of the Roman Republic: Six Lives. Translated by Rex Warner. Harmondsworth, England: Penguin Books, 1958. Includes Plutarch’s lives of Caesar, Pompey, and Cicero.",
		Item{Type: "book", Author: names(single("Plutarch")), Translator: names(person("Warner", "Rex")), Title: "Fall of the Roman Republic: Six Lives",
			PublisherPlace: "Harmondsworth, England", Publisher: "Penguin Books", Issued: yr(1958), Annote: "Includes Plutarch’s lives of Caesar, Pompey, and Cicero."}},
	{"single name with epithet", "Pliny the Elder. Natural History. Translated by H. Rackham. Cambridge, Mass.: Harvard University Press, 1938. Loeb.",
		Item{Type: "book", Author: names(single("Pliny the Elder")), Translator: names(person("Rackham", "H.")), Title: "Natural History",
			PublisherPlace: "Cambridge, Mass.", Publisher: "Harvard University Press", Issued: yr(1938), Annote: "Loeb."}},
	{"editor without author", "Doe, Jane, ed. The Collected Papers. Chicago: University of Chicago Press, 1975. Papers.",
		Item{Type: "book", Editor: names(person("Doe", "Jane")), Title: "The Collected Papers",
			PublisherPlace: "Chicago", Publisher: "University of Chicago Press", Issued: yr(1975), Annote: "Papers."}},
	{"editors without author, edition", "Sheffield, Gary, and John Bourne, eds. Douglas Haig: War Diaries and Letters, 1914-1918. 2d ed. London: Weidenfeld & Nicolson, 2005. Scholarly edition.",
		Item{Type: "book", Editor: names(person("Sheffield", "Gary"), person("Bourne", "John")), Title: "Douglas Haig: War Diaries and Letters, 1914-1918",
			Edition: "2", PublisherPlace: "London", Publisher: "Weidenfeld & Nicolson", Issued: yr(2005), Annote: "Scholarly edition."}},
	{"translator leads", "Warner, Rex, trans. The Persian Expedition. Harmondsworth, England: Penguin Books, 1949. Xenophon.",
		Item{Type: "book", Translator: names(person("Warner", "Rex")), Title: "The Persian Expedition",
			PublisherPlace: "Harmondsworth, England", Publisher: "Penguin Books", Issued: yr(1949), Annote: "Xenophon."}},
	{"edited and translated, reprint", "Sukhanov, N. N. The Russian Revolution, 1917: A Personal Record. Edited and translated by Joel Carmichael. 1955. Reprint. Princeton, N.J.: Princeton University Press, 1984. Memoir.",
		Item{Type: "book", Author: names(person("Sukhanov", "N. N.")), Editor: names(person("Carmichael", "Joel")), Translator: names(person("Carmichael", "Joel")),
			Title: "The Russian Revolution, 1917: A Personal Record", PublisherPlace: "Princeton, N.J.", Publisher: "Princeton University Press",
			Issued: yr(1984), OriginalDate: yr(1955), Annote: "Memoir."}},
	{"two translators, 3d ed.", "Tolstoy, Leo. War and Peace. Translated by Louise Maude and Aylmer Maude. 3d ed. London: Oxford University Press, 1933. Classic.",
		Item{Type: "book", Author: names(person("Tolstoy", "Leo")), Translator: names(person("Maude", "Louise"), person("Maude", "Aylmer")), Title: "War and Peace",
			Edition: "3", PublisherPlace: "London", Publisher: "Oxford University Press", Issued: yr(1933), Annote: "Classic."}},
	{"translated from a language", "Sartre, Jean-Paul. Being and Nothingness. Translated from the French by Hazel E. Barnes. New York: Philosophical Library, 1956. Existentialism.",
		Item{Type: "book", Author: names(person("Sartre", "Jean-Paul")), Translator: names(person("Barnes", "Hazel E.")), Title: "Being and Nothingness",
			PublisherPlace: "New York", Publisher: "Philosophical Library", Issued: yr(1956), Annote: "Existentialism."}},
	{"edited with an introduction", "O’Connor, Flannery. Mystery and Manners. Edited with an introduction by Sally Fitzgerald and Robert Fitzgerald. New York: Farrar, Straus and Giroux, 1969. Essays.",
		Item{Type: "book", Author: names(person("O’Connor", "Flannery")), Editor: names(person("Fitzgerald", "Sally"), person("Fitzgerald", "Robert")), Title: "Mystery and Manners",
			PublisherPlace: "New York", Publisher: "Farrar, Straus and Giroux", Issued: yr(1969), Annote: "Essays."}},
	{"revised edition", "Marx, Karl. Capital. Translated by Ben Fowkes. Rev. ed. New York: Vintage, 1977. Volume one.",
		Item{Type: "book", Author: names(person("Marx", "Karl")), Translator: names(person("Fowkes", "Ben")), Title: "Capital",
			Edition: "Rev. ed.", PublisherPlace: "New York", Publisher: "Vintage", Issued: yr(1977), Annote: "Volume one."}},
	{"edition in words", "Smith, John. A Study. Second edition. London: Penguin, 1990. Words.",
		Item{Type: "book", Author: names(person("Smith", "John")), Title: "A Study", Edition: "2",
			PublisherPlace: "London", Publisher: "Penguin", Issued: yr(1990), Annote: "Words."}},
	{"reprint", "Syme, Ronald. The Roman Revolution. 1939. Reprint. Oxford: Oxford University Press, 2002. Influential analysis.",
		Item{Type: "book", Author: names(person("Syme", "Ronald")), Title: "The Roman Revolution", PublisherPlace: "Oxford", Publisher: "Oxford University Press",
			Issued: yr(2002), OriginalDate: yr(1939), Annote: "Influential analysis."}},
	{"Chicago 17 reprint", "Schweitzer, Albert. J. S. Bach. Translated by Ernest Newman. 1911. Reprint, New York: Dover, 1966. Biography.",
		Item{Type: "book", Author: names(person("Schweitzer", "Albert")), Translator: names(person("Newman", "Ernest")), Title: "J. S. Bach",
			PublisherPlace: "New York", Publisher: "Dover", Issued: yr(1966), OriginalDate: yr(1911), Annote: "Biography."}},
	{"reprint with both publishers", "Syme, Ronald. The Roman Revolution. Oxford: Clarendon Press, 1939. Reprint, Oxford: Oxford University Press, 2002. Two imprints.",
		Item{Type: "book", Author: names(person("Syme", "Ronald")), Title: "The Roman Revolution", PublisherPlace: "Oxford", Publisher: "Oxford University Press",
			Issued: yr(2002), OriginalDate: yr(1939), Annote: "Two imprints."}},
	{"journal article", "Horsfall, Nicholas. “The Ides of March: Some New Problems.” Greece & Rome 21, no. 2 (1974): 191-199. Examines the ancient evidence.",
		Item{Type: "article-journal", Author: names(person("Horsfall", "Nicholas")), Title: "The Ides of March: Some New Problems", ContainerTitle: "Greece & Rome",
			Volume: "21", Issue: "2", Page: "191-199", Issued: yr(1974), Annote: "Examines the ancient evidence."}},
	{"journal article without volume", "Doe, Jane. “The War.” Past and Present, no. 123 (1989): 1-20. Issue only.",
		Item{Type: "article-journal", Author: names(person("Doe", "Jane")), Title: "The War", ContainerTitle: "Past and Present",
			Issue: "123", Page: "1-20", Issued: yr(1989), Annote: "Issue only."}},
	{"journal article without issue, title ending in ?", "Doe, Jane. “Who Lost Russia?” Slavic Review 45 (1986): 12-30. Asks.",
		Item{Type: "article-journal", Author: names(person("Doe", "Jane")), Title: "Who Lost Russia?", ContainerTitle: "Slavic Review",
			Volume: "45", Page: "12-30", Issued: yr(1986), Annote: "Asks."}},
	{"journal article with season, straight quotes", `Doe, Jane. "A Title." Slavic Review 45, no. 2 (Spring 1986): 12-30. Straight.`,
		Item{Type: "article-journal", Author: names(person("Doe", "Jane")), Title: "A Title", ContainerTitle: "Slavic Review",
			Volume: "45", Issue: "2", Page: "12-30", Issued: yr(1986), Annote: "Straight."}},
	{"newspaper article", "Brown, Archie. “The Gorbachev Factor.” New York Times, March 5, 1990, 12. Newspaper.",
		Item{Type: "article-journal", Author: names(person("Brown", "Archie")), Title: "The Gorbachev Factor", ContainerTitle: "New York Times",
			Page: "12", Issued: &DateParts{Parts: [][]int{{1990, 3, 5}}}, Annote: "Newspaper."}},
	{"chapter", "Smith, S. A. “Petrograd in 1917: The View from Below.” In The Workers’ Revolution in Russia, 1917: The View from Below, edited by Daniel H. Kaiser. Cambridge, England: Cambridge University Press, 1987. Discusses the aims.",
		Item{Type: "chapter", Author: names(person("Smith", "S. A.")), Editor: names(person("Kaiser", "Daniel H.")), Title: "Petrograd in 1917: The View from Below",
			ContainerTitle: "The Workers’ Revolution in Russia, 1917: The View from Below", PublisherPlace: "Cambridge, England",
			Publisher: "Cambridge University Press", Issued: yr(1987), Annote: "Discusses the aims."}},
	{"chapter with pages and three editors", "Doe, Jane. “The Crisis of 1917.” In Revolution in Russia, edited by Edith Rogovin Frankel, Jonathan Frankel, and Baruch Knei-Paz, 45-67. Cambridge, England: Cambridge University Press, 1992. Essay.",
		Item{Type: "chapter", Author: names(person("Doe", "Jane")), Editor: names(person("Frankel", "Edith Rogovin"), person("Frankel", "Jonathan"), person("Knei-Paz", "Baruch")),
			Title: "The Crisis of 1917", ContainerTitle: "Revolution in Russia", Page: "45-67", PublisherPlace: "Cambridge, England",
			Publisher: "Cambridge University Press", Issued: yr(1992), Annote: "Essay."}},
	{"chapter with editor sentence", "Doe, Jane. “The Crisis.” In The Big Book. Edited by John Smith. New York: Norton, 1990. Edited.",
		Item{Type: "chapter", Author: names(person("Doe", "Jane")), Editor: names(person("Smith", "John")), Title: "The Crisis", ContainerTitle: "The Big Book",
			PublisherPlace: "New York", Publisher: "Norton", Issued: yr(1990), Annote: "Edited."}},
	{"book title ending in ?", "Knight, Amy. Who Killed Kirov? The Kremlin’s Greatest Mystery. New York: Hill and Wang, 1999. Question.",
		Item{Type: "book", Author: names(person("Knight", "Amy")), Title: "Who Killed Kirov? The Kremlin’s Greatest Mystery",
			PublisherPlace: "New York", Publisher: "Hill and Wang", Issued: yr(1999), Annote: "Question."}},
	{"quotes that belong to a book title", "Smith, John. “Bleeding Kansas” and the Civil War. Lawrence: University Press of Kansas, 2004. Quoted words.",
		Item{Type: "book", Author: names(person("Smith", "John")), Title: "“Bleeding Kansas” and the Civil War",
			PublisherPlace: "Lawrence", Publisher: "University Press of Kansas", Issued: yr(2004), Annote: "Quoted words."}},
	{"title that is a year", "McCullough, David. 1776. New York: Simon & Schuster, 2005. The year.",
		Item{Type: "book", Author: names(person("McCullough", "David")), Title: "1776",
			PublisherPlace: "New York", Publisher: "Simon & Schuster", Issued: yr(2005), Annote: "The year."}},
	{"no year keeps no issued", "Smith, John. The Year 1066: England Conquered. London: Penguin. No date here.",
		Item{Type: "book", Author: names(person("Smith", "John")), Title: "The Year 1066: England Conquered",
			PublisherPlace: "London", Publisher: "Penguin", Annote: "No date here."}},
	{"n.d.", "Smith, John. The Battle of 1812. London: Penguin, n.d. No date.",
		Item{Type: "book", Author: names(person("Smith", "John")), Title: "The Battle of 1812",
			PublisherPlace: "London", Publisher: "Penguin", Annote: "No date."}},
	{"journal article without a year", "Jones, Ann. “The Thaw.” Slavic Review 12, no. 3: 45-67. Reads the archives.",
		Item{Type: "article-journal", Author: names(person("Jones", "Ann")), Title: "The Thaw", ContainerTitle: "Slavic Review",
			Volume: "12", Issue: "3", Page: "45-67", Annote: "Reads the archives."}},
	{"journal article with an issue and no volume or year", "Vogt, Helena. “The Pass.” Alpine Archaeology, no. 7: 11-29. Weighs the case.",
		Item{Type: "article-journal", Author: names(person("Vogt", "Helena")), Title: "The Pass", ContainerTitle: "Alpine Archaeology",
			Issue: "7", Page: "11-29", Annote: "Weighs the case."}},
	{"journal article with a volume only", "Ó Riain, Pádraig. “The Paschal Controversy.” Peritia 9: 101-130. Reconstructs the tables.",
		Item{Type: "article-journal", Author: names(person("Ó Riain", "Pádraig")), Title: "The Paschal Controversy", ContainerTitle: "Peritia",
			Volume: "9", Page: "101-130", Annote: "Reconstructs the tables."}},
	{"a quoted title with a book's facts stays a book", "Smith, John. “A Lecture.” London: Penguin, 1990. Printed.",
		Item{Type: "book", Author: names(person("Smith", "John")), Title: "A Lecture",
			PublisherPlace: "London", Publisher: "Penguin", Issued: yr(1990), Annote: "Printed."}},
	{"no place", "Marsh, Henry. A Walk over the Plain. N.p., 1887. Privately printed.",
		Item{Type: "book", Author: names(person("Marsh", "Henry")), Title: "A Walk over the Plain", Issued: yr(1887), Annote: "Privately printed."}},
	{"no place, no publisher", "Harcourt, George. On Foot over the Alps. N.p.: n.p., 1911. An attempt.",
		Item{Type: "book", Author: names(person("Harcourt", "George")), Title: "On Foot over the Alps", Issued: yr(1911), Annote: "An attempt."}},
	{"no place, no date", "Pickering, Thomas. The Abbey on the Cliff: A Guide. N.p., n.d. A pamphlet.",
		Item{Type: "book", Author: names(person("Pickering", "Thomas")), Title: "The Abbey on the Cliff: A Guide", Annote: "A pamphlet."}},
	{"a place and no publisher", "Greene, Walter. The Plague Pits. London: n.p., 1911. An account.",
		Item{Type: "book", Author: names(person("Greene", "Walter")), Title: "The Plague Pits", PublisherPlace: "London", Issued: yr(1911), Annote: "An account."}},
	{"sine loco, sine nomine", "Brand, Hermann. Erinnerungen. S.l.: s.n., 1959. A memoir.",
		Item{Type: "book", Author: names(person("Brand", "Hermann")), Title: "Erinnerungen", Issued: yr(1959), Annote: "A memoir."}},
	{"Little, Brown", "Philpott, William. Bloody Victory. London: Little, Brown, 2009. Emphasizes the French contribution.",
		Item{Type: "book", Author: names(person("Philpott", "William")), Title: "Bloody Victory",
			PublisherPlace: "London", Publisher: "Little, Brown", Issued: yr(2009), Annote: "Emphasizes the French contribution."}},
	{"place with a saint", "Smith, John. Life in St. Louis. St. Louis: Mound Press, 1950. Local.",
		Item{Type: "book", Author: names(person("Smith", "John")), Title: "Life in St. Louis",
			PublisherPlace: "St. Louis", Publisher: "Mound Press", Issued: yr(1950), Annote: "Local."}},
	{"place with a particle", "Smith, John. Tyne Studies. Newcastle upon Tyne: Cambridge Scholars, 2010. English.",
		Item{Type: "book", Author: names(person("Smith", "John")), Title: "Tyne Studies",
			PublisherPlace: "Newcastle upon Tyne", Publisher: "Cambridge Scholars", Issued: yr(2010), Annote: "English."}},
	{"two places", "Smith, John, and Jane Doe. A Joint Work. London and New York: Routledge, 1999. Two places.",
		Item{Type: "book", Author: names(person("Smith", "John"), person("Doe", "Jane")), Title: "A Joint Work",
			PublisherPlace: "London and New York", Publisher: "Routledge", Issued: yr(1999), Annote: "Two places."}},
	{"particle surname", "von Rummel, Rudolph. The Eastern Front. Berlin: Verlag, 1930. German.",
		Item{Type: "book", Author: names(person("von Rummel", "Rudolph")), Title: "The Eastern Front",
			PublisherPlace: "Berlin", Publisher: "Verlag", Issued: yr(1930), Annote: "German."}},
	{"compound surname", "Garton Ash, Timothy. The Polish Revolution: Solidarity. New York: Scribner, 1984. Poland.",
		Item{Type: "book", Author: names(person("Garton Ash", "Timothy")), Title: "The Polish Revolution: Solidarity",
			PublisherPlace: "New York", Publisher: "Scribner", Issued: yr(1984), Annote: "Poland."}},
	{"Irish surname", "Ó Gráda, Cormac. Black ’47 and Beyond: The Great Irish Famine. Princeton, N.J.: Princeton University Press, 1999. Famine.",
		Item{Type: "book", Author: names(person("Ó Gráda", "Cormac")), Title: "Black ’47 and Beyond: The Great Irish Famine",
			PublisherPlace: "Princeton, N.J.", Publisher: "Princeton University Press", Issued: yr(1999), Annote: "Famine."}},
	{"hyphenated surname", "Woodham-Smith, Cecil. The Great Hunger: Ireland, 1845-1849. New York: Harper & Row, 1962. Famine.",
		Item{Type: "book", Author: names(person("Woodham-Smith", "Cecil")), Title: "The Great Hunger: Ireland, 1845-1849",
			PublisherPlace: "New York", Publisher: "Harper & Row", Issued: yr(1962), Annote: "Famine."}},
	{"second author with particle", "Smith, John, and Cormac Ó Gráda. Famine Studies. Dublin: Gill, 1999. Joint.",
		Item{Type: "book", Author: names(person("Smith", "John"), person("Ó Gráda", "Cormac")), Title: "Famine Studies",
			PublisherPlace: "Dublin", Publisher: "Gill", Issued: yr(1999), Annote: "Joint."}},
	{"suffix", "King, Martin Luther, Jr. Why We Can’t Wait. New York: Harper & Row, 1964. Civil rights.",
		Item{Type: "book", Author: names(person("King", "Martin Luther, Jr.")), Title: "Why We Can’t Wait",
			PublisherPlace: "New York", Publisher: "Harper & Row", Issued: yr(1964), Annote: "Civil rights."}},
	{"one-word title after an initial", "Smith, John Q. Adams. Boston: Beacon Press, 1990. Biography.",
		Item{Type: "book", Author: names(person("Smith", "John Q.")), Title: "Adams",
			PublisherPlace: "Boston", Publisher: "Beacon Press", Issued: yr(1990), Annote: "Biography."}},
	{"no author", "The Chicago Manual of Style. 17th ed. Chicago: University of Chicago Press, 2017. Style.",
		Item{Type: "book", Title: "The Chicago Manual of Style", Edition: "17",
			PublisherPlace: "Chicago", Publisher: "University of Chicago Press", Issued: yr(2017), Annote: "Style."}},
	{"no author, translator", "Beowulf. Translated by Seamus Heaney. New York: Farrar, Straus and Giroux, 2000. Poem.",
		Item{Type: "book", Translator: names(person("Heaney", "Seamus")), Title: "Beowulf",
			PublisherPlace: "New York", Publisher: "Farrar, Straus and Giroux", Issued: yr(2000), Annote: "Poem."}},
	{"volume and year range", "Carr, E. H. The Bolshevik Revolution, 1917-1923. Vol. 2. London: Macmillan, 1950-1953. Three volumes.",
		Item{Type: "book", Author: names(person("Carr", "E. H.")), Title: "The Bolshevik Revolution, 1917-1923", Volume: "2",
			PublisherPlace: "London", Publisher: "Macmillan", Issued: yr(1950, 1953), Annote: "Three volumes."}},
	{"no facts of publication", "Smith, John. A Pamphlet. 1990. A short piece.",
		Item{Type: "book", Author: names(person("Smith", "John")), Title: "A Pamphlet", Issued: yr(1990), Annote: "A short piece."}},
	{"annotation with a colon and a year", "Smith, John. Russia and the West. London: Penguin, 1990. Covers Russia: politics and war, 1917.",
		Item{Type: "book", Author: names(person("Smith", "John")), Title: "Russia and the West",
			PublisherPlace: "London", Publisher: "Penguin", Issued: yr(1990), Annote: "Covers Russia: politics and war, 1917."}},
	{"no annotation, no final period", "Smith, John. The Long War. New York: Norton, 1990",
		Item{Type: "book", Author: names(person("Smith", "John")), Title: "The Long War",
			PublisherPlace: "New York", Publisher: "Norton", Issued: yr(1990)}},
	{"list marker", "- Hull, Cordell. The Memoirs of Cordell Hull. New York: Macmillan, 1948. Recollections.",
		Item{Type: "book", Author: names(person("Hull", "Cordell")), Title: "The Memoirs of Cordell Hull",
			PublisherPlace: "New York", Publisher: "Macmillan", Issued: yr(1948), Annote: "Recollections."}},
}

func TestParseEntry(t *testing.T) {
	for _, c := range bibCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseEntry(c.raw)
			if err != nil {
				t.Fatalf("ParseEntry: %v", err)
			}
			if !reflect.DeepEqual(got, c.want) {
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(c.want)
				t.Errorf("ParseEntry(%q)\n got %s\nwant %s", c.raw, g, w)
			}
		})
	}
}

// TestParseEntryKeepsText checks the convention that values keep the entry's characters:
// every text value is a piece of the entry as written.
func TestParseEntryKeepsText(t *testing.T) {
	for _, c := range bibCases {
		got, err := ParseEntry(c.raw)
		if err != nil {
			continue
		}
		for _, v := range []string{got.Title, got.ContainerTitle, got.PublisherPlace, got.Publisher, got.Annote, got.Page} {
			if !strings.Contains(c.raw, v) {
				t.Errorf("%s: %q is not in the entry", c.name, v)
			}
		}
	}
}

func TestParseEntryErrors(t *testing.T) {
	for _, raw := range []string{"", "   ", "—", "12345", ">>>>>>>>>", "See the notes below",
		strings.Repeat("[", 5000)} {
		if it, err := ParseEntry(raw); err == nil {
			t.Errorf("ParseEntry(%q) = %+v, want an error", raw, it)
		}
	}
}

// TestParseEntryNoYearFromTitle checks that an entry without a publication year takes none
// from its title, however the title holds it.
func TestParseEntryNoYearFromTitle(t *testing.T) {
	for _, raw := range []string{
		"Smith, John. The Year 1066. London: Penguin. Annotation.",
		"Smith, John. Russia, 1917. Moscow: Progress. Annotation.",
		"Smith, John. Europe: 1914-1918. London: Penguin, n.d. Annotation.",
		"Smith, John. Through German Eyes: The Somme, 1916. Annotation about 1916.",
	} {
		it, err := ParseEntry(raw)
		if err != nil {
			t.Errorf("ParseEntry(%q): %v", raw, err)
			continue
		}
		if it.Issued != nil {
			t.Errorf("ParseEntry(%q): issued %v, want none", raw, it.Issued.Parts)
		}
	}
}

func TestAssignKeys(t *testing.T) {
	var items []*Item
	for _, raw := range []string{
		"Hasegawa, Tsuyoshi. The February Revolution: Petrograd, 1917. Seattle: University of Washington Press, 1981. A.",
		"Hasegawa, Tsuyoshi. “The Bolsheviks.” Soviet Studies 29, no. 1 (1977): 86-107. B.",
		"Hasegawa, Tsuyoshi. Another Book. Seattle: University of Washington Press, 1981. C.",
		"Jünger, Ernst. Storm of Steel. London: Allen Lane, 2003. D.",
		"Ó Gráda, Cormac. Black ’47. Princeton, N.J.: Princeton University Press, 1999. E.",
		"Great Britain. War Office. Statistics. London: HMSO, 1922. F.",
		"The Chicago Manual of Style. Chicago: University of Chicago Press. G.",
	} {
		it, err := ParseEntry(raw)
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, &it)
	}
	AssignKeys(items)
	want := []string{"hasegawa1981a", "hasegawa1977", "hasegawa1981b", "junger2003", "ograda1999",
		"greatbritainwaroffice1922", "chicagond"}
	for i, it := range items {
		if it.ID != want[i] {
			t.Errorf("entry %d: key %q, want %q", i, it.ID, want[i])
		}
	}
}

// articleEntries returns the bibliography lines of a corpus article: the lines after its
// "Bibliography" label, up to its "See also" line.
func articleEntries(t testing.TB, name string) []string {
	t.Helper()
	var out []string
	in := false
	for _, l := range strings.Split(string(testkit.Read(t, "articles/"+name+".txt")), "\n") {
		l = strings.TrimSpace(l)
		switch {
		case l == "Bibliography":
			in = true
		case strings.HasPrefix(l, "See also"):
			in = false
		case in && l != "":
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s: no bibliography", name)
	}
	return out
}

var spaceRE = regexp.MustCompile(`\s+`)

// normText compares text as the answer keys are scored: NFC, white space folded.
func normText(s string) string {
	return strings.TrimSpace(spaceRE.ReplaceAllString(norm.NFC.String(s), " "))
}

// goldItem is an answer key's entry, in CSL-JSON.
type goldItem struct {
	Type           string     `json:"type"`
	Author         []goldName `json:"author"`
	Editor         []goldName `json:"editor"`
	Translator     []goldName `json:"translator"`
	Title          string     `json:"title"`
	ContainerTitle string     `json:"container-title"`
	Volume         string     `json:"volume"`
	Issue          string     `json:"issue"`
	Page           string     `json:"page"`
	Edition        any        `json:"edition"`
	PublisherPlace string     `json:"publisher-place"`
	Publisher      string     `json:"publisher"`
	Issued         *goldDate  `json:"issued"`
	OriginalDate   *goldDate  `json:"original-date"`
	Annote         string     `json:"annote"`
}

type goldName struct {
	Family  string `json:"family"`
	Given   string `json:"given"`
	Literal string `json:"literal"`
}

type goldDate struct {
	Parts [][]any `json:"date-parts"`
}

var editionRE = regexp.MustCompile(`^\d+`)

// The answer keys' fields as they are scored: names as "family, given" or the literal, dates
// as their first year, editions by their number, text NFC-normalised with white space folded.
func scoredNames(ns []Name) string {
	var out []string
	for _, n := range ns {
		if n.Literal != "" {
			out = append(out, n.Literal)
			continue
		}
		out = append(out, strings.Trim(n.Family+", "+n.Given, ", "))
	}
	return strings.Join(out, "; ")
}

func scoredGoldNames(ns []goldName) string {
	var conv []Name
	for _, n := range ns {
		conv = append(conv, Name(n))
	}
	return scoredNames(conv)
}

func scoredYear(d *DateParts) string {
	if y, ok := d.Year(); ok {
		return fmt.Sprint(y)
	}
	return ""
}

func scoredGoldYear(d *goldDate) string {
	if d == nil || len(d.Parts) == 0 || len(d.Parts[0]) == 0 {
		return ""
	}
	return fmt.Sprint(d.Parts[0][0])
}

func scoredEdition(v any) string {
	if v == nil {
		return ""
	}
	s := fmt.Sprint(v)
	if m := editionRE.FindString(s); m != "" {
		return m
	}
	return s
}

// TestEntriesMatchGold reads the corpus and invented articles' bibliographies and compares
// every field with the answer keys.
func TestEntriesMatchGold(t *testing.T) {
	for _, name := range append(append([]string{}, testkit.Articles...), testkit.Invented...) {
		t.Run(name, func(t *testing.T) {
			var key struct {
				Bibliography []goldItem `json:"bibliography"`
			}
			if err := json.Unmarshal(testkit.Read(t, "articles/"+name+".gold.json"), &key); err != nil {
				t.Fatal(err)
			}
			if len(key.Bibliography) == 0 {
				return // an empty Bibliography section: the article parser's to warn of
			}
			lines := articleEntries(t, name)
			if len(lines) != len(key.Bibliography) {
				t.Fatalf("%d entries, want %d", len(lines), len(key.Bibliography))
			}
			for i, w := range key.Bibliography {
				it, err := ParseEntry(lines[i])
				if err != nil {
					t.Errorf("entry %d: %v", i+1, err)
					continue
				}
				for _, f := range []struct{ field, got, want string }{
					{"type", it.Type, w.Type},
					{"author", scoredNames(it.Author), scoredGoldNames(w.Author)},
					{"editor", scoredNames(it.Editor), scoredGoldNames(w.Editor)},
					{"translator", scoredNames(it.Translator), scoredGoldNames(w.Translator)},
					{"title", normText(it.Title), normText(w.Title)},
					{"container-title", normText(it.ContainerTitle), normText(w.ContainerTitle)},
					{"volume", normText(it.Volume), normText(w.Volume)},
					{"issue", normText(it.Issue), normText(w.Issue)},
					{"page", normText(it.Page), normText(w.Page)},
					{"edition", scoredEdition(it.Edition), scoredEdition(w.Edition)},
					{"publisher-place", normText(it.PublisherPlace), normText(w.PublisherPlace)},
					{"publisher", normText(it.Publisher), normText(w.Publisher)},
					{"issued", scoredYear(it.Issued), scoredGoldYear(w.Issued)},
					{"original-date", scoredYear(it.OriginalDate), scoredGoldYear(w.OriginalDate)},
					{"annote", normText(it.Annote), normText(w.Annote)},
				} {
					if f.got != f.want {
						t.Errorf("entry %d %s: got %q, want %q", i+1, f.field, f.got, f.want)
					}
				}
			}
		})
	}
}

// BenchmarkParseEntryLong parses single entries of growing length, shaped to defeat a
// careless reader (every period an initial's, every sentence a candidate for the facts of
// publication or a chapter's "In"), which must also stay linear in the line's length.
func BenchmarkParseEntryLong(b *testing.B) {
	for _, unit := range []string{"Russia: The Story, 1917. ", "A. ", "“T.” In ", "Ed. A. ", "X: Y, 1990. "} {
		for _, n := range []int{1000, 10000, 40000} {
			raw := "Smith, John. " + strings.Repeat(unit, n) + "London: Penguin, 1990. Annotation."
			b.Run(fmt.Sprintf("%q×%d", strings.TrimSpace(unit), n), func(b *testing.B) {
				b.SetBytes(int64(len(raw)))
				for b.Loop() {
					ParseEntry(raw)
				}
			})
		}
	}
}

// FuzzParseEntry checks that any line either fails cleanly or gives an item with a title whose
// text values are pieces of the line.
func FuzzParseEntry(f *testing.F) {
	for _, c := range bibCases {
		f.Add(c.raw)
	}
	for _, name := range testkit.Articles {
		for _, raw := range articleEntries(f, name) {
			f.Add(raw)
		}
	}
	f.Fuzz(func(t *testing.T, raw string) {
		it, err := ParseEntry(raw)
		if err != nil {
			return
		}
		if it.Title == "" {
			t.Fatalf("ParseEntry(%q): no title", raw)
		}
		for _, v := range []string{it.Title, it.ContainerTitle, it.PublisherPlace, it.Publisher, it.Annote, it.Page} {
			if !strings.Contains(raw, v) {
				t.Fatalf("ParseEntry(%q): %q is not in the line", raw, v)
			}
		}
	})
}

// TestItemsAreCSL checks the shapes CSL-JSON requires of the items read from the cases and the
// corpus: names are {family[, given]} or {literal}, dates are non-empty date-parts of plausible
// years, and the type is one CSL knows.
func TestItemsAreCSL(t *testing.T) {
	raws := []string{}
	for _, c := range bibCases {
		raws = append(raws, c.raw)
	}
	for _, name := range testkit.Articles {
		raws = append(raws, articleEntries(t, name)...)
	}
	for _, raw := range raws {
		it, err := ParseEntry(raw)
		if err != nil {
			t.Fatalf("ParseEntry(%q): %v", raw, err)
		}
		switch it.Type {
		case "book", "article-journal", "chapter":
		default:
			t.Errorf("%q: type %q", it.Title, it.Type)
		}
		for _, ns := range [][]Name{it.Author, it.Editor, it.Translator} {
			for _, n := range ns {
				if (n.Literal == "") == (n.Family == "") || (n.Given != "" && n.Family == "") {
					t.Errorf("%q: name %+v is neither {family, given} nor {literal}", it.Title, n)
				}
			}
		}
		for _, d := range []*DateParts{it.Issued, it.OriginalDate} {
			if d == nil {
				continue
			}
			if len(d.Parts) == 0 || len(d.Parts) > 2 {
				t.Errorf("%q: date-parts %v", it.Title, d.Parts)
			}
			for _, p := range d.Parts {
				if len(p) == 0 || len(p) > 3 || p[0] < 1000 || p[0] > 2999 {
					t.Errorf("%q: date-parts %v", it.Title, d.Parts)
				}
			}
		}
	}
}

// TestPatterns runs every pattern the reader compiles on first use on text it must match and
// text it must not, so that a broken pattern fails here rather than on the first entry that
// reaches it.
func TestPatterns(t *testing.T) {
	for _, tt := range []struct {
		name    string
		re      func() *regexp.Regexp
		yes, no string
	}{
		{"journal", journalRE, "Greece & Rome 21, no. 2 (1974): 191-199. Examines", "Oxford: Clarendon Press, 1939."},
		{"periodical", periodicalRE, "New York Times, March 5, 1990, 12.", "New York Times (1990)"},
		{"year in", yearInRE, "Spring 1986", "Spring 86"},
		{"name modifier", modNameRE, "Translated by Robert Graves.", "Translations of Graves."},
		{"edition", modEditionRE, "3d ed. Cambridge", "3 volumes"},
		{"edition in words", modEditionTextRE, "Rev. ed. Boston", "Revision of 1950"},
		{"reprint", modReprintRE, "Reprint of the 1939 edition.", "Reprisal"},
		{"year", modYearRE, "1939. Reprint.", "1939a."},
		{"original", modOriginalRE, "First published in 1939. ", "First of all."},
		{"volume", modVolumeRE, "Vol. 2 of The War.", "Volcanoes."},
		{"volumes", modVolumesRE, "2 vols. London", "2 volcanoes"},
	} {
		if !tt.re().MatchString(tt.yes) || tt.re().MatchString(tt.no) {
			t.Errorf("%s pattern %s: matches %q %v, %q %v", tt.name, tt.re(), tt.yes, tt.re().MatchString(tt.yes),
				tt.no, tt.re().MatchString(tt.no))
		}
	}
}
