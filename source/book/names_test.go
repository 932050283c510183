package book

import (
	"reflect"
	"strings"
	"testing"
)

func TestParseName(t *testing.T) {
	tests := []struct {
		in      string
		kind    nameKind
		call    string
		given   string
		nomina  string
		heading string
	}{
		{"Franklin D. Roosevelt", ordinary, "roosevelt", "franklin d", "", "Roosevelt, Franklin D."},
		{"Franklin Delano Roosevelt", ordinary, "roosevelt", "franklin delano", "", "Roosevelt, Franklin Delano"},
		{"FDR", acronym, "fdr", "", "", "FDR"},
		{"Paul von Hindenburg", ordinary, "hindenburg", "paul", "", "Hindenburg, Paul von"},
		{"Richard von Kühlmann", ordinary, "kuhlmann", "richard", "", "Kühlmann, Richard von"},
		{"Éamon de Valera", ordinary, "valera", "eamon", "", "Valera, Éamon de"},
		{"Sir Robert Peel", ordinary, "peel", "robert", "", "Peel, Sir Robert"},
		{"Lord John Russell", ordinary, "russell", "john", "", "Russell, Lord John"},
		{"Martin Luther King, Jr.", ordinary, "king", "martin luther", "", "King, Martin Luther, Jr."},
		{"Gaius Julius Caesar", ordinary, "caesar", "gaius julius", "julius", "Caesar, Gaius Julius"},
		{"Gaius Cassius Longinus", ordinary, "longinus", "gaius cassius", "cassius", "Longinus, Gaius Cassius"},
		{"Decimus Junius Brutus Albinus", ordinary, "albinus", "decimus junius brutus", "junius brutus", "Albinus, Decimus Junius Brutus"},
		{"Maksim Maksimovich Litvinov", ordinary, "litvinov", "maksim maksimovich", "", "Litvinov, Maksim Maksimovich"},
		{"William Brooke O’Shaughnessy", ordinary, "o'shaughnessy", "william brooke", "", "O’Shaughnessy, William Brooke"},
		{"Calpurnia", single, "calpurnia", "", "", "Calpurnia"},
		{"Nicholas II", core, "nicholas", "", "", "Nicholas II"},
		{"John Paul II", core, "john paul", "", "", "John Paul II"},
		{"William the Conqueror", core, "william", "", "", "William the Conqueror"},
		{"Odo of Bayeux", core, "odo", "", "", "Odo of Bayeux"},
		{"Alexandra Fyodorovna", core, "alexandra", "", "", "Alexandra Fyodorovna"},
		{"Grand Duke Michael Aleksandrovich", core, "michael", "", "", "Michael Aleksandrovich, Grand Duke"},
		{"first Earl Haig", single, "haig", "", "", "Haig, first Earl"},
		{"Countess Markievicz", single, "markievicz", "", "", "Markievicz, Countess"},
		{"Lech Wałęsa", ordinary, "walesa", "lech", "", "Wałęsa, Lech"},
		{"Charles de Gaulle", ordinary, "gaulle", "charles", "", "Gaulle, Charles de"},
		{"de Gaulle", ordinary, "gaulle", "", "", "Gaulle, de"},
	}
	for _, tt := range tests {
		n, ok := parseName(tt.in)
		if !ok {
			t.Errorf("parseName(%q) failed", tt.in)
			continue
		}
		got := []string{strings.Join(n.call, " "), strings.Join(n.given, " "), strings.Join(n.nomina, " "), n.heading}
		want := []string{tt.call, tt.given, tt.nomina, tt.heading}
		if n.kind != tt.kind || !reflect.DeepEqual(got, want) {
			t.Errorf("parseName(%q) = kind %d %q, want kind %d %q", tt.in, n.kind, got, tt.kind, want)
		}
	}
	for _, s := range []string{"", "  ", "—", "()", "\u05b9", "\u0301\u0301"} {
		if _, ok := parseName(s); ok {
			t.Errorf("parseName(%q) read a name", s)
		}
	}
}

func TestCompatibleGiven(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"franklin d", "franklin delano", true},
		{"joseph", "joseph vissarionovich", true},
		{"f d", "franklin delano", true},
		{"", "theodore", true},
		{"vladimir ilich", "vladimir", true},
		{"theodore", "franklin d", false},
		{"maxim", "maksim maksimovich", false},
		{"franklin delano", "franklin dwight", false},
		{"john quincy", "john", true},
		{"gaius julius", "gaius octavius", false},
	}
	for _, tt := range tests {
		if got := compatibleGiven(strings.Fields(tt.a), strings.Fields(tt.b)); got != tt.want {
			t.Errorf("compatibleGiven(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestSamePerson(t *testing.T) {
	fig := func(born, died int, forms ...string) *figure {
		f := &figure{}
		if born != 0 {
			f.born = dateOf(born)
		}
		if died != 0 {
			f.died = dateOf(died)
		}
		for _, s := range forms {
			n, _ := parseName(s)
			f.forms = append(f.forms, n)
		}
		return f
	}
	tests := []struct {
		name string
		a, b *figure
		want bool
	}{
		{"an initial and the name it stands for", fig(1882, 1945, "Franklin D. Roosevelt"), fig(1882, 1945, "Franklin Delano Roosevelt", "FDR"), true},
		{"an acronym alone", fig(1882, 1945, "Franklin D. Roosevelt"), fig(0, 0, "Franklin Roosevelt", "FDR"), true},
		{"two spellings with one lifespan", fig(1876, 1951, "Maksim Maksimovich Litvinov", "Meier Moiseevich Wallach"), fig(1876, 1951, "Maxim Litvinov", "Meier Wallach"), true},
		{"two spellings, one lifespan unknown", fig(1876, 1951, "Maksim Maksimovich Litvinov"), fig(0, 0, "Maxim Litvinov"), false},
		{"a year of birth in dispute", fig(1878, 1953, "Joseph Stalin"), fig(1879, 1953, "Joseph Stalin"), true},
		{"a middle name left out", fig(1870, 1924, "Vladimir Ilich Lenin", "Vladimir Ilich Ulyanov"), fig(1870, 1924, "Vladimir Lenin"), true},
		{"father and son", fig(1708, 1778, "William Pitt"), fig(1759, 1806, "William Pitt"), false},
		{"two presidents", fig(1858, 1919, "Theodore Roosevelt"), fig(1882, 1945, "Franklin D. Roosevelt"), false},
		{"two presidents, lives unknown", fig(0, 0, "Theodore Roosevelt"), fig(0, 0, "Franklin D. Roosevelt"), false},
		{"a surname alone", fig(0, 0, "Stalin"), fig(1878, 1953, "Joseph Stalin"), true},
		{"an alias that is the other's name", fig(63, 14, "Gaius Octavius", "Augustus"), fig(0, 0, "Augustus"), true},
		{"two kings of one name", fig(1796, 1855, "Nicholas I"), fig(1868, 1918, "Nicholas II"), false},
		{"one king, two articles", fig(0, 0, "Nicholas II", "Nikolay Aleksandrovich Romanov"), fig(1868, 1918, "Nicholas II"), true},
		{"an acronym of someone else", fig(1917, 1963, "John F. Kennedy", "JFK"), fig(1882, 1945, "Franklin Delano Roosevelt"), false},
	}
	for _, tt := range tests {
		if got := samePerson(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: samePerson = %v", tt.name, got)
		}
		if got := samePerson(tt.b, tt.a); got != tt.want {
			t.Errorf("%s (reversed): samePerson = %v", tt.name, got)
		}
	}
}
