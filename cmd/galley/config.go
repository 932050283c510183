package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
	"github.com/spf13/pflag"

	"galley/internal/regfile"
	"galley/render"
	"galley/source"
)

// The house-style file: a school, library or publisher sets its name, its logo and its
// defaults for build flags once, in TOML:
//
//	[house]
//	name = "Lincoln High School Library"
//	logo = "logo.png"
//
//	[build]
//	paper = "a4"
//	cite = "apa"
//	formats = ["pdf", "epub"]
//
// [build] takes any build flag's long name with a value of the flag's type. Paths inside the
// file are relative to the file. Flags given on the command line override the file, which
// overrides the defaults.

// houseStyleName is the file looked up in the current directory when --config is not given.
const houseStyleName = "galley.toml"

// pathAnnotation marks a flag whose value is a path, read relative to the house-style file
// when the file sets it. The annotation's values are the names the flag also takes that are
// not paths (--font's "serif" and "sans").
const pathAnnotation = "galley/path"

// keyAliases are names the file accepts for a flag besides its long name: a list reads
// better in the plural.
var keyAliases = map[string]string{"formats": "format"}

// notInFile are the flags a house-style file cannot set.
var notInFile = map[string]bool{"config": true, "help": true}

// houseStyle is what a house-style file says.
type houseStyle struct {
	// File is the file's path as given, for messages.
	File string
	// Name is the house's name (PDF footer, EPUB publisher, cover); "" for none.
	Name string
	// LogoPath is the logo's path (relative to the working directory), "" for none; Logo is
	// the image once loaded (see loadHouseStyle).
	LogoPath string
	Logo     *render.Image
	logoAt   position
	// Build holds the file's values for build flags, in the file's order.
	Build []setting
	// applied holds the flags apply set (those the command line left alone).
	applied map[string]bool
}

// setting is one [build] value.
type setting struct {
	// Flag is the flag's long name.
	Flag string
	// Value is a string, bool, int64 or []string, as the flag's type asks; paths are
	// already relative to the working directory.
	Value any
	// At is the value's position in the file.
	At position
}

// position is a line and column (both from 1) in the file.
type position struct{ line, col int }

// configError lists a house-style file's problems, each one line in the compilers' form,
// FILE:LINE:COL: error: message.
type configError struct {
	file  string
	diags []source.Diagnostic
}

func (e *configError) Error() string {
	lines := make([]string, len(e.diags))
	for i, d := range e.diags {
		lines[i] = d.Format(e.file)
	}
	return strings.Join(lines, "\n")
}

func (e *configError) add(at position, format string, a ...any) {
	e.diags = append(e.diags, source.Diagnostic{Line: max(at.line, 1), Col: max(at.col, 1),
		Severity: source.SevError, Message: fmt.Sprintf(format, a...)})
}

// err returns e if it holds a problem, nil otherwise, its lines in the order of the file.
func (e *configError) err() error {
	if len(e.diags) == 0 {
		return nil
	}
	slices.SortStableFunc(e.diags, func(a, b source.Diagnostic) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Col - b.Col
	})
	return e
}

// findHouseStyle returns the house-style file to read: the one --config names (given is
// whether --config was given; an empty name then means none), else galley.toml in the current
// directory if there is one. It returns "" for none.
func findHouseStyle(config string, given bool) string {
	if given {
		return config
	}
	if st, err := os.Stat(houseStyleName); err == nil && !st.IsDir() {
		return houseStyleName
	}
	return ""
}

// loadHouseStyle reads the house-style file at path, checks it against the build flags and
// loads its logo. An error is a *configError when the file could be read.
func loadHouseStyle(path string, flags *pflag.FlagSet) (*houseStyle, error) {
	data, err := readSmallFile(path, maxHouseStyle)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	h, err := parseHouseStyle(path, data, flags)
	if err != nil {
		return nil, err
	}
	if h.LogoPath != "" {
		if h.Logo, err = readLogo(h.LogoPath); err != nil {
			e := &configError{file: path}
			e.add(h.logoAt, "house.logo: %v", err)
			return nil, e.err()
		}
	}
	return h, nil
}

// maxHouseStyle is the largest house-style file read: a few lines are all it needs.
const maxHouseStyle = 1 << 20

// readSmallFile reads the regular file path (never a FIFO, which would block) of at most
// limit bytes. Its errors do not repeat the path.
func readSmallFile(path string, limit int64) ([]byte, error) {
	f, err := regfile.Open(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("over the %d-byte limit", limit)
	}
	return data, nil
}

// readLogo reads a logo: a PNG or JPEG image within render's limits.
func readLogo(path string) (*render.Image, error) {
	data, err := readSmallFile(path, render.MaxImageBytes)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	img, err := render.Decode(data, filepath.Base(path))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if img.Format != "png" && img.Format != "jpeg" {
		return nil, fmt.Errorf("%s: a %s image; the logo must be PNG or JPEG", path, strings.ToUpper(img.Format))
	}
	return img, nil
}

// parseHouseStyle reads a house-style file's bytes; file is its path, which relative paths in
// it are read against. Every [build] key must be the long name of one of flags, with a value
// of the flag's type. All the problems found are returned together, as a *configError.
func parseHouseStyle(file string, data []byte, flags *pflag.FlagSet) (*houseStyle, error) {
	e := &configError{file: file}
	var doc map[string]any
	if err := toml.Unmarshal(data, &doc); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			line, col := de.Position()
			e.add(position{line, col}, "%s", strings.TrimPrefix(de.Error(), "toml: "))
		} else {
			e.add(position{1, 1}, "%v", err)
		}
		return nil, e.err()
	}
	at := locate(data)
	dir := filepath.Dir(file)
	h := &houseStyle{File: file}
	for _, key := range tableOrder(doc, at, nil) {
		switch key {
		case "house":
			h.readHouse(e, doc[key], at, dir)
		case "build":
			h.readBuild(e, doc[key], at, dir, flags)
		default:
			e.add(at.key(key), "unknown table %q: a house-style file has [house] and [build]%s",
				key, suggest(key, []string{"house", "build"}))
		}
	}
	if err := e.err(); err != nil {
		return nil, err
	}
	return h, nil
}

func (h *houseStyle) readHouse(e *configError, v any, at positions, dir string) {
	t, ok := v.(map[string]any)
	if !ok {
		e.add(at.value("house"), "house must be a table ([house]), not %s", kindOf(v))
		return
	}
	for _, key := range tableOrder(t, at, []string{"house"}) {
		val, path := t[key], "house."+key
		s, isString := val.(string)
		switch key {
		case "name", "logo":
			if !isString {
				e.add(at.value(path), "%s must be a string, not %s", path, kindOf(val))
				continue
			}
		default:
			e.add(at.key(path), "unknown key %q in [house]: it has name and logo%s", key,
				suggest(key, []string{"name", "logo"}))
			continue
		}
		if key == "name" {
			s = strings.TrimSpace(s)
			if strings.IndexFunc(s, unicode.IsControl) >= 0 {
				e.add(at.value(path), "house.name must be one line of text, without control characters")
				continue
			}
			h.Name = s
			continue
		}
		if s == "" {
			continue
		}
		h.LogoPath, h.logoAt = relativeTo(dir, s), at.value(path)
	}
}

func (h *houseStyle) readBuild(e *configError, v any, at positions, dir string, flags *pflag.FlagSet) {
	t, ok := v.(map[string]any)
	if !ok {
		e.add(at.value("build"), "build must be a table ([build]), not %s", kindOf(v))
		return
	}
	var names []string
	flags.VisitAll(func(f *pflag.Flag) {
		if !notInFile[f.Name] {
			names = append(names, f.Name)
		}
	})
	set := map[string]string{} // flag name → the key that set it
	for _, key := range tableOrder(t, at, []string{"build"}) {
		val, path := t[key], "build."+key
		name := key
		if alias, ok := keyAliases[key]; ok {
			name = alias
		}
		f := flags.Lookup(name)
		switch {
		case notInFile[name]:
			e.add(at.key(path), "%q cannot be set in a house-style file", key)
			continue
		case f == nil:
			e.add(at.key(path), "unknown key %q in [build]: not a build flag%s", key, suggest(key, names))
			continue
		case set[name] != "":
			e.add(at.key(path), "%q sets --%s again (as %q did)", key, name, set[name])
			continue
		}
		set[name] = key
		value, err := flagValue(f, val)
		if err != nil {
			e.add(at.value(path), "%s must be %v, not %s", path, err, kindOf(val))
			continue
		}
		if p, ok := f.Annotations[pathAnnotation]; ok {
			if s, ok := value.(string); ok && s != "" && !slices.Contains(p, s) {
				value = relativeTo(dir, s)
			}
		}
		h.Build = append(h.Build, setting{Flag: name, Value: value, At: at.value(path)})
	}
}

// flagValue returns the file's value v for flag f, or an error naming the type f takes.
func flagValue(f *pflag.Flag, v any) (any, error) {
	switch f.Value.Type() {
	case "bool":
		if b, ok := v.(bool); ok {
			return b, nil
		}
		return nil, errors.New("true or false (as --" + f.Name + ")")
	case "int":
		if n, ok := v.(int64); ok && n == int64(int(n)) {
			return n, nil
		}
		return nil, errors.New("an integer (as --" + f.Name + ")")
	case "stringSlice", "stringArray":
		// A list, or one string as it would be written on the command line.
		if s, ok := v.(string); ok {
			return s, nil
		}
		if a, ok := v.([]any); ok {
			list := make([]string, 0, len(a))
			for _, x := range a {
				s, ok := x.(string)
				if !ok {
					return nil, errors.New("a list of strings (as --" + f.Name + ")")
				}
				list = append(list, s)
			}
			return list, nil
		}
		return nil, errors.New("a list of strings (as --" + f.Name + ")")
	}
	if s, ok := v.(string); ok {
		return s, nil
	}
	return nil, errors.New("a string (as --" + f.Name + ")")
}

// relativeTo reads path relative to dir, unless it is absolute.
func relativeTo(dir, path string) string {
	if filepath.IsAbs(path) {
		return path
	}
	return filepath.Join(dir, path)
}

// apply sets every flag of flags that the file gives a value and the command line did not,
// so that flags override the file and the file overrides the defaults. Flags the file sets
// that flags does not define (a build flag `galley check` lacks) are left alone.
func (h *houseStyle) apply(flags *pflag.FlagSet) error {
	e := &configError{file: h.File}
	for _, s := range h.Build {
		f := flags.Lookup(s.Flag)
		if f == nil || f.Changed {
			continue
		}
		var err error
		switch v := s.Value.(type) {
		case []string:
			sv, ok := f.Value.(pflag.SliceValue)
			if !ok {
				err = fmt.Errorf("--%s takes no list", f.Name)
				break
			}
			if err = sv.Replace(v); err == nil {
				f.Changed = true
			}
		case string:
			err = flags.Set(f.Name, v)
		case bool:
			err = flags.Set(f.Name, strconv.FormatBool(v))
		case int64:
			err = flags.Set(f.Name, strconv.FormatInt(v, 10))
		default:
			err = fmt.Errorf("a value of type %T", v)
		}
		if err != nil {
			e.add(s.At, "build.%s: %v", f.Name, err)
			continue
		}
		if h.applied == nil {
			h.applied = map[string]bool{}
		}
		h.applied[f.Name] = true
	}
	return e.err()
}

// positionOf returns where the file set flag, if it did.
func (h *houseStyle) positionOf(flag string) (position, bool) {
	if h == nil {
		return position{}, false
	}
	for _, s := range h.Build {
		if s.Flag == flag {
			return s.At, true
		}
	}
	return position{}, false
}

// kindOf names the TOML type of a decoded value, for messages.
func kindOf(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case int64:
		return "an integer"
	case float64:
		return "a number with a fraction"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	case nil:
		return "nothing"
	}
	return "a date or time"
}

// suggest returns `; did you mean "X"?` for the candidate nearest to key, when it is near
// enough to be a slip of the keyboard, and "" otherwise.
func suggest(key string, candidates []string) string {
	best, bestD := "", 3
	for _, c := range candidates {
		if d := editDistance(strings.ToLower(key), c); d < bestD || d == bestD && best != "" && c < best {
			best, bestD = c, d
		}
	}
	if best == "" || bestD > max(1, len(key)/3) {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// editDistance is the number of edits (a byte inserted, deleted or replaced, or two
// neighbours swapped) that turn a into b.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// positions holds where each key of a TOML document and its value are, by the key's dotted
// path. go-toml's decoder gives the values; its parser says where they are.
type positions map[string]keyAt

type keyAt struct{ key, value position }

func (p positions) key(path string) position   { return p[path].key }
func (p positions) value(path string) position { return p[path].value }

// tableOrder returns the keys of table t (at path prefix) in the order the file gives them.
func tableOrder(t map[string]any, at positions, prefix []string) []string {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		pa, pb := at.key(joinKey(prefix, a)), at.key(joinKey(prefix, b))
		if pa.line != pb.line {
			return pa.line - pb.line
		}
		if pa.col != pb.col {
			return pa.col - pb.col
		}
		return strings.Compare(a, b)
	})
	return keys
}

func joinKey(prefix []string, key string) string {
	return strings.Join(append(slices.Clone(prefix), key), ".")
}

// locate walks a document that go-toml has decoded without error, and returns where its keys
// are: a table's key at its header, a key's value at the value (an array, which the parser
// gives no position, at its first element, or else at its key).
func locate(data []byte) positions {
	at := positions{}
	var p unstable.Parser
	p.Reset(data)
	pos := func(r unstable.Range) position {
		s := p.Shape(r).Start
		return position{s.Line, s.Column}
	}
	var keyValue func(n *unstable.Node, table []string)
	keyValue = func(n *unstable.Node, table []string) {
		path, first := slices.Clone(table), position{}
		it := n.Key()
		for it.Next() {
			k := it.Node()
			if first == (position{}) {
				first = pos(k.Raw)
			}
			path = append(path, string(k.Data))
			// The parts of a dotted key are tables; each is where it is first written.
			if _, ok := at[strings.Join(path, ".")]; !ok {
				at[strings.Join(path, ".")] = keyAt{key: first, value: first}
			}
		}
		v := n.Value()
		vat := first
		switch {
		case v.Raw.Length > 0:
			vat = pos(v.Raw)
		case v.Kind == unstable.Array:
			if c := v.Child(); c != nil && c.Raw.Length > 0 {
				vat = pos(c.Raw)
			}
		}
		at[strings.Join(path, ".")] = keyAt{key: first, value: vat}
		if v.Kind == unstable.InlineTable {
			children := v.Children()
			for children.Next() {
				keyValue(children.Node(), path)
			}
		}
	}
	var table []string
	for p.NextExpression() {
		n := p.Expression()
		switch n.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = table[:0]
			var first position
			it := n.Key()
			for it.Next() {
				k := it.Node()
				if first == (position{}) {
					first = pos(k.Raw)
				}
				table = append(table, string(k.Data))
				if _, ok := at[strings.Join(table, ".")]; !ok {
					at[strings.Join(table, ".")] = keyAt{key: first, value: first}
				}
			}
		case unstable.KeyValue:
			keyValue(n, table)
		}
	}
	return at
}
