package source

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// frontMatter holds the keys galley reads from a Markdown document's YAML front matter.
type frontMatter struct {
	Title   string `yaml:"title"`
	Date    string `yaml:"date"`
	Summary string `yaml:"summary"`
	Locale  any    `yaml:"locale"`
	Locales any    `yaml:"locales"`
	Lang    string `yaml:"lang"`
}

// maxFrontMatter bounds a front matter, as written and as its aliases expand it: a header of
// a few keys is a few hundred bytes, while a YAML alias repeats what its anchor holds, so 57
// KB of aliases to one 50 KB string made a list of locales of 50 MB, which the renderers then
// set (12 GB).
const maxFrontMatter = 1 << 20

// expandedSize returns the size of a YAML node with every alias replaced by what it stands
// for, counting each node as its text and one byte more, up to just past maxFrontMatter. Each
// node's size is computed once (memo), so the count costs time in proportion to the nodes
// written however much they expand; an alias within its own anchor counts as too big.
func expandedSize(n *yaml.Node, memo map[*yaml.Node]int) int {
	if n == nil {
		return 0
	}
	if size, ok := memo[n]; ok {
		return size
	}
	memo[n] = maxFrontMatter + 1 // until known: a cycle is too big
	size := len(n.Value) + 1
	if n.Kind == yaml.AliasNode {
		size += expandedSize(n.Alias, memo)
	}
	for _, k := range n.Content {
		if size += expandedSize(k, memo); size > maxFrontMatter {
			break
		}
	}
	size = min(size, maxFrontMatter+1)
	memo[n] = size
	return size
}

// frontMatter reads the YAML between a document's fences (lines; fence is the line of the
// opening one) into the document's header. YAML it cannot read is ignored with a warning; a
// title that has no visible character is an error at its line.
func (p *docParser) frontMatter(lines []line, fence int) error {
	doc := p.doc
	var y strings.Builder
	for _, l := range lines {
		y.WriteString(l.text)
		y.WriteByte('\n')
	}
	warn := func(format string, a ...any) {
		doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Line: fence + 1, Col: 1, Severity: SevWarning,
			Message: fmt.Sprintf(format, a...)})
	}
	if y.Len() > maxFrontMatter {
		warn("front matter is %d bytes, over the limit of %d; ignored", y.Len(), maxFrontMatter)
		return nil
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(y.String()), &root); err != nil {
		warn("front matter not understood (%v); ignored", firstLine(err.Error()))
		return nil
	}
	if expandedSize(&root, map[*yaml.Node]int{}) > maxFrontMatter {
		warn("front matter expands, through its aliases, to more than %d bytes; ignored", maxFrontMatter)
		return nil
	}
	var fm frontMatter
	if err := root.Decode(&fm); err != nil {
		warn("front matter not understood (%v); ignored", firstLine(err.Error()))
		return nil
	}
	// Where a key's value is, in source lines: YAML counts its own from 1.
	at := func(key string) (int, int) {
		if len(root.Content) == 1 && root.Content[0].Kind == yaml.MappingNode {
			m := root.Content[0].Content
			for i := 0; i+1 < len(m); i += 2 {
				if m[i].Value == key {
					return fence + m[i+1].Line, m[i+1].Column
				}
			}
		}
		return fence, 1
	}
	return applyFrontMatter(p, &fm, fence, at)
}

// applyFrontMatter sets the document's header from the front matter's keys; at gives the
// source line and column of a key's value.
func applyFrontMatter(p *docParser, fm *frontMatter, fence int, at func(key string) (int, int)) error {
	doc := p.doc
	if t := strings.TrimSpace(fm.Title); t != "" {
		if !visible(t) {
			ln, col := at("title")
			return &Error{File: p.opt.File, Line: ln, Col: col,
				Err: fmt.Errorf("missing title: the title has no visible character (only %s)", unseen(t))}
		}
		doc.Title = t
	}
	doc.TitleLine = fence
	if s := strings.TrimSpace(fm.Summary); s != "" {
		if visible(s) {
			doc.Summary, doc.SummaryLine = s, fence
		} else {
			ln, col := at("summary")
			doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Line: ln, Col: col, Severity: SevWarning,
				Message: fmt.Sprintf("the summary has no visible character (only %s); the article has no summary", unseen(s))})
		}
	}
	if fm.Lang != "" {
		doc.Lang = fm.Lang
	}
	if fm.Date != "" {
		if !visible(fm.Date) {
			ln, col := at("date")
			doc.Diagnostics = append(doc.Diagnostics, Diagnostic{Line: ln, Col: col, Severity: SevWarning,
				Message: fmt.Sprintf("the date has no visible character (only %s); the article has no date", unseen(fm.Date))})
		} else {
			if d, ok := parseDateValue(fm.Date); ok {
				doc.Date = d
			} else {
				doc.Date = &Date{Text: fm.Date}
			}
			doc.Date.Line = fence
		}
	}
	for _, v := range []any{fm.Locale, fm.Locales} {
		switch v := v.(type) {
		case string:
			doc.Locales = append(doc.Locales, splitList(v)...)
		case []any:
			for _, x := range v {
				if s, ok := x.(string); ok && visible(s) {
					doc.Locales = append(doc.Locales, strings.TrimSpace(s))
				}
			}
		}
	}
	return nil
}
