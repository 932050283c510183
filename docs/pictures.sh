#!/bin/sh
# docs/pictures.sh SEED.pdf FIGURE.pdf DIR: the README's pictures (see the Makefile's pictures
# target). Pages are found by their words (pdftotext -bbox), so the pictures follow the layout.
set -eu
seed=$1 fig=$2 dir=$3
mkdir -p "$dir"
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
# ytop PDF PAGE WORD NEXT [BELOW]: the top of the first WORD followed by NEXT on the page
# lower than BELOW points (the running head names the part too), in points.
ytop() {
  pdftotext -f "$2" -l "$2" -bbox "$1" - |
    awk -F'"' -v w="$3" -v n="$4" -v b="${5:-60}" '$0 ~ ">"w"<" && $4 > b {y=$4; next} y && $0 ~ ">"n"<" {print int(y); exit} {y=""}'
}

# 1. page 1 of the seed
pdftoppm -r 70 -png -f 1 -l 1 -singlefile "$seed" "$dir/page1"

# 2. the key-figures table: from its heading to the heading after it (or the page's foot),
#    across the text block, at 110 dpi
for p in $(seq 1 "$(pages "$seed")"); do
  top=$(ytop "$seed" "$p" Key Figures)
  [ -n "$top" ] || continue
  end=$(ytop "$seed" "$p" Summary of "$top")
  size=$(pdfinfo -f "$p" -l "$p" "$seed" | awk '/size:/ {print int($4), int($6); exit}')
  w=${size% *} h=${size#* }
  [ -n "$end" ] || end=$((h - 70))
  left=$(pdftotext -f "$p" -l "$p" -bbox "$seed" - | awk -F'"' '/<word/ {if (m == "" || $2 < m) m = $2} END {print int(m)}')
  x=$(( (left - 12) * 110 / 72 )) width=$(( (w - 2 * left + 24) * 110 / 72 ))
  y=$(( (top - 12) * 110 / 72 )) height=$(( (end - top) * 110 / 72 ))
  pdftoppm -r 110 -png -f "$p" -l "$p" -x "$x" -y "$y" -W "$width" -H "$height" -singlefile "$seed" "$dir/key-figures"
  echo "key figures: page $p"
  break
done

# 3. the page a floated figure opens: the one whose text begins with the figure's caption
#    after the running head (title and part name)
for p in $(seq 2 "$(pages "$fig")"); do
  if pdftotext -f "$p" -l "$p" "$fig" - | grep -v '^$' | sed -n '3p' | grep -q '^Figure 1\.'; then
    pdftoppm -r 70 -png -f "$p" -l "$p" -singlefile "$fig" "$dir/float"
    echo "floated figure: page $p"
    break
  fi
done
