#!/usr/bin/env bash
# Sets the seed article with galley and with pandoc + xelatex, side by side, for comparing the
# pages: OUT/galley.pdf, and OUT/xelatex.pdf from OUT/seed.md, the article as Markdown (the
# same text, a blank line between paragraphs, its labels as headings: pandoc does not read the
# canonical form; the image's address left out, as galley does not fetch it either) set in
# pandoc's default LaTeX (article class, 10 pt Latin Modern), and each command's time. pandoc and TeX are for the comparison only; galley needs neither.
#
#   bench/latex.sh [OUT]     default OUT: dist/latex
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=internal/testkit/corpus/articles/000_89182373f193f4a0.txt
OUT=${1:-dist/latex}
command -v pandoc >/dev/null && command -v xelatex >/dev/null ||
  { echo "latex.sh: pandoc and xelatex are needed (apt-get install pandoc texlive-xetex texlive-fonts-recommended lmodern)" >&2; exit 1; }
mkdir -p "$OUT"
go build -o "$OUT/galley" ./cmd/galley
awk 'NF { sub(/[ \t\r]+$/, "") }
     NR == 1 { t = $0; gsub(/"/, "\\\"", t); print "---\ntitle: \"" t "\"\n---\n"; title = $0; next }
     !NF || $0 == title { next }
     /^(Key Figures|Summary of Event|Significance|Bibliography|Further Reading|See also)$/ { print "## " $0 "\n"; next }
     /^!\[/ { sub(/\]\(https?:[^)]*\)/, "](missing.jpg)") }
     { print $0 "\n" }' "$SEED" > "$OUT/seed.md"
time_it() {
  local s e
  s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
  echo "$(( (e - s) / 1000000 )) ms: $*"
}
time_it "$OUT/galley" build -q -f pdf -o "$OUT" "$SEED"
mv "$OUT/$(basename "$SEED" .txt).pdf" "$OUT/galley.pdf"
time_it pandoc "$OUT/seed.md" --pdf-engine=xelatex -o "$OUT/xelatex.pdf"
ls -l "$OUT"/*.pdf
