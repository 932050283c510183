#!/bin/sh
# docs/book-pictures.sh BOOK.pdf DIR: the README's pictures of a book (see the Makefile's
# pictures target): its contents page (page 2) and the first page of its chronology, whose
# number the contents give.
set -eu
book=$1 dir=$2
mkdir -p "$dir"
pdftoppm -r 70 -png -f 2 -l 2 -singlefile "$book" "$dir/book-contents"
p=$(pdftotext -f 2 -l 2 -layout "$book" - | awk '$1 == "Chronology" {print $NF; exit}')
[ -n "$p" ] || { echo "no chronology in the contents of $book" >&2; exit 1; }
pdftoppm -r 70 -png -f "$p" -l "$p" -singlefile "$book" "$dir/book-chronology"
echo "chronology: page $p"
