# galley — make targets. `make demo` builds the bundled example; `make test` runs the tests.

GO        ?= go
BIN       := bin/galley
EXAMPLE   := examples/us-recognizes-soviet-union.txt
FUZZTIME  ?= 30s
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS   := -s -w -X main.version=$(VERSION)

.PHONY: build demo lint test race check fuzz bench pictures clean

# A static binary (no cgo): it runs on any Linux of the architecture, and starts faster.
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/galley

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
RACE_PKGS := ./cmd/galley ./render ./render/pdf ./render/pdf/hyph ./render/epub ./fonts ./output ./internal/budget
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

# The README's pictures: page 1 of the example's PDF, and the key-figures table cropped from
# the page it starts on (found with pdftotext's word boxes). Needs poppler-utils.
PDF := dist/us-recognizes-soviet-union.pdf
pictures: demo
	@mkdir -p docs
	pdftoppm -r 70 -png -f 1 -l 1 -singlefile $(PDF) docs/page1
	@set -e; for p in $$(seq 1 $$(pdfinfo $(PDF) | awk '/^Pages:/ {print $$2}')); do \
	  y=$$(pdftotext -f $$p -l $$p -bbox $(PDF) - | awk -F'"' '/>Key</ {k=$$4} />Figures</ && k {print int(k); exit}'); \
	  if [ -n "$$y" ]; then \
	    h=$$(pdfinfo -f $$p -l $$p $(PDF) | awk '/size:/ {print int($$6); exit}'); \
	    top=$$(( (y - 12) * 110 / 72 )); height=$$(( (h - y - 60) * 110 / 72 )); \
	    pdftoppm -r 110 -png -f $$p -l $$p -x 0 -y $$top -W 935 -H $$height -singlefile $(PDF) docs/key-figures; \
	    echo "key figures: page $$p"; break; \
	  fi; \
	done

clean:
	rm -rf bin dist
