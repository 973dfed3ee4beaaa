# The one test command is `make test`; .ci/run calls exactly that.
GO ?= go

.PHONY: test build demo lint gazetteer bench fuzz

build:
	$(GO) build -o bin/skyledger ./cmd/skyledger

test:
	bash scripts/test.sh

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

demo:
	$(GO) run ./cmd/skyledger demo

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
