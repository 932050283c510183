# galley — make targets. `make demo` builds the bundled example; `make test` runs the tests.

GO        ?= go
BIN       := bin/galley
EXAMPLE   := examples/us-recognizes-soviet-union.txt
FUZZTIME  ?= 30s
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)
LDFLAGS   := -s -w -X main.version=$(VERSION)

.PHONY: build demo test check fuzz bench pictures clean

build:
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/galley

demo: build
	$(BIN) build -o dist $(EXAMPLE)
	@ls -l dist

test:
	$(GO) test -count=1 -timeout 20m ./...

check:
	@test -z "$$(gofmt -l .)" || { echo "gofmt would change:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(MAKE) test

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

clean:
	rm -rf bin dist
