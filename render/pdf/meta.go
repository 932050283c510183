package pdf

import (
	"strings"
	"time"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// meta is the document's metadata, the one source of fpdf's Info dictionary and of the XMP
// packet, which PDF/A wants to agree: the title, the summary as the subject, the places as
// keywords, galley as the creator and producer, the build time, the language.
type meta struct {
	title, subject, keywords string
	creator, producer        string
	lang                     string
	date                     time.Time // creation and modification, in UTC to the second
}

// set gives fpdf the Info dictionary and the XMP packet.
func (m *meta) set(p *fpdf.Fpdf) {
	p.SetCreationDate(m.date)
	p.SetModificationDate(m.date)
	p.SetTitle(m.title, true)
	if m.subject != "" {
		p.SetSubject(m.subject, true)
	}
	if m.keywords != "" {
		p.SetKeywords(m.keywords, true)
	}
	p.SetCreator(m.creator, true)
	p.SetProducer(m.producer, true)
	// fpdf writes the tag as it is given, unescaped: only a well-formed one reaches it
	// (render.Lang).
	p.SetLang(m.lang)
	p.SetXmpMetadata(m.xmp())
}

// xmp returns the XMP packet: Dublin Core (title, description, language), the xmp and pdf
// schemas that mirror the Info dictionary, the PDF/A identification (PDF/A-2, level A: the
// document is tagged, its structure uses only standard types, every character has Unicode),
// the PDF/UA identification, and the extension schema that declares pdfuaid, which PDF/A-2
// requires of a schema that is not its own. A property whose Info entry is absent is left out.
// The packet is written uncompressed, with no padding.
func (m *meta) xmp() []byte {
	var b strings.Builder
	b.Grow(2400 + 2*len(m.title) + len(m.subject) + len(m.keywords))
	date := m.date.UTC().Format("2006-01-02T15:04:05Z")
	// begin holds U+FEFF; PDF/A wants no bytes or encoding attribute.
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		`<x:xmpmeta xmlns:x="adobe:ns:meta/">` + "\n" +
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n" +
		`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n" +
		"<dc:format>application/pdf</dc:format>\n" +
		`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">`)
	xmlText(&b, m.title)
	b.WriteString("</rdf:li></rdf:Alt></dc:title>\n")
	if m.subject != "" {
		b.WriteString(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">`)
		xmlText(&b, m.subject)
		b.WriteString("</rdf:li></rdf:Alt></dc:description>\n")
	}
	b.WriteString("<dc:language><rdf:Bag><rdf:li>")
	xmlText(&b, m.lang)
	b.WriteString("</rdf:li></rdf:Bag></dc:language>\n</rdf:Description>\n" +
		`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">` + "\n<xmp:CreatorTool>")
	xmlText(&b, m.creator)
	b.WriteString("</xmp:CreatorTool>\n<xmp:CreateDate>" + date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + date +
		"</xmp:ModifyDate>\n<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n</rdf:Description>\n" +
		`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">` + "\n<pdf:Producer>")
	xmlText(&b, m.producer)
	b.WriteString("</pdf:Producer>\n")
	if m.keywords != "" {
		b.WriteString("<pdf:Keywords>")
		xmlText(&b, m.keywords)
		b.WriteString("</pdf:Keywords>\n")
	}
	b.WriteString(`</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>A</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`)
	return []byte(b.String())
}

// xmlText writes s as XML character data, with &, < and > escaped.
func xmlText(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case '&':
			rep = "&amp;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(rep)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// metaText returns s as metadata can hold it, the same in the Info dictionary and in XML:
// without what XML 1.0 cannot hold (control characters other than tab and newline,
// noncharacters, invalid UTF-8).
func metaText(s string) string {
	ok := func(c rune, size int) bool {
		switch {
		case c == utf8.RuneError && size == 1:
			return false
		case c < 0x20 && c != '\t' && c != '\n', c >= 0x7f && c <= 0x9f, c == 0xfffe || c == 0xffff:
			return false
		}
		return true
	}
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		if !ok(c, size) {
			var b strings.Builder
			for j := 0; j < len(s); {
				c, size := utf8.DecodeRuneInString(s[j:])
				if ok(c, size) {
					b.WriteString(s[j : j+size])
				}
				j += size
			}
			return b.String()
		}
		i += size
	}
	return s
}
