package timeline

// The words around a number or a month that decide whether it is a date. Each list says what
// it decides; the scanner reads them.

// Words after which a bare month is a date: "in September", "by May", "until late July".
var monthCues = map[string]bool{
	"in": true, "on": true, "by": true, "during": true, "since": true, "until": true, "till": true,
	"before": true, "after": true, "from": true, "to": true, "through": true, "between": true,
	"of": true, "and": true, "or": true, "last": true, "next": true, "this": true, "that": true,
	"throughout": true, "around": true, "early": true, "late": true, "mid": true,
}

// Words after which a number of one to three digits may be a year ("in 476").
var weakCues = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "before": true, "after": true,
	"around": true, "c.": true, "ca.": true, "ca": true, "circa": true,
}

// Words after which a number of one to three digits is a year only where an era marker is
// in view: "by 400" in an article dated c.e., not "grew by 300".
var softCues = map[string]bool{
	"by": true, "from": true, "to": true, "of": true, "during": true, "year": true,
}

// Words after which, in an article of the first millennium, a number of one to three digits
// is a year unless it counts something: "in 627 baptized", "by 672 had gathered", "March of
// 597", "after 43".
var earlyCues = map[string]bool{
	"in": true, "by": true, "of": true, "from": true, "until": true, "till": true, "since": true,
	"before": true, "after": true, "around": true, "during": true, "c.": true, "ca.": true,
	"ca": true, "circa": true, "year": true, "about": true,
}

// Words before a year that make it a period rather than a point: "the strategy after 216".
var periodLeads = map[string]bool{
	"after": true, "since": true, "before": true, "throughout": true,
}

// Words before "that year" that make it the narrative's year: "later that year".
var relThat = map[string]bool{
	"in": true, "later": true, "earlier": true, "of": true, "by": true, "during": true,
	"throughout": true, "until": true,
}

// Number words that count years ("two years later") or begin a count of their own after a
// year ("In 787 three ships").
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50,
}

// Words of a count after a year: "In 787 three ships", "in 410 many fled".
var countWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true,
	"twenty": true, "thirty": true, "forty": true, "fifty": true, "hundred": true,
	"thousand": true, "several": true, "many": true, "few": true, "some": true,
}

// Verbs in the past tense, irregular ones, that follow a year as often as the subject's verb:
// "Alcuin in 793 sent letters" (regular ones end in "-ed", as adjectives do: "in 200 armed
// boats").
var pastVerbs = map[string]bool{
	"sent": true, "led": true, "took": true, "gave": true, "made": true, "came": true,
	"went": true, "fought": true, "won": true, "built": true, "held": true, "brought": true,
	"began": true, "wrote": true, "left": true, "met": true, "fell": true, "rose": true,
	"struck": true, "found": true, "became": true, "kept": true, "told": true, "sought": true,
	"bought": true, "laid": true, "paid": true, "fled": true, "drove": true, "rode": true,
	"bore": true, "swore": true, "spoke": true, "chose": true, "stole": true, "knew": true,
	"threw": true, "grew": true, "drew": true, "saw": true, "lost": true, "set": true,
	"put": true, "cut": true, "hid": true, "sold": true, "slew": true, "shot": true,
	"ran": true, "sat": true, "stood": true, "taught": true, "thought": true, "wore": true,
}

// Words that make the count after them approximate: "some twenty years later".
var approximate = map[string]bool{
	"some": true, "about": true, "nearly": true, "almost": true, "over": true, "roughly": true,
	"approximately": true, "around": true, "perhaps": true,
}

// Ordinals that name a part of a year: "the first half of 1933", "the third quarter of".
var ordinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4}

// Words after which an OCR-split number ("1 931") is a year.
var splitCues = map[string]bool{
	"in": true, "by": true, "of": true, "since": true, "until": true, "till": true, "from": true,
	"to": true, "during": true, "before": true, "after": true, "the": true, "early": true,
	"late": true, "mid": true, "around": true, "c.": true, "circa": true, "and": true,
}

// Words before a year that make a following plural noun part of the date's phrase rather
// than the counted thing: "in 1916 troops were sent", "the 1932 elections".
var yearLeads = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "by": true, "during": true,
	"before": true, "after": true, "the": true, "early": true, "late": true, "mid": true,
	"from": true, "between": true,
}

// Short words that may follow a year of one to three digits ("in 410 the city fell").
var functionWords = map[string]bool{
	"and": true, "or": true, "when": true, "the": true, "he": true, "she": true, "it": true,
	"they": true, "but": true, "as": true, "while": true, "with": true, "to": true, "at": true,
	"on": true, "in": true, "after": true, "before": true, "until": true, "a": true, "an": true,
	"his": true, "her": true, "their": true, "its": true, "this": true, "that": true,
	"which": true, "who": true, "where": true, "was": true, "were": true, "had": true,
}

// Nouns that count rather than date the number before them ("1500 men").
var quantityNouns = map[string]bool{
	"men": true, "people": true, "feet": true, "children": true, "women": true, "aircraft": true,
	"sheep": true, "cattle": true, "dead": true, "killed": true, "wounded": true, "percent": true,
	"per": true, "square": true, "cubic": true, "strong": true, "head": true, "more": true,
	"other": true, "others": true, "of": true,
}

// Words that count what follows "of": "a population of 1800" is no year.
var countNouns = map[string]bool{
	"population": true, "total": true, "force": true, "army": true, "crew": true, "fleet": true,
	"garrison": true, "band": true, "sum": true, "cost": true, "salary": true, "height": true,
	"depth": true, "altitude": true, "distance": true, "length": true, "area": true,
	"budget": true, "debt": true, "loan": true, "ransom": true, "tribute": true, "strength": true,
	"majority": true, "margin": true, "maximum": true, "minimum": true, "average": true,
	"circulation": true, "membership": true, "enrollment": true, "toll": true, "loss": true,
	"losses": true, "price": true, "speed": true, "range": true, "capacity": true,
}

// Words before a number that make it a count: "some 1500 guns".
var countLeads = map[string]bool{
	"some": true, "nearly": true, "approximately": true, "roughly": true, "almost": true,
}

// Labels before a number that make it an identifier: "No. 1", "Flight 1549".
var numberLabels = map[string]bool{
	"No": true, "no": true, "Nos": true, "nos": true, "Number": true, "number": true,
	"Vol": true, "vol": true, "Volume": true, "volume": true, "p.": true, "pp": true,
	"Page": true, "page": true, "pages": true, "Chapter": true, "chapter": true, "Flight": true,
	"flight": true, "Route": true, "route": true, "Highway": true, "highway": true,
	"Resolution": true, "Room": true, "room": true, "Box": true, "Op": true, "op": true,
	"Opus": true, "Psalm": true, "Article": true, "Section": true, "Sec": true, "Catalog": true,
	"Serial": true, "serial": true, "Plate": true, "plate": true, "Figure": true, "figure": true,
	"Fig": true, "fig": true, "Table": true, "table": true, "Interstate": true, "Item": true,
	"item": true, "Art": true, "art": true, "Ch": true, "ch": true, "Code": true, "Form": true,
	"Apollo": true, "Boeing": true, "Order": true, "Gemini": true, "Soyuz": true, "Vostok": true,
}

// Markers of a lifespan or a reign before a year: "(b. 1946)", "(r. 1894-1917)".
var lifeMarks = map[string]bool{
	"b.": true, "d.": true, "r.": true, "fl": true, "born": true, "died": true, "reigned": true,
	"ruled": true,
}

// Capitalised words before a parenthesised range that make it an event's span, not a
// person's life: "Russian Civil War (1918-1921)".
var spanNouns = map[string]bool{
	"War": true, "Wars": true, "Revolution": true, "Treaty": true, "Conference": true,
	"Crisis": true, "Era": true, "Age": true, "Period": true, "Dynasty": true, "dynasty": true,
	"Empire": true, "Kingdom": true, "Republic": true, "Union": true, "Reich": true,
	"Regime": true, "Government": true, "Administration": true, "Movement": true,
	"Rebellion": true, "Uprising": true, "Campaign": true, "Expedition": true, "Occupation": true,
	"Mandate": true, "Protectorate": true, "Colony": true, "Depression": true, "Pact": true,
	"Reconstruction": true, "Renaissance": true, "Reformation": true, "Restoration": true,
	"Reign": true, "Rule": true, "Presidency": true, "Ministry": true, "Cabinet": true,
	"Parliament": true, "Assembly": true, "Congress": true, "Council": true, "Duma": true,
	"League": true, "Party": true, "Commonwealth": true, "Confederation": true,
	"Federation": true, "Company": true, "Act": true, "Plan": true, "Program": true,
	"Deal": true, "Games": true, "Olympics": true, "Exposition": true, "Exhibition": true,
	"Festival": true, "Siege": true, "Battle": true, "Blockade": true, "Famine": true,
	"Strike": true, "Purge": true, "Terror": true, "Trial": true, "Trials": true, "Crusade": true,
	"Schism": true, "Council's": true, "Epidemic": true, "Pandemic": true, "Plague": true,
	"Offensive": true, "Airlift": true, "Embargo": true, "Crash": true, "Boom": true,
	"Sultanate": true, "Caliphate": true, "Shogunate": true, "Khanate": true, "Raj": true,
}
