# galley — make targets. `make demo` builds the bundled example; `make test` runs the tests.

GO        ?= go
BIN       := bin/galley
EXAMPLE   := examples/erie-canal-opens.txt
FUZZTIME  ?= 30s
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS   := -s -w -X main.version=$(VERSION)

.PHONY: build install demo lint test race check fuzz bench pictures clean

# A static binary (no cgo): it runs on any Linux of the architecture, and starts faster.
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/galley

# galley in $(go env GOPATH)/bin (or GOBIN), where go install puts commands: put that
# directory on PATH to run it as the README does.
install:
	CGO_ENABLED=0 $(GO) install -trimpath -ldflags '$(LDFLAGS)' ./cmd/galley
	@d=$$($(GO) env GOBIN); echo "installed $${d:-$$($(GO) env GOPATH)/bin}/galley"

demo: build
	$(BIN) build -o dist $(EXAMPLE)
	@ls -l dist

# gofmt, go vet and staticcheck (the version go.mod pins with its tool directive).
lint:
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

test:
	$(GO) test -count=1 -timeout 20m ./...

# The race detector on the packages that run goroutines or share state between them (-short
# leaves out the tests that build a binary or run hundreds of documents).
RACE_PKGS := ./cmd/galley ./render ./render/cover ./render/pdf ./render/pdf/hyph ./render/epub ./fonts ./output ./internal/budget
race:
	$(GO) test -race -short -count=1 -timeout 10m $(RACE_PKGS)

check: lint test race

# Each fuzz target runs for FUZZTIME (make fuzz FUZZTIME=10m).
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$t"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 5 ./...

# The README's pictures, made from the PDFs of two examples (Letter) by docs/pictures.sh: page 1
# of the demo article, its key-figures table cropped from the page it starts on, and the page
# of the Hastings example that a floated figure opens; the cover of the demo article's
# EPUB as examples/galley.toml's house issues it; and by docs/book-pictures.sh, the contents
# page and the first chronology page of a book of the test corpus's four articles. Needs
# poppler-utils and unzip.
BOOK_INPUTS := $(addprefix internal/testkit/corpus/articles/,000_89182373f193f4a0.txt a1.txt a3.txt a5.txt)
pictures: build
	$(BIN) build -q -o dist $(EXAMPLE) examples/battle-of-hastings.txt
	docs/pictures.sh dist/erie-canal-opens.pdf dist/battle-of-hastings.pdf docs
	$(BIN) build -q --config examples/galley.toml -f epub -o dist/house $(EXAMPLE)
	unzip -p dist/house/erie-canal-opens.epub EPUB/images/cover.png > docs/cover.png
	$(BIN) book -q --config examples/galley.toml --title "Unit 3: Interwar Diplomacy" --subtitle "A course pack" -o dist/house $(BOOK_INPUTS)
	docs/book-pictures.sh dist/house/unit-3-interwar-diplomacy.pdf docs

clean:
	rm -rf bin dist
